import { useState, type ReactNode } from 'react';
import type { Dataset } from '../../data/types.ts';
import { download, todayStamp } from '../../lib/download.ts';
import { useAppStore } from '../../state/store.ts';
import { usePlaces } from '../../state/use-places.ts';
import { loadOutlines, type Outlines } from '../../data/outlines.ts';
import { loadPlaceTexts } from '../../data/place-texts.ts';
import type { TextedPlace } from '../../data/types.ts';
import { matrixToCsv, placesToCsv, placesToGeoJSON } from './export.ts';
import { useMatrixModel } from './MatrixView.tsx';
import { useMapPng } from './use-map-png.ts';
import { usePlannerLabels } from './usePlannerLabels.ts';

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
  // GIS formats load on demand (the GeoPackage writer brings SQLite as WebAssembly).
  const exportGis = async (format: 'kml' | 'gpkg') => {
    setMessage(null);
    try {
      const { gisExportFileName } = await import('./gis-formats/places.ts');
      const labels = {
        industry: l.industryName,
        kind: l.kindName,
        precision: l.precisionName,
        region: l.regionName,
        documentTitle: l.docTitle,
      };
      const subset = { ...dataset, features: places, outlines: await loadOutlines() };
      if (format === 'kml') {
        const { placesToKmlBlob } = await import('./gis-formats/kml.ts');
        download(
          gisExportFileName('kml'),
          placesToKmlBlob(subset, { language: lang, labels }),
          'application/vnd.google-earth.kml+xml',
        );
      } else {
        const [{ placesToGeoPackageBlob }, { SQL_WASM_URL }] = await Promise.all([
          import('./gis-formats/geopackage.ts'),
          import('./gis-formats/sql-wasm-url.ts'),
        ]);
        const blob = await placesToGeoPackageBlob(subset, { language: lang, labels, sqlWasmUrl: SQL_WASM_URL });
        download(gisExportFileName('gpkg'), blob, 'application/geopackage+sqlite3');
      }
    } catch (e) {
      setMessage({ kind: 'error', text: `${t('exportFailed')} ${(e as Error).message}` });
    }
  };

  // The place files hold each area's shape and each clause's words: the outlines and the places'
  // texts load on the first export.
  const withFullData = async (write: (texted: TextedPlace[], outlines: Outlines) => void) => {
    setMessage(null);
    try {
      const [texted, outlines] = await Promise.all([loadPlaceTexts(dataset, places), loadOutlines()]);
      write(texted, outlines);
    } catch (e) {
      setMessage({ kind: 'error', text: `${t('exportFailed')} ${(e as Error).message}` });
    }
  };

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
            withFullData((texted, outlines) =>
              download(
                `fujian-plan-places-${todayStamp()}.geojson`,
                placesToGeoJSON(texted, outlines),
                'application/geo+json',
              ),
            )
          }
        >
          {t('exportGeoJSON')}
        </button>
        <button
          type="button"
          onClick={() =>
            withFullData((texted, outlines) =>
              download(
                `fujian-plan-places-${todayStamp()}.csv`,
                placesToCsv(texted, dataset, lang, outlines),
                'text/csv;charset=utf-8',
              ),
            )
          }
        >
          {t('exportCSV')}
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `fujian-plan-matrix-${todayStamp()}.csv`,
              matrixToCsv(dataset, columns, matrix, l.columnLabel, lang),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('exportMatrix')}
        </button>
        <button type="button" onClick={() => void exportGis('kml')}>
          {t('exportKML')}
        </button>
        <button type="button" onClick={() => void exportGis('gpkg')}>
          {t('exportGeoPackage')}
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
