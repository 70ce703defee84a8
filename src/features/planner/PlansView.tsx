import { useMemo } from 'react';
import type { Dataset } from '../../data/types.ts';
import { useAppStore } from '../../state/store.ts';
import { industriesByDocument } from './analysis.ts';
import { usePlannerLabels } from './usePlannerLabels.ts';

/** Industries by plan document and period; Shandong's 2006 plan stands beside Fujian's. */
export function PlansView({ dataset }: { dataset: Dataset }) {
  const filters = useAppStore((s) => s.filters);
  const showInExplorer = useAppStore((s) => s.showInExplorer);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  const table = useMemo(() => industriesByDocument(dataset, filters), [dataset, filters]);
  const docs = [...dataset.documents].sort((a, b) => a.period.start - b.period.start);
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
                  <span className="th-province">{l.provinceLabel(d.province)}</span>
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
                              aria-label={`${l.industryName(i)} · ${l.docTitle(d)}: ${n}`}
                              onClick={() =>
                                showInExplorer({ ...filters, industries: [i.id], docs: [d.doc], prefectures: [] })
                              }
                            >
                              {n}
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
    </div>
  );
}
