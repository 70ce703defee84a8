// The languages the app speaks, defined once: the URL, the store, the switch and every name by
// language read them from here.
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** How the language switch names each language, in that language. */
export const LANGUAGE_LABELS: Record<Language, string> = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'EN' };

/** BCP 47 tags for `<html lang>` and `lang=` attributes. */
export const HTML_LANG: Record<Language, string> = { 'zh-Hans': 'zh-Hans', 'zh-Hant': 'zh-Hant', en: 'en' };

/** Guesses the reader's language from the browser's (Taiwan, Hong Kong, Macao → 繁體). */
export function browserLanguage(nav = typeof navigator === 'undefined' ? '' : navigator.language): Language {
  if (/^zh-(TW|HK|MO|Hant)/i.test(nav)) return 'zh-Hant';
  if (/^zh/i.test(nav)) return 'zh-Hans';
  return nav.startsWith('en') ? 'en' : 'zh-Hans';
}
