import { useState, type ReactNode } from 'react';
import type { Dataset } from '../../data/types.ts';
import { download } from '../../lib/download.ts';
import { useAppStore } from '../../state/store.ts';
import { usePlaces } from '../../state/use-places.ts';
import { matrixToCsv, placesToCsv, placesToGeoJSON } from './export.ts';
import { useMatrixModel } from './MatrixView.tsx';
import { useMapPng } from './use-map-png.ts';
import { usePlannerLabels } from './usePlannerLabels.ts';

const stamp = () => new Date().toISOString().slice(0, 10);

/** Exports of what the planner shows; `children` are what the app adds below them (the own layer). */
export function ExportView({ dataset, children }: { dataset: Dataset; children?: ReactNode }) {
  const { places } = usePlaces();
  const planner = useAppStore((s) => s.planner);
  const l = usePlannerLabels(dataset);
  const { t, lang } = l;
  // The matrix as the matrix tab shows it: its province, zones only where it offers them.
  const { columns, matrix } = useMatrixModel(dataset, planner.province, planner.zones && planner.province === '350000');
  const [message, setMessage] = useState<{ kind: 'error'; text: string } | null>(null);
  const png = useMapPng(dataset);
  const exportPng = async () => {
    if (!png.ready) return setMessage({ kind: 'error', text: t('mapNeededForPng') });
    await png.save(places);
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
      {message && (
        <div className="panel-error" role="alert">
          <p>{message.text}</p>
        </div>
      )}
      {children}
    </div>
  );
}
