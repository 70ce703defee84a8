// CSV text → point features: the delimiter guessed (comma, semicolon, tab, bar), a header row
// required, longitude/latitude columns found by name (English or Chinese, units in parentheses
// allowed), every other column kept as a text property; rows without valid coordinates dropped
// and counted.
import Papa from 'papaparse';
import type { Feature, Point } from 'geojson';
import { formatInteger } from '../../../i18n/format.ts';
import { cutString } from '../../../lib/text.ts';
import { checkLonLat, coordHint, noteIssue, type CoordCtx, type IssueTally } from './coordinates.ts';
import { BboxBuilder, finishLayer, KeyCollector } from './layer.ts';
import { MAX_FEATURES, MAX_KEY_CHARS, type ImportResult, type UserProperties } from './limits.ts';
import { newStats, sanitizeEntries } from './properties.ts';
import { clip, clipList, type Say } from './say.ts';

const LON_NAMES = ['longitude', 'lon', 'lng', 'long', '经度', '經度', 'x'];
const LAT_NAMES = ['latitude', 'lat', '纬度', '緯度', 'y'];

/** Lower case, trimmed, without a trailing unit such as "(°)" or "（度）". */
function normalizeHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/\s*[(（][^)）]*[)）]$/, '')
    .trim();
}

function findColumn(normalized: string[], names: string[]): number {
  for (const name of names) {
    const i = normalized.indexOf(name);
    if (i !== -1) return i;
  }
  return -1;
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?°?$/;

/** A coordinate cell as a number (decimal comma allowed when the delimiter is not a comma), or NaN. */
function parseCoordinate(cell: string | undefined, delimiter: string): number {
  if (cell === undefined) return NaN;
  let s = cell.trim();
  if (delimiter !== ',' && /^[+-]?\d+,\d+°?$/.test(s)) s = s.replace(',', '.');
  if (!NUMBER_RE.test(s)) return NaN;
  return Number(s.replace('°', ''));
}

export function parseCsvText(name: string, text: string, say: Say): ImportResult {
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    delimiter: '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const rows = parsed.data;
  const delimiter = parsed.meta.delimiter;
  const headerIndex = rows.findIndex((r) => r.some((cell) => cell.trim() !== ''));
  if (headerIndex === -1) return { ok: false, message: say('importEmpty') };
  const header = rows[headerIndex].map((h) => h.trim());

  if (header.every((h) => h === '' || Number.isFinite(parseCoordinate(h, delimiter)))) {
    return { ok: false, message: say('importCsvNoHeader', { sample: clipList(header) }) };
  }
  const normalized = header.map(normalizeHeader);
  const lonCol = findColumn(normalized, LON_NAMES);
  const latCol = findColumn(normalized, LAT_NAMES);
  const columns = clipList(header);
  if (lonCol === -1 && latCol === -1) return { ok: false, message: say('importCsvNoCoordColumns', { columns }) };
  if (latCol === -1) {
    return { ok: false, message: say('importCsvNoLatColumn', { found: clip(header[lonCol], 30), columns }) };
  }
  if (lonCol === -1) {
    return { ok: false, message: say('importCsvNoLonColumn', { found: clip(header[latCol], 30), columns }) };
  }

  // Property names: empty headers get a name, repeated ones a suffix.
  const used = new Set<string>();
  const names = header.map((h, i) => {
    let base = h === '' ? `column_${i + 1}` : h;
    if (base.length > MAX_KEY_CHARS) base = cutString(base, MAX_KEY_CHARS);
    let key = base;
    for (let k = 2; used.has(key); k++) key = `${cutString(base, MAX_KEY_CHARS - 5)}_${k}`;
    used.add(key);
    return key;
  });
  const propCols = names.map((_, i) => i).filter((i) => i !== lonCol && i !== latCol);

  const dataRows: number[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    if (rows[r].some((cell) => cell.trim() !== '')) dataRows.push(r);
  }
  if (dataRows.length > MAX_FEATURES) {
    const vars = { n: formatInteger(dataRows.length), max: formatInteger(MAX_FEATURES) };
    return { ok: false, message: say('importTooManyFeatures', vars) };
  }
  if (dataRows.length === 0) return { ok: false, message: say('importCsvNoRows') };

  const quoteErrors = new Set<number>();
  let unclosedQuoteRow: number | null = null;
  for (const err of parsed.errors) {
    if (err.row === undefined || (err.code !== 'MissingQuotes' && err.code !== 'InvalidQuotes')) continue;
    quoteErrors.add(err.row);
    if (err.code === 'MissingQuotes' && unclosedQuoteRow === null) unclosedQuoteRow = err.row + 1;
  }

  const stats = newStats();
  const features: Feature<Point, UserProperties>[] = [];
  const bbox = new BboxBuilder();
  const keys = new KeyCollector();
  const issues: IssueTally = new Map();
  let dropped = 0;
  let firstDropped = 0;
  for (const r of dataRows) {
    const row = rows[r];
    const ctx: CoordCtx = { issue: null };
    const lon = parseCoordinate(row[lonCol], delimiter);
    const lat = parseCoordinate(row[latCol], delimiter);
    if (quoteErrors.has(r) || !checkLonLat(lon, lat, ctx)) {
      dropped++;
      if (!firstDropped) firstDropped = r + 1;
      noteIssue(issues, quoteErrors.has(r) ? { kind: 'nan' } : ctx.issue);
      continue;
    }
    const properties = sanitizeEntries(
      propCols.map((c): [string, unknown] => [names[c], row[c] ?? '']),
      stats,
    );
    const geometry: Point = { type: 'Point', coordinates: [lon, lat] };
    features.push({ type: 'Feature', geometry, properties });
    bbox.add(geometry.coordinates);
    keys.add(properties);
  }

  const warnings: string[] = [];
  if (unclosedQuoteRow !== null) warnings.push(say('importUnclosedQuote', { row: unclosedQuoteRow }));
  if (dropped) {
    const hint = coordHint(issues, null, say);
    const droppedRows = say('importDroppedRows', { n: formatInteger(dropped), row: firstDropped });
    warnings.push(droppedRows + (hint ? ' ' + hint : ''));
  }
  return finishLayer({ name, features, warnings, stats, bbox, keys }, say);
}
