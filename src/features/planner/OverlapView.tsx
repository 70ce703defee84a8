import { useMemo, useState } from 'react';
import type { Dataset } from '../../data/types.ts';
import { listSeparator } from '../../i18n/format.ts';
import { useAppStore } from '../../state/store.ts';
import { overlapReport, PROBLEM_CLAUSE } from './analysis.ts';
import { ProvinceSelect } from './ProvinceSelect.tsx';
import { usePlannerLabels } from './usePlannerLabels.ts';

export function OverlapView({ dataset }: { dataset: Dataset }) {
  const planner = useAppStore((s) => s.planner);
  const setPlanner = useAppStore((s) => s.setPlanner);
  const filters = useAppStore((s) => s.filters);
  const showInExplorer = useAppStore((s) => s.showInExplorer);
  const select = useAppStore((s) => s.select);
  const openReader = useAppStore((s) => s.openReader);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  const { province } = planner;
  const rows = useMemo(
    () => overlapReport(dataset, filters, planner.threshold, province),
    [dataset, filters, planner.threshold, province],
  );
  const [clamped, setClamped] = useState<number | null>(null);
  const problemProvince = dataset.documentById.get(PROBLEM_CLAUSE.doc)?.province;
  return (
    <div className="planner-view">
      <p className="intro">{t('overlapIntro')}</p>
      <ProvinceSelect className="toolbar" />
      {/* The plan's diagnosis is about Fujian's cities: shown beside Fujian's report only. */}
      {province === problemProvince && (
        <blockquote lang="zh-Hans" className="problem-clause" data-testid="problem-clause">
          {l.zh(PROBLEM_CLAUSE.quote)}
          <button
            type="button"
            className="link-button small"
            onClick={() =>
              openReader({ doc: PROBLEM_CLAUSE.doc, start: PROBLEM_CLAUSE.start, end: PROBLEM_CLAUSE.end })
            }
          >
            {t('readInDocument')}
          </button>
        </blockquote>
      )}
      <label className="toolbar">
        {t('threshold')}{' '}
        <input
          type="number"
          min={1}
          max={999}
          value={planner.threshold}
          onChange={(e) => {
            if (e.target.value === '') return;
            const n = Math.round(Number(e.target.value));
            if (!Number.isFinite(n)) return;
            // Out of range: the nearest allowed value, and say so.
            const bounded = Math.min(999, Math.max(1, n));
            setClamped(bounded === n ? null : bounded);
            setPlanner({ threshold: bounded });
          }}
        />
      </label>
      {clamped !== null && (
        <p className="muted small" role="status" data-testid="threshold-clamped">
          {t('thresholdClamped', { n: clamped })}
        </p>
      )}
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
                        .join(listSeparator(l.lang))}
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
