import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { usePlaces } from '../../state/use-places.ts';
import { KIND_COLORS } from '../map/plan-layers.ts';

const PAGE = 200;

/**
 * The places on the map, as a list: the same set, in step with hover and selection. Arrow keys
 * move between places, Enter selects; it is a complete alternative to the map.
 */
export function ResultList() {
  const { places } = usePlaces();
  const dataset = useAppStore((s) => s.dataset);
  const loadError = useAppStore((s) => s.loadError);
  const selectedId = useAppStore((s) => s.selectedId);
  const hoverId = useAppStore((s) => s.hoverId);
  const select = useAppStore((s) => s.select);
  const hover = useAppStore((s) => s.hover);
  const [limit, setLimit] = useState(PAGE);
  const listRef = useRef<HTMLOListElement>(null);
  const i18n = useI18n();
  const { t } = i18n;

  if (loadError) return null;
  if (!dataset) return <p className="results__status">{t('loading')}</p>;

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

  const regionNames = (codes: string[]) =>
    codes
      .map((c) => dataset.regionByCode.get(c))
      .filter((r) => r !== undefined)
      .map((r) => i18n.regionName(r))
      .join('、');

  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading" className="results__count" aria-live="polite">
        {t('results', { n: places.length })}
      </h2>
      {places.length === 0 ? (
        <p className="results__status">{t('noResults')}</p>
      ) : (
        <ol className="results__list" ref={listRef} onKeyDown={onKeyDown} data-testid="result-list">
          {places.slice(0, limit).map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className={`result${f.id === hoverId ? ' is-hover' : ''}`}
                aria-current={f.id === selectedId ? 'true' : undefined}
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
                  {i18n.kindName(f.kind)} · {regionNames(f.prefecture)}
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
            </li>
          ))}
        </ol>
      )}
      {places.length > limit && (
        <button type="button" className="link-button" onClick={() => setLimit(limit + PAGE)}>
          {t('showAll')} ({places.length - limit})
        </button>
      )}
    </section>
  );
}
