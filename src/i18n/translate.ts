// UI messages in a language, and the Simplified → Traditional converter, without any app state:
// the chosen language is passed in (src/state/use-i18n.ts binds it to the store).
import { create } from 'zustand';
import type { Language } from './languages.ts';
import { MESSAGES, type MessageKey } from './messages.ts';
import { ZH_HANT_OVERRIDES } from './messages-zh-hant.ts';

export type Convert = (text: string) => string;
export type MessageVars = Record<string, string | number>;

// OpenCC's Simplified→Traditional tables are large (about 1 MB), so they load only when a person
// chooses 繁體; until then text shows in Simplified.
export const useHantConverter = create<{ convert: Convert | null }>()(() => ({ convert: null }));
let loading: Promise<void> | null = null;

export function loadHantConverter(): Promise<void> {
  loading ??= import('opencc-js/cn2t').then((m) => {
    useHantConverter.setState({ convert: m.Converter({ from: 'cn', to: 'twp' }) });
  });
  return loading;
}

/**
 * `{name}` placeholders filled from `vars`, in one pass with a replacer function: a value (perhaps
 * text quoted from a person's file) is inserted as it is, never read for `{other}` placeholders or
 * `$&`-style replacement patterns.
 */
export function fill(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : placeholder,
  );
}

/** A message's template in `lang` (繁體: Taiwan's own wording where written, else converted). */
export function template(lang: Language, convert: Convert | null, key: MessageKey): string {
  if (lang === 'en') return MESSAGES.en[key];
  // Until the converter has loaded, 繁體 readers see Simplified throughout, not a mix.
  if (lang === 'zh-Hant' && convert) return ZH_HANT_OVERRIDES[key] ?? convert(MESSAGES.zh[key]);
  return MESSAGES.zh[key];
}

/** A UI message in `lang`; 繁體 once the converter has loaded (Simplified until then). */
export function message(lang: Language, convert: Convert | null, key: MessageKey, vars?: MessageVars): string {
  return fill(template(lang, convert, key), vars);
}

/** Chinese text from the data in the chosen script (English keeps it as written). */
export const chineseIn = (lang: Language, convert: Convert | null, text: string): string =>
  lang === 'zh-Hant' && convert ? convert(text) : text;
