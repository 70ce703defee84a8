import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';

export function SearchBox() {
  const id = useId();
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const { t } = useI18n();
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
      />
    </div>
  );
}
