// The app's i18n bound to the language chosen in the store (src/i18n itself knows no state).
import { useEffect } from 'react';
import type { DocumentMeta, Industry, IndustryGroup, Kind, Precision, Region } from '../data/types.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { KIND_LABELS, PRECISION_LABELS, type MessageKey } from '../i18n/messages.ts';
import { labelIn, nameIn, provinceName, type Named } from '../i18n/names.ts';
import {
  chineseIn,
  loadHantConverter,
  message,
  useHantConverter,
  type Convert,
  type MessageVars,
} from '../i18n/translate.ts';
import { useAppStore } from './store.ts';

/** `t` outside React (map event handlers, the URL sync): the language chosen now. */
export function translate(key: MessageKey, vars?: MessageVars): string {
  return message(useAppStore.getState().lang, useHantConverter.getState().convert, key, vars);
}

export interface I18n {
  lang: Language;
  /** UI message, with {name} placeholders filled. */
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** Chinese text from the data, shown in the chosen script (English mode keeps it as written). */
  zh: (text: string) => string;
  /** Whether Traditional conversion is ready (false while it loads). */
  hantReady: boolean;
  featureName: (f: Named) => string;
  industryName: (i: Industry | IndustryGroup) => string;
  regionName: (r: Region) => string;
  provinceName: (code: string) => string;
  kindName: (k: Kind) => string;
  precisionName: (p: Precision) => string;
  docTitle: (d: DocumentMeta) => string;
  docIssuer: (d: DocumentMeta) => string;
  /** `2011–2015 <title>`: a document as one line. */
  docLine: (d: DocumentMeta) => string;
}

export function i18nFor(lang: Language, convert: Convert | null): I18n {
  const zh = (text: string) => chineseIn(lang, convert, text);
  const pick = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : zh(l.zh));
  const docTitle = (d: DocumentMeta) => (lang === 'en' ? d.title_en : zh(d.title_zh));
  return {
    lang,
    hantReady: lang !== 'zh-Hant' || convert !== null,
    t: (key, vars) => message(lang, convert, key, vars),
    zh,
    featureName: (f) => nameIn(lang, f),
    industryName: (i) => labelIn(lang, i),
    regionName: (r) => nameIn(lang, r),
    provinceName: (code) => provinceName(lang, code),
    kindName: (k) => pick(KIND_LABELS[k]),
    precisionName: (p) => pick(PRECISION_LABELS[p]),
    docTitle,
    docIssuer: (d) => (lang === 'en' ? d.issuer_en : zh(d.issuer_zh)),
    docLine: (d) => `${formatPeriod(d.period)} ${docTitle(d)}`,
  };
}

// The last one made: every component asks for the same language at once (a result list asks a
// hundred times per render), so they share one object instead of each building its own.
let shared: { lang: Language; convert: Convert | null; i18n: I18n } | null = null;
function sharedI18n(lang: Language, convert: Convert | null): I18n {
  if (!shared || shared.lang !== lang || shared.convert !== convert)
    shared = { lang, convert, i18n: i18nFor(lang, convert) };
  return shared.i18n;
}

export function useI18n(): I18n {
  const lang = useAppStore((s) => s.lang);
  const convert = useHantConverter((s) => s.convert);
  useEffect(() => {
    if (lang === 'zh-Hant') void loadHantConverter();
  }, [lang]);
  return sharedI18n(lang, convert);
}
