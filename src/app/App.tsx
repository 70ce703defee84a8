import { MapView } from '../features/map/MapView.tsx';
import { LANGUAGES, useAppStore, type Language } from '../state/store.ts';
import './app.css';

const LANGUAGE_LABELS: Record<Language, string> = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'EN' };

export function App() {
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  return (
    <div className="app">
      <header className="app__header">
        <h1>
          {lang === 'en'
            ? 'Fujian planned industrial locations'
            : lang === 'zh-Hant'
              ? '福建規劃產業佈局'
              : '福建规划产业布局'}
        </h1>
        <div role="group" aria-label="Language / 语言" className="lang-switch">
          {LANGUAGES.map((l) => (
            <button key={l} type="button" aria-pressed={l === lang} onClick={() => setLang(l)}>
              {LANGUAGE_LABELS[l]}
            </button>
          ))}
        </div>
      </header>
      <main className="app__main">
        <MapView />
      </main>
    </div>
  );
}
