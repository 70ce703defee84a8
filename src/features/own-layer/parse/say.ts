// How the parser words what it found: a message of the app's i18n (src/i18n/messages-own-layer.ts)
// in the person's language, and the file's own text made safe to quote inside one.
import type { OwnLayerMessageKey } from '../../../i18n/messages-own-layer.ts';
import { message, type Convert, type MessageVars } from '../../../i18n/translate.ts';
import { ellipsize } from '../../../lib/text.ts';
import { MAX_ECHO_CHARS, type ImportLang } from './limits.ts';

/** An import message, filled, in the language the parse was asked for. */
export type Say = (key: OwnLayerMessageKey, vars?: MessageVars) => string;

/** `Say` for `lang`; 繁體 needs the loaded converter (Simplified without it). */
export const sayIn =
  (lang: ImportLang, convert: Convert | null): Say =>
  (key, vars) =>
    message(lang, convert, key, vars);

/**
 * At most `max` characters of the file's own text, one line, without control characters, for
 * quoting inside a message.
 */
export function clip(text: string, max = MAX_ECHO_CHARS): string {
  // eslint-disable-next-line no-control-regex
  return ellipsize(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '), max);
}

/** A list of names, quoted within MAX_ECHO_CHARS in total. */
export function clipList(names: readonly string[]): string {
  return clip(names.map((n) => (n === '' ? '""' : n)).join(', '));
}
