// A view's state in the URL's query string, and back. Parsing is defensive: whatever a link holds,
// the result is a well-typed state plus the list of what was dropped, never an exception.
import type { Dataset, Kind } from '../data/types.ts';
import { KIND_ORDER } from '../data/types.ts';
import { isLanguage } from '../i18n/languages.ts';
import { cutString } from '../lib/text.ts';
import {
  DEFAULT_PLANNER,
  PLANNER_PROVINCES,
  PLANNER_TABS,
  MAX_SHORTLIST,
  type KnownValues,
  type PlannerTab,
  type UrlState,
} from './model.ts';

/**
 * The ids a dataset knows: anything else in a link is dropped. Its own maps, not copies (at 100,000
 * places a copy of the ids took 15–25 ms as the table came in).
 */
export function knownValues(d: Dataset): KnownValues {
  return { features: d.byId, industries: d.industryById, docs: d.documentById, prefectures: d.regionByCode };
}

export const NO_KNOWN_VALUES: KnownValues = {
  features: new Set(),
  industries: new Set(),
  docs: new Set(),
  prefectures: new Set(),
};

/** The link's parameter for each filter. */
export const FILTER_PARAMS = { industries: 'ind', kinds: 'kind', docs: 'doc', prefectures: 'pref' } as const;

const MAX_VALUE = 200;
const MAX_LIST = 60;
const MAX_SEARCH = 20_000;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Keys that sharing tools and messengers append to links: ignored without a notice. */
const APPENDED_KEYS = /^(utm_[a-z]+|fbclid|gclid|from|isappinstalled|spm)$/;
/** An unknown key is named in the notice only when it is short and plain. */
const PLAIN_KEY = /^[\w.[\]-]{1,24}$/;

function finite(text: string): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export interface ParsedUrl {
  state: UrlState;
  /** Keys (or `…`) the parser could not use; shown in one notice. */
  dropped: string[];
  /**
   * Ids of the link's shortlist that were left out (unknown, malformed or past the limit): named
   * when they are plain ids, `…` for the rest. The shortlist's own notice names them; `short` is
   * not in `dropped`.
   */
  droppedShortlist: string[];
}

export function parseUrlState(search: string, known: KnownValues): ParsedUrl {
  const dropped: string[] = [];
  // An overlong query string is read up to its last whole part before the bound; the rest is
  // reported, not silently lost.
  let text = search;
  if (text.length > MAX_SEARCH) {
    text = text.slice(0, Math.max(0, text.lastIndexOf('&', MAX_SEARCH)));
    dropped.push('…');
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    params = new URLSearchParams();
    dropped.push('query string');
  }
  // Every key the parser consults; any other key in the link is reported as dropped.
  const consulted = new Set<string>();
  const get = (key: string): string | null => {
    consulted.add(key);
    return params.get(key);
  };
  const one = (key: string): string | null => {
    const v = get(key);
    if (v === null) return null;
    if (v.length > MAX_VALUE) {
      dropped.push(key);
      return null;
    }
    return v;
  };
  const list = (key: string, ok: (v: string) => boolean): string[] => {
    const raw = get(key);
    if (raw === null || raw === '') return [];
    const items = raw.split(',').slice(0, MAX_LIST);
    const good = [...new Set(items.filter((v) => v.length <= 80 && ok(v)))];
    if (good.length !== items.length || raw.split(',').length > MAX_LIST) dropped.push(key);
    return good;
  };

  const state: UrlState = {
    mode: 'explorer',
    planner: { ...DEFAULT_PLANNER },
    q: '',
    filters: { industries: [], kinds: [], docs: [], prefectures: [] },
    selected: null,
    reader: null,
    view: null,
    shortlist: null,
  };

  const lang = one('lang');
  if (lang !== null) {
    if (isLanguage(lang)) state.lang = lang;
    else dropped.push('lang');
  }
  const q = get('q');
  if (q !== null) {
    // Search text is free text: kept, but bounded; it is only ever rendered as text. U+FFFD means
    // the link's percent-encoding was broken: the text is garbled, so it is dropped.
    if (q.includes('\uFFFD')) dropped.push('q');
    else {
      state.q = cutString(q, MAX_VALUE);
      if (q.length > MAX_VALUE) dropped.push('q');
    }
  }
  state.filters.industries = list(FILTER_PARAMS.industries, (v) => SLUG.test(v) && known.industries.has(v));
  state.filters.kinds = list(FILTER_PARAMS.kinds, (v) => (KIND_ORDER as string[]).includes(v)) as Kind[];
  state.filters.docs = list(FILTER_PARAMS.docs, (v) => known.docs.has(v));
  state.filters.prefectures = list(FILTER_PARAMS.prefectures, (v) => /^\d{6}$/.test(v) && known.prefectures.has(v));

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
  } else if (get('clause') !== null) dropped.push('clause');

  const mode = one('mode');
  if (mode !== null) {
    if (mode === 'planner' || mode === 'explorer') state.mode = mode;
    else dropped.push('mode');
  }
  const tab = one('tab');
  if (tab !== null) {
    if ((PLANNER_TABS as readonly string[]).includes(tab)) state.planner.tab = tab as PlannerTab;
    else dropped.push('tab');
  }
  const choro = one('choro');
  if (choro !== null) {
    if (SLUG.test(choro) && known.industries.has(choro)) state.planner.choropleth = choro;
    else dropped.push('choro');
  }
  const isColumnKey = (v: string) => {
    const m = v.match(/^(pref|zone):(.+)$/);
    return !!m && (m[1] === 'pref' ? known.prefectures.has(m[2]) : known.features.has(m[2]));
  };
  const prov = one('prov');
  if (prov !== null) {
    const p = PLANNER_PROVINCES.find((code) => code === prov);
    if (p) state.planner.province = p;
    else dropped.push('prov');
  }
  const sort = one('sort');
  if (sort !== null) {
    if (sort === 'taxonomy' || sort === 'total' || isColumnKey(sort)) state.planner.sort = sort;
    else dropped.push('sort');
  }
  state.planner.compare = list('cmp', isColumnKey);
  const th = one('th');
  if (th !== null) {
    const n = finite(th);
    if (n !== null && Number.isInteger(n) && n >= 1 && n <= 999) state.planner.threshold = n;
    else dropped.push('th');
  }
  const zones = one('zones');
  if (zones !== null) {
    if (zones === '1' || zones === '0') state.planner.zones = zones === '1';
    else dropped.push('zones');
  }
  const sub = one('sub');
  if (sub !== null) {
    if (sub === '1' || sub === '0') state.planner.subIndustries = sub === '1';
    else dropped.push('sub');
  }

  const droppedShortlist: string[] = [];
  const short = get('short');
  if (short !== null) {
    const items = short === '' ? [] : short.split(',');
    const kept: string[] = [];
    let unnamed = false;
    for (const v of items) {
      if (kept.includes(v)) continue; // a repeat is merged, not lost
      if (kept.length < MAX_SHORTLIST && v.length <= 80 && SLUG.test(v) && known.features.has(v)) kept.push(v);
      else if (v.length <= 48 && SLUG.test(v) && droppedShortlist.length < 8) {
        if (!droppedShortlist.includes(v)) droppedShortlist.push(v);
      } else unnamed = true;
    }
    if (unnamed) droppedShortlist.push('…');
    state.shortlist = kept;
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

  // Keys the app does not know (including `__proto__[x]` and friends) are never read; say so.
  let unnamed = false;
  for (const key of new Set(params.keys())) {
    if (consulted.has(key) || APPENDED_KEYS.test(key)) continue;
    if (PLAIN_KEY.test(key) && dropped.length < 12) dropped.push(key);
    else unnamed = true;
  }
  if (unnamed) dropped.push('…');
  return { state, dropped: [...new Set(dropped)], droppedShortlist };
}

const round = (v: number, d: number) => Number(v.toFixed(d));

/** The query string for a state, in a fixed order; empty parts are left out. */
export function serializeUrlState(s: UrlState): string {
  const params = new URLSearchParams();
  if (s.lang) params.set('lang', s.lang);
  if (s.mode === 'planner') {
    params.set('mode', 'planner');
    params.set('tab', s.planner.tab);
    if (s.planner.province !== DEFAULT_PLANNER.province) params.set('prov', s.planner.province);
    if (s.planner.sort !== DEFAULT_PLANNER.sort) params.set('sort', s.planner.sort);
    if (s.planner.choropleth) params.set('choro', s.planner.choropleth);
    if (s.planner.compare.length) params.set('cmp', s.planner.compare.join(','));
    if (s.planner.threshold !== DEFAULT_PLANNER.threshold) params.set('th', String(s.planner.threshold));
    if (s.planner.zones) params.set('zones', '1');
    if (s.planner.subIndustries) params.set('sub', '1');
  }
  if (s.q) params.set('q', s.q);
  if (s.filters.industries.length) params.set(FILTER_PARAMS.industries, s.filters.industries.join(','));
  if (s.filters.kinds.length) params.set(FILTER_PARAMS.kinds, s.filters.kinds.join(','));
  if (s.filters.docs.length) params.set(FILTER_PARAMS.docs, s.filters.docs.join(','));
  if (s.filters.prefectures.length) params.set(FILTER_PARAMS.prefectures, s.filters.prefectures.join(','));
  if (s.selected) params.set('sel', s.selected);
  if (s.reader) {
    params.set('read', s.reader.doc);
    if (s.reader.start !== undefined && s.reader.end !== undefined)
      params.set('clause', `${s.reader.start}-${s.reader.end}`);
  }
  if (s.shortlist?.length) params.set('short', s.shortlist.join(','));
  if (s.view) params.set('map', `${round(s.view.zoom, 2)}/${round(s.view.lat, 4)}/${round(s.view.lng, 4)}`);
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}
