// Lists, periods and document lines, formatted one way everywhere.
import type { Language } from './languages.ts';

/** Items joined as the language writes a list: 、 in Chinese, a comma in English. */
export const listSeparator = (lang: Language): string => (lang === 'en' ? ', ' : '、');
export const joinList = (lang: Language, items: readonly string[]): string => items.join(listSeparator(lang));

/** A plan's period: `2010–2012`, or one year. */
export const formatPeriod = (period: { start: number; end: number }): string =>
  period.start === period.end ? String(period.start) : `${period.start}–${period.end}`;

/** A document as one line: its period, then its title (already in the reader's language). */
export const documentLine = (period: { start: number; end: number }, title: string): string =>
  `${formatPeriod(period)} ${title}`;

// One formatter: toLocaleString builds one per call (thousands of count bubbles at national scale).
const integerFormat = new Intl.NumberFormat('en-US');
/**
 * A count with thousands separators, `50,001`, in every language (as the messages print it). A
 * whole number below 1,000 has none: it is written as is, without the formatter (most of a filter's
 * count bubbles, about 1 µs each through Intl).
 */
export const formatInteger = (n: number): string =>
  Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : integerFormat.format(n);

/** A file size in MB (MiB): one decimal below 10, whole numbers from 10 up. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}
