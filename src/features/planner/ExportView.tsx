import { useRef, useState, type DragEvent } from 'react';
import type { Dataset } from '../../data/types.ts';
import { KIND_ORDER } from '../../data/types.ts';
import { getMapInstance } from '../map/map-instance.ts';
import { renderMapPng } from '../map/export-png.ts';
import { KIND_COLORS } from '../map/plan-layers.ts';
import { useAppStore } from '../../state/store.ts';
import { usePlaces } from '../../state/use-places.ts';
import { download, matrixToCsv, placesToCsv, placesToGeoJSON } from './export.ts';
import { readUserFile } from './import-layer.ts';
import { useMatrixModel } from './MatrixView.tsx';
import { usePlannerLabels } from './usePlannerLabels.ts';

const stamp = () => new Date().toISOString().slice(0, 10);

export function ExportView({ dataset }: { dataset: Dataset }) {
  const { places } = usePlaces();
  const planner = useAppStore((s) => s.planner);
  const userLayer = useAppStore((s) => s.userLayer);
  const setUserLayer = useAppStore((s) => s.setUserLayer);
  const l = usePlannerLabels(dataset);
  const { t, lang } = l;
  const { columns, matrix } = useMatrixModel(dataset, '350000', planner.zones);
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

  const exportPng = async () => {
    const map = getMapInstance();
    if (!map) return setMessage({ kind: 'error', text: t('mapNeededForPng') });
    const kinds = KIND_ORDER.filter((k) => places.some((p) => p.kind === k));
    const docs = dataset.documents.filter((d) => places.some((p) => p.docs.includes(d.doc)));
    const blob = await renderMapPng(map, {
      title: t('title'),
      legend: kinds.map((k) => ({ color: KIND_COLORS[k], label: l.kindName(k) })),
      sources: docs.map((d) => `${d.period.start}–${d.period.end} ${l.docTitle(d)} (${l.docIssuer(d)})`),
    });
    download(`fujian-plan-map-${stamp()}.png`, blob, 'image/png');
  };

  return (
    <div className="planner-view">
      <p className="intro">{t('exportIntro')}</p>
      <p className="muted">{t('exportedRows', { n: places.length })}</p>
      <div className="export-buttons">
        <button
          type="button"
          onClick={() =>
            download(`fujian-plan-places-${stamp()}.geojson`, placesToGeoJSON(places), 'application/geo+json')
          }
        >
          {t('exportGeoJSON')}
        </button>
        <button
          type="button"
          onClick={() =>
            download(`fujian-plan-places-${stamp()}.csv`, placesToCsv(places, dataset, lang), 'text/csv;charset=utf-8')
          }
        >
          {t('exportCSV')}
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `fujian-plan-matrix-${stamp()}.csv`,
              matrixToCsv(dataset, columns, matrix, l.columnLabel, lang),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('exportMatrix')}
        </button>
        <button type="button" onClick={() => void exportPng()}>
          {t('exportPNG')}
        </button>
      </div>
      <h3>{t('yourLayer')}</h3>
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
    </div>
  );
}
