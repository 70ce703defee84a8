import { useEffect, useMemo, useRef, useState } from 'react';
import { matchesFilters } from '../../data/query.ts';
import type { Dataset } from '../../data/types.ts';
import { formatInteger } from '../../i18n/format.ts';
import { useAppStore } from '../../state/store.ts';
import { industriesByDocument } from './analysis.ts';
import { HighlightPlaces } from './map-overlays.tsx';
import { PlaceClauseList } from './PlaceClauseList.tsx';
import { usePlannerLabels } from './usePlannerLabels.ts';

/** Industries by plan document and period; Shandong's 2006 plan stands beside Fujian's. */
export function PlansView({ dataset }: { dataset: Dataset }) {
  const filters = useAppStore((s) => s.filters);
  const showInExplorer = useAppStore((s) => s.showInExplorer);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  const table = useMemo(() => industriesByDocument(dataset, filters), [dataset, filters]);
  const docs = [...dataset.documents].sort((a, b) => a.period.start - b.period.start);
  const [cell, setCell] = useState<{ industry: string; doc: string } | null>(null);
  const cellIds = useMemo(() => (cell ? (table.get(cell.industry)?.get(cell.doc) ?? []) : []), [cell, table]);
  const cellPlaces = useMemo(() => cellIds.map((id) => dataset.byId.get(id)!), [cellIds, dataset]);
  // A number opens its places below the table: bring them into view.
  const cellRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (cell) cellRef.current?.scrollIntoView({ block: 'start' });
  }, [cell]);
  // The explorer can filter by industry and by document, but not by "this document plans this
  // industry": its map is offered only where the two select the same places.
  const mapFilters = useMemo(
    () => (cell ? { ...filters, industries: [cell.industry], docs: [cell.doc], prefectures: [] } : null),
    [cell, filters],
  );
  // Counted once per opened cell, not on every render of the table.
  const mapCount = useMemo(
    () => (mapFilters ? dataset.features.filter((f) => matchesFilters(f, mapFilters)).length : 0),
    [dataset, mapFilters],
  );
  return (
    <div className="planner-view">
      <p className="intro">{t('plansIntro')}</p>
      <div className="table-scroll">
        <table className="matrix" data-testid="plans">
          <thead>
            <tr>
              <th scope="col">{t('industry')}</th>
              {docs.map((d) => (
                <th scope="col" key={d.doc} title={l.docTitle(d)}>
                  <span className="th-period">
                    {d.period.start === d.period.end ? d.period.start : `${d.period.start}–${d.period.end}`}
                  </span>
                  <span className="th-doc">{l.docTitle(d)}</span>
                  <span className="th-province">{l.provinceName(d.province)}</span>
                </th>
              ))}
            </tr>
          </thead>
          {dataset.groups.map((g) => (
            <tbody key={g.id}>
              <tr className="matrix__group">
                <th scope="row" colSpan={docs.length + 1}>
                  {l.industryName(g)}
                </th>
              </tr>
              {dataset.industries
                .filter((i) => i.group === g.id && table.has(i.id))
                .map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{l.industryName(i)}</th>
                    {docs.map((d) => {
                      const n = table.get(i.id)?.get(d.doc)?.length ?? 0;
                      return (
                        <td key={d.doc} className={n ? `heat-${Math.min(4, n)}` : undefined}>
                          {n ? (
                            <button
                              type="button"
                              className="cell-button"
                              aria-label={`${l.industryName(i)} · ${l.docTitle(d)}: ${formatInteger(n)}`}
                              aria-expanded={cell?.industry === i.id && cell.doc === d.doc}
                              onClick={() => setCell({ industry: i.id, doc: d.doc })}
                            >
                              {formatInteger(n)}
                            </button>
                          ) : (
                            <span className="zero">·</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
      {cell && mapFilters && (
        <section className="cell-detail" aria-live="polite" data-testid="cell-detail" ref={cellRef}>
          <HighlightPlaces places={cellPlaces} />
          <h2>
            {l.industryName(dataset.industryById.get(cell.industry)!)} ·{' '}
            {l.docTitle(dataset.documentById.get(cell.doc)!)}
          </h2>
          {mapCount === cellIds.length ? (
            <button type="button" onClick={() => showInExplorer(mapFilters)}>
              {t('showOnMap')}
            </button>
          ) : (
            <p className="muted">{t('plansNoMap', { n: mapCount - cellIds.length })}</p>
          )}
          <PlaceClauseList dataset={dataset} industry={cell.industry} doc={cell.doc} places={cellPlaces} />
        </section>
      )}
    </div>
  );
}
