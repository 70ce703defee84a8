// Names by language, defined once: places, regions, industries and provinces in the panels, the
// exports and the map labels all pick their text here.
import type { Language } from './languages.ts';

/** Anything the data name in three scripts (places, regions). */
export interface Named {
  name_zh: string;
  name_zh_hant: string;
  name_en: string;
}

/** Anything the taxonomy labels in three scripts (industries, groups). */
export interface Labelled {
  zh: string;
  zh_hant: string;
  en: string;
}

export const nameIn = (lang: Language, n: Named): string =>
  lang === 'en' ? n.name_en : lang === 'zh-Hant' ? n.name_zh_hant : n.name_zh;

export const labelIn = (lang: Language, l: Labelled): string =>
  lang === 'en' ? l.en : lang === 'zh-Hant' ? l.zh_hant : l.zh;

/** The property of a place that holds its name in `lang` (for map label expressions). */
export const NAME_PROPERTY: Record<Language, keyof Named> = {
  'zh-Hans': 'name_zh',
  'zh-Hant': 'name_zh_hant',
  en: 'name_en',
};

/** Provinces the documents plan for, by GB/T 2260 code. */
export const PROVINCE_NAMES: Record<string, Labelled> = {
  '350000': { zh: '福建', zh_hant: '福建', en: 'Fujian' },
  '370000': { zh: '山东', zh_hant: '山東', en: 'Shandong' },
};

/** A province's name in `lang`; its code when the app does not know it. */
export const provinceName = (lang: Language, code: string): string => {
  const p = PROVINCE_NAMES[code];
  return p ? labelIn(lang, p) : code;
};
