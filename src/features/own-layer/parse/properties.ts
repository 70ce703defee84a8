// A feature's properties made into data: primitives only, strings kept verbatim but capped, names
// capped, never `__proto__`/`constructor`/`prototype`; and reading untrusted objects by own members
// only. What was cut or dropped is counted for the warnings.
import { formatInteger } from '../../../i18n/format.ts';
import { cutString, ellipsize } from '../../../lib/text.ts';
import {
  MAX_KEY_CHARS,
  MAX_KEYS_PER_FEATURE,
  MAX_STRING_CHARS,
  type UserProperties,
  type UserPropertyValue,
} from './limits.ts';
import type { Say } from './say.ts';

/** What sanitising cut or dropped, over the whole file. */
export interface Stats {
  truncatedStrings: number;
  truncatedKeys: number;
  unsafeKeys: number;
  tooManyKeys: number;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const newStats = (): Stats => ({ truncatedStrings: 0, truncatedKeys: 0, unsafeKeys: 0, tooManyKeys: 0 });

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own member only: nothing inherited from a (possibly polluted) prototype. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** What a JSON value is, for a message: `null`, `array`, `number`… */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function capString(value: string, stats: Stats): string {
  if (value.length <= MAX_STRING_CHARS) return value;
  stats.truncatedStrings++;
  return ellipsize(value, MAX_STRING_CHARS);
}

function sanitizeValue(value: unknown, stats: Stats): UserPropertyValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return capString(value, stats);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null; // JSON's 1e999 is Infinity
  if (typeof value === 'object') {
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      json = Array.isArray(value) ? '[…]' : '{…}'; // absurdly deep nesting
    }
    return capString(json, stats);
  }
  return null;
}

/**
 * Entries reduced to safe primitives. Built with Object.fromEntries (define semantics, never the
 * `__proto__` setter), and the unsafe names are dropped anyway.
 */
export function sanitizeEntries(entries: Iterable<[string, unknown]>, stats: Stats): UserProperties {
  const out: [string, UserPropertyValue][] = [];
  const seen = new Set<string>();
  for (const [rawKey, value] of entries) {
    if (UNSAFE_KEYS.has(rawKey)) {
      stats.unsafeKeys++;
      continue;
    }
    if (out.length >= MAX_KEYS_PER_FEATURE) {
      stats.tooManyKeys++;
      break;
    }
    let key = rawKey;
    if (key.length > MAX_KEY_CHARS) {
      key = cutString(key, MAX_KEY_CHARS);
      stats.truncatedKeys++;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([key, sanitizeValue(value, stats)]);
  }
  return Object.fromEntries(out) as UserProperties;
}

/** Own enumerable entries of `input`; an unsafe name's value is never read. */
export function* ownEntries(input: Record<string, unknown>): Generator<[string, unknown]> {
  for (const key of Object.keys(input)) {
    if (UNSAFE_KEYS.has(key)) yield [key, undefined];
    else yield [key, input[key]];
  }
}

/** One warning for each kind of thing sanitising cut or dropped. */
export function statsWarnings(stats: Stats, say: Say): string[] {
  const out: string[] = [];
  if (stats.unsafeKeys) out.push(say('importDroppedUnsafeKeys', { n: formatInteger(stats.unsafeKeys) }));
  if (stats.tooManyKeys) {
    out.push(say('importTooManyKeys', { n: formatInteger(stats.tooManyKeys), max: MAX_KEYS_PER_FEATURE }));
  }
  if (stats.truncatedKeys) {
    out.push(say('importTruncatedKeys', { n: formatInteger(stats.truncatedKeys), max: MAX_KEY_CHARS }));
  }
  if (stats.truncatedStrings) {
    out.push(say('importTruncatedStrings', { n: formatInteger(stats.truncatedStrings), max: MAX_STRING_CHARS }));
  }
  return out;
}
