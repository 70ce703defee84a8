// Bring your own layer: a drop zone and file picker for a GeoJSON or CSV file of sites, the result
// (or why the file cannot be used), and a way to remove the layer. A bad file changes nothing.
import { useRef, useState, type DragEvent } from 'react';
import { useAppStore } from '../../state/store.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { readUserFile } from './parse/index.ts';
import './own-layer.css';

export function OwnLayerImport() {
  const userLayer = useAppStore((s) => s.userLayer);
  const setUserLayer = useAppStore((s) => s.setUserLayer);
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string; warnings?: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await readUserFile(file, lang);
      if (!result.ok) {
        // A bad file changes nothing: the current layer stays as it was.
        setMessage({ kind: 'error', text: result.message });
        return;
      }
      setUserLayer(result.layer);
      setMessage({
        kind: 'ok',
        text: t('layerLoaded', { name: result.layer.name, n: result.layer.featureCount }),
        warnings: result.warnings,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void importFile(e.dataTransfer.files[0]);
  };

  return (
    <>
      <h2 className="own-layer__title">{t('yourLayer')}</h2>
      <div
        className={`dropzone${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>
          {t('dropHere')}{' '}
          <label className="link-button">
            {t('chooseFile')}
            <input
              ref={input}
              type="file"
              accept=".geojson,.json,.csv,.txt,application/geo+json,application/json,text/csv"
              className="visually-hidden"
              disabled={busy}
              onChange={(e) => void importFile(e.target.files?.[0])}
              data-testid="file-input"
            />
          </label>
        </p>
      </div>
      {message && (
        <div
          className={message.kind === 'error' ? 'panel-error' : 'panel-ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="import-message"
        >
          <p>{message.text}</p>
          {message.warnings?.map((w) => (
            <p key={w} className="small">
              {w}
            </p>
          ))}
        </div>
      )}
      {userLayer && (
        <p>
          {t('layerLoaded', { name: userLayer.name, n: userLayer.featureCount })}{' '}
          <button type="button" onClick={() => setUserLayer(null)}>
            {t('removeLayer')}
          </button>
        </p>
      )}
    </>
  );
}
