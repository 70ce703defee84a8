import { create } from 'zustand';

export type Language = 'zh-Hans' | 'zh-Hant' | 'en';
export const LANGUAGES: Language[] = ['zh-Hans', 'zh-Hant', 'en'];

export interface AppState {
  lang: Language;
  setLang: (lang: Language) => void;
}

const LANG_KEY = 'fujian-plan-map:lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved && (LANGUAGES as string[]).includes(saved)) return saved as Language;
  } catch {
    // Storage can be disabled (privacy mode); fall back to the browser language.
  }
  const nav = typeof navigator === 'undefined' ? '' : navigator.language;
  if (/^zh-(TW|HK|MO|Hant)/i.test(nav)) return 'zh-Hant';
  if (/^zh/i.test(nav)) return 'zh-Hans';
  return nav ? 'en' : 'zh-Hans';
}

export const useAppStore = create<AppState>()((set) => ({
  lang: initialLanguage(),
  setLang: (lang) => {
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Not persisted, still applied.
    }
    set({ lang });
  },
}));
