import { useMemo } from 'react';
import type { Dataset } from '../../data/types.ts';
import { useAppStore } from '../../state/store.ts';
import { overlapReport } from './analysis.ts';
import { usePlannerLabels } from './usePlannerLabels.ts';

/** The plan's own diagnosis of homogeneous competition between cities, which this report puts in numbers. */
const PROBLEM_CLAUSE = {
  doc: '000_4ffd1604a693d041',
  quote: '各市在吸收外资中各自为战，同质化、低层次竞争现象仍很突出，区域经济协同发展的意识亟待加强。',
};

export function OverlapView({ dataset }: { dataset: Dataset }) {
  const planner = useAppStore((s) => s.planner);
  const setPlanner = useAppStore((s) => s.setPlanner);
  const filters = useAppStore((s) => s.filters);
  const showInExplorer = useAppStore((s) => s.showInExplorer);
  const select = useAppStore((s) => s.select);
  const openReader = useAppStore((s) => s.openReader);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  const rows = useMemo(() => overlapReport(dataset, filters, planner.threshold), [dataset, filters, planner.threshold]);
  const problem = dataset.features
    .flatMap((f) => f.sources)
    .find((s) => s.doc === PROBLEM_CLAUSE.doc && s.quote === PROBLEM_CLAUSE.quote);
  return (
    <div className="planner-view">
      <p className="intro">{t('overlapIntro')}</p>
      <blockquote lang="zh-Hans" className="problem-clause">
        {l.zh(PROBLEM_CLAUSE.quote)}
        {problem && (
          <button
            type="button"
            className="link-button small"
            onClick={() => openReader({ doc: problem.doc, start: problem.start, end: problem.end })}
          >
            {t('readInDocument')}
          </button>
        )}
      </blockquote>
      <label className="toolbar">
        {t('threshold')}{' '}
        <input
          type="number"
          min={1}
          max={999}
          value={planner.threshold}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1 && n <= 999) setPlanner({ threshold: n });
          }}
        />
      </label>
      <ol className="overlap" data-testid="overlap">
        {rows.map((r) => (
          <li key={r.industry.id} data-industry={r.industry.id}>
            <details>
              <summary>
                <strong>{l.industryName(r.industry)}</strong> —{' '}
                {t('overlapRow', { n: r.places.length, m: r.prefectures.length })}
              </summary>
              <button type="button" onClick={() => showInExplorer({ ...filters, industries: [r.industry.id] })}>
                {t('showOnMap')}
              </button>
              <ul className="overlap__places">
                {r.places.map((p) => (
                  <li key={p.id} data-id={p.id}>
                    <button type="button" className="link-button" onClick={() => select(p.id)}>
                      {l.featureName(p)}
                    </button>{' '}
                    <span className="muted">
                      {p.prefecture
                        .map((c) => dataset.regionByCode.get(c))
                        .filter((x) => x !== undefined)
                        .map((x) => l.regionName(x))
                        .join('、')}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
