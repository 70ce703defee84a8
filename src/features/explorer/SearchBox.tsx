import { useEffect, useId } from 'react';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { afterFirstView } from '../../lib/after-first-view.ts';
import { prepareSearch } from '../../state/use-places.ts';
import './search.css';

export function SearchBox() {
  const id = useId();
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const { t } = useI18n();
  const dataset = useAppStore((s) => s.dataset);
  // The search index is built in idle time after the first view, so the first query is instant.
  useEffect(() => {
    if (!dataset) return;
    let stop = () => {};
    const cancel = afterFirstView(() => (stop = prepareSearch(dataset)));
    return () => {
      cancel();
      stop();
    };
  }, [dataset]);
  return (
    <div className="search">
      <label htmlFor={id}>{t('search')}</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // ArrowDown goes on into the result list, at its first place.
          if (e.key !== 'ArrowDown' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
          const first = document.querySelector<HTMLButtonElement>('[data-testid="result-list"] button.result');
          if (!first) return;
          e.preventDefault();
          first.focus();
        }}
      />
    </div>
  );
}
