// Up to five shortlisted places side by side: one column each, one row per fact, every industry
// on its own row so that a shared one lines up across the columns. On a phone one column at a time.
import { useState } from 'react';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import { joinList } from '../../i18n/format.ts';
import { MAX_COMPARE } from '../../state/model.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { industryRows } from './compare.ts';
import { countyText } from './export.ts';
import { FACILITY_TYPES, logisticsOf } from './logistics.ts';
import { FACILITY_LABEL, FacilityLine } from './LogisticsView.tsx';
import { OutlinesPending, TextsPending } from '../../components/Pending.tsx';
import { usePlaceTexts } from '../../state/use-place-texts.ts';
import { useOutlines } from '../../state/use-outlines.ts';

export function CompareTable({ dataset, places }: { dataset: Dataset; places: PlanFeature[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [active, setActive] = useState(0);
  const { outlines, error } = useOutlines();
  const { places: texted, error: textsError } = usePlaceTexts(places);
  if (places.length === 0) return <p className="muted">{t('compareNone')}</p>;
  if (!outlines) return <OutlinesPending error={error} />;
  const shown = Math.min(active, places.length - 1);
  const col = (n: number) => (n === shown ? 'is-active' : undefined);
  const rows = industryRows(dataset, places);
  const logistics = places.map((p) => logisticsOf(dataset, p, outlines));
  const row = (label: string, cell: (p: PlanFeature, n: number) => React.ReactNode, className?: string) => (
    <tr className={className}>
      <th scope="row">{label}</th>
      {places.map((p, n) => (
        <td key={p.id} className={col(n)}>
          {cell(p, n)}
        </td>
      ))}
    </tr>
  );

  return (
    <div className="compare-places">
      <p className="muted small">{t('comparePlacesIntro', { n: MAX_COMPARE })}</p>
      {/* Phones show one place at a time: these tabs choose which column. */}
      <div role="tablist" aria-label={t('compareShowing')} className="compare-places__tabs">
        {places.map((p, n) => (
          <button key={p.id} type="button" role="tab" aria-selected={n === shown} onClick={() => setActive(n)}>
            {n + 1}. {i18n.featureName(p)}
          </button>
        ))}
      </div>
      <div className="compare-places__scroll">
        <table className="compare-places__table" data-testid="compare-table">
          <thead>
            <tr>
              <td />
              {places.map((p, n) => (
                <th key={p.id} scope="col" className={col(n)}>
                  {n + 1}. {i18n.featureName(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row(t('kind'), (p) => i18n.kindName(p.kind))}
            {row(t('prefecture'), (p) =>
              joinList(
                lang,
                p.prefecture.map((c) => dataset.regionByCode.get(c)).flatMap((r) => (r ? [i18n.regionName(r)] : [])),
              ),
            )}
            {row(t('county'), (p) =>
              p.precision === 'point_prefecture_seat' ? (
                <span className="muted">{t('notStated')}</span>
              ) : (
                countyText(p, i18n) || <span className="muted">—</span>
              ),
            )}
            {row(t('location'), (p) => i18n.precisionName(p.precision))}
            <tr className="compare-places__group">
              <th scope="rowgroup" colSpan={places.length + 1}>
                {t('plannedIndustries')}
              </th>
            </tr>
            {rows.map((r) => {
              const industry = dataset.industryById.get(r.id);
              return (
                <tr key={r.id} data-industry={r.id} className={r.shared ? 'is-shared' : undefined}>
                  <th scope="row">
                    {industry ? i18n.industryName(industry) : r.id}
                    {r.shared && <span className="compare-places__shared"> · {t('sharedIndustry')}</span>}
                  </th>
                  {places.map((p, n) => (
                    <td key={p.id} className={col(n)} data-planned={p.industries.includes(r.id) || undefined}>
                      {p.industries.includes(r.id) ? '✓' : <span className="muted">{t('notPlanned')}</span>}
                    </td>
                  ))}
                </tr>
              );
            })}
            {row(t('function'), (_p, n) => {
              if (!texted) return <TextsPending error={textsError} inline />;
              const role = texted[n].function_zh;
              return role ? <span lang="zh-Hans">{i18n.zh(role)}</span> : <span className="muted">—</span>;
            })}
            {row(
              t('clauses'),
              (p, n) => (
                <ul className="compare-places__clauses">
                  {p.sources.map((c, i) => {
                    const doc = dataset.documentById.get(c.doc);
                    // The words come with the places' texts, fetched once for the table.
                    const words = texted?.[n].sources[i];
                    return (
                      <li key={`${c.doc}:${c.start}`}>
                        {doc && <span className="compare-places__doc">{i18n.docLine(doc)}</span>}
                        {words ? <q lang="zh-Hans">{words.quote}</q> : <TextsPending error={textsError} inline />}
                      </li>
                    );
                  })}
                </ul>
              ),
              'compare-places__clause-row',
            )}
            <tr className="compare-places__group">
              <th scope="rowgroup" colSpan={places.length + 1}>
                {t('logistics')} <span className="muted small">{t('logisticsCaveat')}</span>
              </th>
            </tr>
            {FACILITY_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row">{t(FACILITY_LABEL[type])}</th>
                {places.map((p, n) => (
                  <td key={p.id} className={col(n)}>
                    <FacilityLine dataset={dataset} near={logistics[n].nearest[type]} />
                    {logistics[n].from === 'centroid' && <span className="muted small"> ({t('fromCentroid')})</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('logisticsMethod')}</p>
    </div>
  );
}
