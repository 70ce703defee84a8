// The explorer's state in the URL's query string. Parsing is defensive: whatever a link holds,
// the result is a well-typed state plus the list of what was dropped, never an exception.
import type { Filters } from '../data/query.ts';
import type { Kind } from '../data/types.ts';
import { KIND_ORDER } from '../data/types.ts';

export type Language = 'zh-Hans' | 'zh-Hant' | 'en';
export const LANGUAGES: Language[] = ['zh-Hans', 'zh-Hant', 'en'];

export interface MapViewState {
  lng: number;
  lat: number;
  zoom: number;
}

export interface ReaderState {
  doc: string;
  start?: number;
  end?: number;
}

export interface UrlState {
  lang?: Language;
  q: string;
  filters: Filters;
  selected: string | null;
  reader: ReaderState | null;
  view: MapViewState | null;
}

/** What ids the current data know; anything else in a URL is dropped. */
export interface KnownValues {
  features: Set<string>;
  industries: Set<string>;
  docs: Set<string>;
  prefectures: Set<string>;
}

const MAX_VALUE = 200;
const MAX_LIST = 60;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function finite(text: string): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function parseUrlState(search: string, known: KnownValues): { state: UrlState; dropped: string[] } {
  const dropped: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 20_000 ? search.slice(0, 20_000) : search);
  } catch {
    params = new URLSearchParams();
    dropped.push('query string');
  }
  const one = (key: string): string | null => {
    const v = params.get(key);
    if (v === null) return null;
    if (v.length > MAX_VALUE) {
      dropped.push(key);
      return null;
    }
    return v;
  };
  const list = (key: string, ok: (v: string) => boolean): string[] => {
    const raw = params.get(key);
    if (raw === null || raw === '') return [];
    const items = raw.split(',').slice(0, MAX_LIST);
    const good = [...new Set(items.filter((v) => v.length <= 80 && ok(v)))];
    if (good.length !== items.length || raw.split(',').length > MAX_LIST) dropped.push(key);
    return good;
  };

  const state: UrlState = {
    q: '',
    filters: { industries: [], kinds: [], docs: [], prefectures: [] },
    selected: null,
    reader: null,
    view: null,
  };

  const lang = one('lang');
  if (lang !== null) {
    if ((LANGUAGES as string[]).includes(lang)) state.lang = lang as Language;
    else dropped.push('lang');
  }
  const q = params.get('q');
  if (q !== null) {
    // Search text is free text: kept, but bounded; it is only ever rendered as text.
    state.q = q.slice(0, MAX_VALUE);
    if (q.length > MAX_VALUE) dropped.push('q');
  }
  state.filters.industries = list('ind', (v) => SLUG.test(v) && known.industries.has(v));
  state.filters.kinds = list('kind', (v) => (KIND_ORDER as string[]).includes(v)) as Kind[];
  state.filters.docs = list('doc', (v) => known.docs.has(v));
  state.filters.prefectures = list('pref', (v) => /^\d{6}$/.test(v) && known.prefectures.has(v));

  const sel = one('sel');
  if (sel !== null) {
    if (SLUG.test(sel) && known.features.has(sel)) state.selected = sel;
    else dropped.push('sel');
  }

  const read = one('read');
  if (read !== null) {
    if (known.docs.has(read)) {
      state.reader = { doc: read };
      const clause = one('clause');
      const m = clause?.match(/^(\d{1,7})-(\d{1,7})$/);
      if (m && Number(m[2]) > Number(m[1])) state.reader = { doc: read, start: Number(m[1]), end: Number(m[2]) };
      else if (clause !== null) dropped.push('clause');
    } else dropped.push('read');
  }

  const map = one('map');
  if (map !== null) {
    const parts = map.split('/').map(finite);
    if (parts.length === 3 && parts.every((p) => p !== null)) {
      const [zoom, lat, lng] = parts as number[];
      state.view = { zoom: clamp(zoom, 0, 22), lat: clamp(lat, -85, 85), lng: clamp(lng, -180, 180) };
      if (zoom !== state.view.zoom || lat !== state.view.lat || lng !== state.view.lng) dropped.push('map');
    } else dropped.push('map');
  }
  return { state, dropped: [...new Set(dropped)] };
}

const round = (v: number, d: number) => Number(v.toFixed(d));

/** The query string for a state, in a fixed order; empty parts are left out. */
export function serializeUrlState(s: UrlState): string {
  const params = new URLSearchParams();
  if (s.lang) params.set('lang', s.lang);
  if (s.q) params.set('q', s.q);
  if (s.filters.industries.length) params.set('ind', s.filters.industries.join(','));
  if (s.filters.kinds.length) params.set('kind', s.filters.kinds.join(','));
  if (s.filters.docs.length) params.set('doc', s.filters.docs.join(','));
  if (s.filters.prefectures.length) params.set('pref', s.filters.prefectures.join(','));
  if (s.selected) params.set('sel', s.selected);
  if (s.reader) {
    params.set('read', s.reader.doc);
    if (s.reader.start !== undefined && s.reader.end !== undefined)
      params.set('clause', `${s.reader.start}-${s.reader.end}`);
  }
  if (s.view) params.set('map', `${round(s.view.zoom, 2)}/${round(s.view.lat, 4)}/${round(s.view.lng, 4)}`);
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}
