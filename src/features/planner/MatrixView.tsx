import { useEffect, useMemo, useRef, useState } from 'react';
import { industryTree } from '../../data/taxonomy.ts';
import type { Dataset, Industry } from '../../data/types.ts';
import { formatInteger } from '../../i18n/format.ts';
import { useAppStore } from '../../state/store.ts';
import { countMatrix, type RegionColumn } from './analysis.ts';
import { regionColumns } from './columns.ts';
import { HighlightPlaces, useFitPlaces } from './map-overlays.tsx';
import { PlaceClauseList } from './PlaceClauseList.tsx';
import { ProvinceSelect } from './ProvinceSelect.tsx';
import { usePlannerLabels } from './usePlannerLabels.ts';

export function useMatrixModel(dataset: Dataset, province: string, withZones: boolean) {
  const filters = useAppStore((s) => s.filters);
  return useMemo(() => {
    const columns = regionColumns(dataset, province, withZones);
    return { columns, matrix: countMatrix(dataset, columns, filters) };
  }, [dataset, province, withZones, filters]);
}

/** The map follows the matrix's province (Shandong's prefectures when Shandong is shown). */
function ProvinceOnMap({ dataset, province }: { dataset: Dataset; province: string }) {
  const places = useMemo(() => dataset.features.filter((f) => f.province === province), [dataset, province]);
  useFitPlaces(places, 8);
  return null;
}

/** Prefectures (and zones) × industries grouped by the taxonomy; every number opens its places. */
export function MatrixView({ dataset }: { dataset: Dataset }) {
  const planner = useAppStore((s) => s.planner);
  const setPlanner = useAppStore((s) => s.setPlanner);
  const filters = useAppStore((s) => s.filters);
  const showInExplorer = useAppStore((s) => s.showInExplorer);
  const { province } = planner;
  const [cell, setCell] = useState<{ industry: string; column: RegionColumn } | null>(null);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  const { columns, matrix } = useMatrixModel(dataset, province, planner.zones && province === '350000');
  const cellPlaces = useMemo(
    () =>
      cell ? (matrix.cells.get(`${cell.industry}|${cell.column.key}`) ?? []).map((id) => dataset.byId.get(id)!) : [],
    [cell, matrix, dataset],
  );
  // A number opens its places below the table: bring them into view.
  const cellRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (cell) cellRef.current?.scrollIntoView({ block: 'start' });
  }, [cell]);
  const count = (industry: string, c: RegionColumn) => matrix.cells.get(`${industry}|${c.key}`)?.length ?? 0;
  const sortColumn = columns.find((c) => c.key === planner.sort);
  // A link's (or the other province's) column that this matrix does not have: taxonomy order.
  const sort = planner.sort === 'total' || sortColumn ? planner.sort : 'taxonomy';
  const setSort = (key: string) => setPlanner({ sort: key });

  return (
    <div className="planner-view">
      <p className="intro">{t('matrixIntro')}</p>
      <div className="toolbar">
        <ProvinceSelect />
        <label>
          <input type="checkbox" checked={planner.zones} onChange={(e) => setPlanner({ zones: e.target.checked })} />{' '}
          {t('includeZones')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={planner.subIndustries}
            onChange={(e) => setPlanner({ subIndustries: e.target.checked })}
          />{' '}
          {t('showSubIndustries')}
        </label>
        <label>
          {t('sortBy')}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value)} aria-label={t('sortBy')}>
            <option value="taxonomy">{t('sortTaxonomy')}</option>
            <option value="total">{t('total')}</option>
            {columns.map((c) => (
              <option key={c.key} value={c.key}>
                {l.columnLabel(c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t('appliedFilters')}</p>
      <p className="muted small">{t('matrixRowNote')}</p>
      <div className="table-scroll">
        <table className="matrix" data-testid="matrix">
          <thead>
            <tr>
              <th scope="col">{t('industry')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.key} data-column={c.key} className={c.type === 'zone' ? 'is-zone' : undefined}>
                  <button
                    type="button"
                    className="th-button"
                    title={t('sortColumn')}
                    onClick={() => setSort(c.key)}
                    aria-pressed={sort === c.key}
                  >
                    {l.columnLabel(c)}
                  </button>
                </th>
              ))}
              <th scope="col">
                <button
                  type="button"
                  className="th-button"
                  onClick={() => setSort('total')}
                  aria-pressed={sort === 'total'}
                >
                  {t('total')}
                </button>
              </th>
            </tr>
          </thead>
          {dataset.groups.map((g) => {
            const byValue = (a: Industry, b: Industry) =>
              sort === 'total'
                ? (matrix.rowTotals.get(b.id)?.length ?? 0) - (matrix.rowTotals.get(a.id)?.length ?? 0)
                : count(b.id, sortColumn!) - count(a.id, sortColumn!);
            const order = (list: Industry[]) => (sort === 'taxonomy' ? list : [...list].sort(byValue));
            const tree = industryTree(dataset.industries, g.id);
            const top = tree.filter((r) => r.depth === 0).map((r) => r.industry);
            // Sub-industries (when shown) follow their industry, sorted among themselves.
            const sorted = order(top).flatMap((ind) => [
              { ind, sub: false },
              ...(planner.subIndustries
                ? order(tree.filter((r) => r.depth > 0 && r.industry.parent === ind.id).map((r) => r.industry)).map(
                    (child) => ({ ind: child, sub: true }),
                  )
                : []),
            ]);
            return (
              <tbody key={g.id} data-group={g.id}>
                <tr className="matrix__group">
                  <th scope="row">{t('groupSubtotal', { group: l.industryName(g) })}</th>
                  {columns.map((c) => (
                    <td key={c.key}>{matrix.groups.get(`group:${g.id}|${c.key}`)?.length ?? 0}</td>
                  ))}
                  <td />
                </tr>
                {sorted.map(({ ind, sub }) => (
                  <tr key={ind.id} data-industry={ind.id} className={sub ? 'matrix__sub' : undefined}>
                    <th scope="row">{l.industryName(ind)}</th>
                    {columns.map((c) => {
                      const n = count(ind.id, c);
                      return (
                        <td key={c.key} data-column={c.key} className={n ? `heat-${Math.min(4, n)}` : undefined}>
                          {n > 0 ? (
                            <button
                              type="button"
                              className="cell-button"
                              aria-label={`${l.industryName(ind)} · ${l.columnLabel(c)}: ${formatInteger(n)}`}
                              onClick={() => setCell({ industry: ind.id, column: c })}
                            >
                              {formatInteger(n)}
                            </button>
                          ) : (
                            <span className="zero">·</span>
                          )}
                        </td>
                      );
                    })}
                    <td className="total">{matrix.rowTotals.get(ind.id)?.length ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
      {!cell && <ProvinceOnMap dataset={dataset} province={province} />}
      {cell && (
        <section className="cell-detail" aria-live="polite" data-testid="cell-detail" ref={cellRef}>
          <HighlightPlaces places={cellPlaces} />
          <h2>
            {l.industryName(dataset.industryById.get(cell.industry)!)} · {l.columnLabel(cell.column)}
          </h2>
          {cell.column.type === 'prefecture' && (
            <button
              type="button"
              onClick={() =>
                showInExplorer({ ...filters, industries: [cell.industry], prefectures: [cell.column.ref] })
              }
            >
              {t('showOnMap')}
            </button>
          )}
          <PlaceClauseList dataset={dataset} industry={cell.industry} places={cellPlaces} />
        </section>
      )}
    </div>
  );
}
