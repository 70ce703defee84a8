import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { ShortlistToggle } from '../../components/ShortlistToggle.tsx';
import type { PlanFeature } from '../../data/types.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { useDeferredPlaces } from '../../state/use-places.ts';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import './results.css';

/** Rows drawn at first, and added by each "show more": a screenful several times over. */
const PAGE = 50;

/**
 * The places on the map, as a list: the same set, in step with hover and selection. Arrow keys
 * move between places, Enter selects; it is a complete alternative to the map.
 *
 * It follows a filter or search in the render after the click (React's deferred value, as the map
 * does), so that the click itself is answered within a frame even over 100,000 places; while it
 * lags it says so (`aria-busy`). Only the rows that changed are redrawn, and rows scrolled out of
 * view are not painted.
 */
export function ResultList() {
  const { places, current } = useDeferredPlaces();
  const dataset = useAppStore((s) => s.dataset);
  const loadError = useAppStore((s) => s.loadError);
  const [limit, setLimit] = useState(PAGE);
  const i18n = useI18n();
  const { t } = i18n;

  if (loadError) return null;
  if (!dataset) return <p className="results__status">{t('loading')}</p>;

  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={!current}>
      <h2 id="results-heading" className="results__count" aria-live="polite">
        {t('results', { n: places.length })}
      </h2>
      {places.length === 0 ? (
        <p className="results__status">{t('noResults')}</p>
      ) : (
        <Rows places={places} limit={limit} />
      )}
      {places.length > limit && (
        <button type="button" className="link-button" onClick={() => setLimit(limit + PAGE)}>
          {t('showAll')} ({places.length - limit})
        </button>
      )}
    </section>
  );
}

/** The first `limit` rows. */
const Rows = memo(function Rows({ places, limit }: { places: PlanFeature[]; limit: number }) {
  const selectedId = useAppStore((s) => s.selectedId);
  const hoverId = useAppStore((s) => s.hoverId);
  const listRef = useRef<HTMLOListElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.result') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(buttons.length - 1);
    else return;
    e.preventDefault();
  };

  return (
    <ol className="results__list" ref={listRef} onKeyDown={onKeyDown} data-testid="result-list">
      {places.slice(0, limit).map((f) => (
        <Row key={f.id} f={f} hovered={f.id === hoverId} selected={f.id === selectedId} />
      ))}
    </ol>
  );
});

/**
 * One place. Redrawn only when its own hover or selection state changes, or the language (through
 * useI18n): a filter that keeps a place in the list, or hovering another row, leaves it alone.
 */
const Row = memo(function Row({ f, hovered, selected }: { f: PlanFeature; hovered: boolean; selected: boolean }) {
  const dataset = useAppStore((s) => s.dataset)!;
  const select = useAppStore((s) => s.select);
  const hover = useAppStore((s) => s.hover);
  const i18n = useI18n();
  const regions = f.prefecture
    .map((c) => dataset.regionByCode.get(c))
    .filter((r) => r !== undefined)
    .map((r) => i18n.regionName(r))
    .join('、');
  return (
    <li className="result-row">
      <button
        type="button"
        className={`result${hovered ? ' is-hover' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-id={f.id}
        onClick={() => select(f.id)}
        onMouseEnter={() => hover(f.id)}
        onMouseLeave={() => hover(null)}
        onFocus={() => hover(f.id)}
        onBlur={() => hover(null)}
      >
        <span className="swatch" style={{ background: KIND_COLORS[f.kind] }} aria-hidden="true" />
        <span className="result__name">{i18n.featureName(f)}</span>
        <span className="result__meta">
          {i18n.kindName(f.kind)} · {regions}
        </span>
        {f.industries.length > 0 && (
          <span className="result__industries">
            {f.industries
              .slice(0, 4)
              .map((id) => dataset.industryById.get(id))
              .filter((x) => x !== undefined)
              .map((x) => i18n.industryName(x))
              .join(' · ')}
            {f.industries.length > 4 ? ' …' : ''}
          </span>
        )}
      </button>
      <ShortlistToggle id={f.id} name={i18n.featureName(f)} />
    </li>
  );
});
