import { lazy, Suspense, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../state/use-i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useAppStore } from '../../state/store.ts';
import { PLANNER_TABS, type PlannerTab } from '../../state/model.ts';
import { MatrixView } from './MatrixView.tsx';
import { ChoroplethView } from './ChoroplethView.tsx';
import { CompareView } from './CompareView.tsx';
import { PlansView } from './PlansView.tsx';
import { OverlapView } from './OverlapView.tsx';
import './planner.css';

// The export tab pulls in the file parser; load it when opened.
const ExportView = lazy(() => import('./ExportView.tsx').then((m) => ({ default: m.ExportView })));

const TAB_LABELS: Record<PlannerTab, MessageKey> = {
  matrix: 'tabMatrix',
  choropleth: 'tabChoropleth',
  compare: 'tabCompare',
  plans: 'tabPlans',
  overlap: 'tabOverlap',
  export: 'tabExport',
};

/** The planner's workspace: comparisons across prefectures, zones and plans, and exports. */
/** `exportExtras`: what the app shows under the exports (the own-layer import). */
export function PlannerView({ exportExtras }: { exportExtras?: ReactNode }) {
  const dataset = useAppStore((s) => s.dataset);
  const tab = useAppStore((s) => s.planner.tab);
  const setPlanner = useAppStore((s) => s.setPlanner);
  const { t } = useI18n();
  // A new tab starts at its top, not at the previous tab's scroll position.
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [tab]);
  if (!dataset) return <p className="results__status">{t('loading')}</p>;
  const onKey = (e: KeyboardEvent) => {
    const i = PLANNER_TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    const to = PLANNER_TABS[(next + PLANNER_TABS.length) % PLANNER_TABS.length];
    setPlanner({ tab: to });
    document.getElementById(`tab-${to}`)?.focus();
  };
  return (
    <section className="planner" aria-label={t('plannerMode')} ref={sectionRef}>
      <div role="tablist" className="tabs" aria-label={t('plannerMode')} onKeyDown={onKey}>
        {PLANNER_TABS.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            role="tab"
            type="button"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setPlanner({ tab: id })}
          >
            {t(TAB_LABELS[id])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'matrix' && <MatrixView dataset={dataset} />}
        {tab === 'choropleth' && <ChoroplethView dataset={dataset} />}
        {tab === 'compare' && <CompareView dataset={dataset} />}
        {tab === 'plans' && <PlansView dataset={dataset} />}
        {tab === 'overlap' && <OverlapView dataset={dataset} />}
        {tab === 'export' && (
          <Suspense fallback={<p>{t('loading')}</p>}>
            <ExportView dataset={dataset}>{exportExtras}</ExportView>
          </Suspense>
        )}
      </div>
    </section>
  );
}
