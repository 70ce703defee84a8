import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { highlight, matchedIndustries } from '../../data/search/highlight.ts';
import { ShortlistToggle } from '../../components/ShortlistToggle.tsx';
import type { PlanFeature } from '../../data/types.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { queryMatchOf, useDeferredPlaces } from '../../state/use-places.ts';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import { Marked } from './Marked.tsx';
import { formatInteger } from '../../i18n/format.ts';
import './results.css';

/** The first page of the list: past it, the reader asks for all ("show all"). */
const PAGE = 50;
/**
 * Rows built at a time: at first (about two screenfuls of the sidebar), and again each time the
 * reader comes near the last one built, up to the page (or all, once asked for).
 */
export const ROW_CHUNK = 20;

/** The nearest box around `el` that scrolls (null: the page). */
function scrollingBoxOf(el: Element): Element | null {
  for (let box = el.parentElement; box; box = box.parentElement)
    if (/auto|scroll/.test(getComputedStyle(box).overflowY)) return box;
  return null;
}

/**
 * The places on the map, as a list: the same set, in step with hover and selection. The list is
 * one tab stop (a roving tabindex: the last focused place, else the selected one, else the first);
 * arrow keys, Home and End move between places, Enter selects, Tab leaves the list. It is a
 * complete alternative to the map. With a search, each row shows why it matched.
 *
 * It follows a filter or search in the render after the click (React's deferred value, as the map
 * does), so that the click itself is answered within a frame even over 100,000 places; while it
 * lags it says so (`aria-busy`).
 */
export function ResultList() {
  const { places, current, query } = useDeferredPlaces();
  const dataset = useAppStore((s) => s.dataset);
  const loadError = useAppStore((s) => s.loadError);
  const i18n = useI18n();
  const { t } = i18n;

  if (loadError) return null;
  if (!dataset) return <p className="results__status">{t('loading')}</p>;

  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={!current}>
      <h2 id="results-heading" className="results__count" aria-live="polite">
        {t('results', { n: formatInteger(places.length) })}
      </h2>
      {places.length === 0 ? (
        <p className="results__status">{t('noResults')}</p>
      ) : (
        <Rows places={places} query={query} />
      )}
    </section>
  );
}

/**
 * The rows, built as the reader comes to them: ROW_CHUNK at first, more as the reader scrolls (or
 * moves with the keyboard) to within half a screenful of the last one, up to the first page, and
 * past it once the reader asks for all. Only the rows that changed are redrawn, and rows scrolled
 * out of view are not painted.
 *
 * Rows are kept by position, not by place: a new selection writes its places into the rows there
 * are. (Keyed by place, a filter click at 100,000 places built 50 rows and tore 50 down, about
 * 10 ms of its main-thread time in CPU profiles; building 20 rows rather than 50 saves more.)
 */
const Rows = memo(function Rows({ places, query }: { places: PlanFeature[]; query: string }) {
  const selectedId = useAppStore((s) => s.selectedId);
  const hoverId = useAppStore((s) => s.hoverId);
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  // How many rows are built, for these places (a new selection starts again at ROW_CHUNK).
  const [built, setBuilt] = useState({ places, count: ROW_CHUNK });
  const limit = showAll ? places.length : Math.min(PAGE, places.length);
  const count = Math.min(limit, built.places === places ? built.count : ROW_CHUNK);
  const shown = places.slice(0, count);
  const build = (n: number) => setBuilt({ places, count: Math.max(count, n) });
  const inList = (id: string | null) => id !== null && shown.some((f) => f.id === id);
  const tabStop = inList(focusedId) ? focusedId : inList(selectedId) ? selectedId : (shown[0]?.id ?? null);

  // The next rows are built when the last one built comes within half a screenful of the list's
  // scrolling box (the sidebar, or the phone's sheet), by scrolling or by the keyboard.
  useEffect(() => {
    const list = listRef.current;
    const last = list?.lastElementChild;
    if (count >= limit || !list || !last) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setBuilt({ places, count: count + ROW_CHUNK });
      },
      { root: scrollingBoxOf(list), rootMargin: '0px 0px 50% 0px' },
    );
    observer.observe(last);
    return () => observer.disconnect();
  }, [places, count, limit]);

  const buttons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.result') ?? [])];
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const at = buttons().indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => {
      // Past the last row built: the rows up to it are built first, and a chunk more for the arrow.
      if (i >= count && count < limit) flushSync(() => build(i + (e.key === 'End' ? 1 : ROW_CHUNK)));
      const all = buttons();
      all[Math.max(0, Math.min(all.length - 1, i))]?.focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    // End: the page's last row, or a page on once all are asked for.
    else if (e.key === 'End') go(count < limit ? Math.min(limit, count + PAGE) - 1 : count - 1);
    else return;
    e.preventDefault();
  };

  return (
    <>
      <ol className="results__list" ref={listRef} onKeyDown={onKeyDown} data-testid="result-list">
        {shown.map((f, i) => (
          <Row
            // By position, on purpose: see above.
            key={i}
            f={f}
            hovered={f.id === hoverId}
            selected={f.id === selectedId}
            tabStop={f.id === tabStop}
            query={query}
            onFocused={setFocusedId}
          />
        ))}
      </ol>
      {!showAll && places.length > PAGE && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            // The button goes; the focus goes on to the first row not built before.
            flushSync(() => {
              setShowAll(true);
              build(count + ROW_CHUNK);
            });
            buttons()[count]?.focus();
          }}
        >
          {t('showAll')} ({formatInteger(places.length - PAGE)})
        </button>
      )}
    </>
  );
});

/** Industries a row shows: those the search matched first (all of them), then the others, up to 4. */
const SHOWN_INDUSTRIES = 4;

/**
 * One place. Redrawn only when its place, its own hover, selection or tab-stop state, the search,
 * or the language (through useI18n) changes: a filter that keeps a place where it was in the list,
 * or hovering another row, leaves it alone.
 */
const Row = memo(function Row({
  f,
  hovered,
  selected,
  tabStop,
  query,
  onFocused,
}: {
  f: PlanFeature;
  hovered: boolean;
  selected: boolean;
  tabStop: boolean;
  query: string;
  onFocused: (id: string) => void;
}) {
  const dataset = useAppStore((s) => s.dataset)!;
  // Actions are read when used, not subscribed to: up to fifty rows, one subscription each.
  const { select, hover } = useAppStore.getState();
  const i18n = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  // The map's hover and the list's tab stop follow the focused row's place.
  const focused = () => {
    hover(f.id);
    onFocused(f.id);
  };
  // Rows are kept by position: a new selection can write another place into the focused row. The
  // focus is then on that place.
  useEffect(() => {
    if (button.current === document.activeElement) focused();
    // Only when the row's place changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [f.id]);
  const match = queryMatchOf(dataset, query);
  const regions = f.prefecture
    .map((c) => dataset.regionByCode.get(c))
    .filter((r) => r !== undefined)
    .map((r) => i18n.regionName(r))
    .join('、');
  const matched = matchedIndustries(dataset, f, match);
  const industries = [...matched, ...f.industries.filter((id) => !matched.includes(id))]
    .slice(0, Math.max(SHOWN_INDUSTRIES, matched.length))
    .flatMap((id) => {
      const industry = dataset.industryById.get(id);
      return industry ? [{ id, label: i18n.industryName(industry), matched: matched.includes(id) }] : [];
    });
  return (
    <li className="result-row">
      <button
        ref={button}
        type="button"
        className={`result${hovered ? ' is-hover' : ''}`}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        data-id={f.id}
        onClick={() => select(f.id)}
        onMouseEnter={() => hover(f.id)}
        onMouseLeave={() => hover(null)}
        onFocus={focused}
        onBlur={() => hover(null)}
      >
        <span className="swatch" style={{ background: KIND_COLORS[f.kind] }} aria-hidden="true" />
        <span className="result__name">
          <Marked segments={highlight(match, i18n.featureName(f))} />
        </span>
        <span className="result__meta">
          {i18n.kindName(f.kind)} · <Marked segments={highlight(match, regions)} />
        </span>
        {industries.length > 0 && (
          <span className="result__industries">
            {industries.map((x, i) => (
              <span
                key={x.id}
                className={x.matched ? 'result__industry is-matched' : 'result__industry'}
                data-industry={x.id}
              >
                {i > 0 ? ' · ' : ''}
                <Marked segments={x.matched ? highlight(match, x.label) : [{ text: x.label, marked: false }]} />
              </span>
            ))}
            {f.industries.length > industries.length ? ' …' : ''}
          </span>
        )}
      </button>
      <ShortlistToggle id={f.id} name={i18n.featureName(f)} inList />
    </li>
  );
});
