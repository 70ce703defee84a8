import { useEffect } from 'react';
import { create } from 'zustand';
import type { Industry, IndustryGroup, PlanFeature, Region, DocumentMeta, Kind, Precision } from '../data/types.ts';
import { useAppStore, type Language } from '../state/store.ts';
import { KIND_LABELS, MESSAGES, PRECISION_LABELS, type MessageKey } from './messages.ts';

// OpenCC's Simplified→Traditional tables are large (about 1 MB), so they load only when a person
// chooses 繁體; until then text shows in Simplified.
const useHantConverter = create<{ convert: ((s: string) => string) | null }>()(() => ({ convert: null }));
let loading: Promise<void> | null = null;

export function loadHantConverter(): Promise<void> {
  loading ??= import('opencc-js/cn2t').then((m) => {
    useHantConverter.setState({ convert: m.Converter({ from: 'cn', to: 'tw' }) });
  });
  return loading;
}

/** A UI message in `lang`, with {name} placeholders filled; 繁體 once the converter has loaded. */
function message(
  lang: Language,
  convert: ((s: string) => string) | null,
  key: MessageKey,
  vars?: Record<string, string | number>,
) {
  let s =
    lang === 'en' ? MESSAGES.en[key] : lang === 'zh-Hant' && convert ? convert(MESSAGES.zh[key]) : MESSAGES.zh[key];
  for (const [k, v] of Object.entries(vars ?? {})) s = s.replace(`{${k}}`, String(v));
  return s;
}

/** `t` outside React (event handlers of the map, the URL sync): the language chosen now. */
export function translate(key: MessageKey, vars?: Record<string, string | number>): string {
  return message(useAppStore.getState().lang, useHantConverter.getState().convert, key, vars);
}

export interface I18n {
  lang: Language;
  /** UI message, with {name} placeholders filled. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Chinese text from the data, shown in the chosen script (English mode keeps it as written). */
  zh: (text: string) => string;
  /** Whether Traditional conversion is ready (false while it loads). */
  hantReady: boolean;
  featureName: (f: Pick<PlanFeature, 'name_zh' | 'name_zh_hant' | 'name_en'>) => string;
  industryName: (i: Industry | IndustryGroup) => string;
  regionName: (r: Region) => string;
  kindName: (k: Kind) => string;
  precisionName: (p: Precision) => string;
  docTitle: (d: DocumentMeta) => string;
  docIssuer: (d: DocumentMeta) => string;
}

export function useI18n(): I18n {
  const lang = useAppStore((s) => s.lang);
  const convert = useHantConverter((s) => s.convert);
  useEffect(() => {
    if (lang === 'zh-Hant') void loadHantConverter();
  }, [lang]);
  const zh = (text: string) => (lang === 'zh-Hant' && convert ? convert(text) : text);
  const pick = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : zh(l.zh));
  return {
    lang,
    hantReady: lang !== 'zh-Hant' || convert !== null,
    t: (key, vars) => message(lang, convert, key, vars),
    zh,
    featureName: (f) => (lang === 'en' ? f.name_en : lang === 'zh-Hant' ? f.name_zh_hant : f.name_zh),
    industryName: (i) => (lang === 'en' ? i.en : lang === 'zh-Hant' ? i.zh_hant : i.zh),
    regionName: (r) => (lang === 'en' ? r.name_en : lang === 'zh-Hant' ? r.name_zh_hant : r.name_zh),
    kindName: (k) => pick(KIND_LABELS[k]),
    precisionName: (p) => pick(PRECISION_LABELS[p]),
    docTitle: (d) => (lang === 'en' ? d.title_en : zh(d.title_zh)),
    docIssuer: (d) => (lang === 'en' ? d.issuer_en : zh(d.issuer_zh)),
  };
}
