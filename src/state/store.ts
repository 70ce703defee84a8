// The single source of truth: the map, the list, the panels and the URL all read from here.
import { create } from 'zustand';
import { EMPTY_FILTERS, type FilterKey, type Filters } from '../data/query.ts';
import type { Dataset, UserLayer } from '../data/types.ts';
import { browserLanguage, isLanguage, type Language } from '../i18n/languages.ts';
import {
  DEFAULT_PLANNER,
  MAX_SHORTLIST,
  type MapViewState,
  type Mode,
  type IdLookup,
  type PlannerState,
  type ReaderState,
  type UrlState,
} from './model.ts';

export interface AppState {
  lang: Language;
  mode: Mode;
  planner: PlannerState;
  /** A person's own sites, shown over the plan layer; never leaves the browser. */
  userLayer: UserLayer | null;
  dataset: Dataset | null;
  loadError: string | null;
  /** The map's tile archive could not be read (missing or damaged): the map pane says so. */
  mapLayerError: boolean;
  filters: Filters;
  query: string;
  selectedId: string | null;
  /** Whether the map should move to the selection (not when a link restores its own view). */
  flyToSelection: boolean;
  hoverId: string | null;
  reader: ReaderState | null;
  view: MapViewState | null;
  /**
   * The link that opened the app filters or searches (applied once the data are in): until then the
   * map does not show every place's counts from the tiles (applyEarlyUrlState).
   */
  linkNarrows: boolean;
  /** Short messages for the person (a dropped URL part, skipped records); dismissable. */
  notices: string[];
  /** Bumped when the map should fit the current result set (a filter or search changed). */
  fitRequest: number;
  /** Places a person keeps to compare and share; in the URL (`short`) and on the device. */
  shortlist: string[];
  /** The device's own shortlist that a link's shortlist replaced when the link was opened. */
  replacedShortlist: string[] | null;
  /** While true, the next click on the map picks a point (a radius search), not a place. */
  pickingPoint: boolean;

  setLang: (lang: Language) => void;
  setMode: (mode: Mode) => void;
  setPlanner: (patch: Partial<PlannerState>) => void;
  setUserLayer: (layer: UserLayer | null) => void;
  /** Shows a set of places in the explorer (from a planner cell or row). */
  showInExplorer: (filters: Filters) => void;
  setDataset: (dataset: Dataset) => void;
  setLoadError: (message: string) => void;
  setMapLayerError: (failed: boolean) => void;
  setQuery: (query: string) => void;
  toggleFilter: (key: FilterKey, value: string) => void;
  clearFilters: () => void;
  select: (id: string | null) => void;
  hover: (id: string | null) => void;
  openReader: (reader: ReaderState | null) => void;
  setView: (view: MapViewState) => void;
  notify: (message: string) => void;
  dismissNotice: (index: number) => void;
  /** Replaces everything the URL holds (initial load, back/forward); the shortlist is not among it. */
  applyUrlState: (s: UrlState) => void;
  toggleShortlist: (id: string) => void;
  removeFromShortlist: (id: string) => void;
  clearShortlist: () => void;
  /** The shortlist on opening the app: see `openingShortlist`. */
  openShortlist: (fromLink: string[] | null, known: IdLookup) => string[];
  /** Brings back the shortlist a link replaced: instead of the link's, or added after it. */
  restoreShortlist: (how: 'replace' | 'merge') => void;
  /** Keeps the link's shortlist and forgets the replaced one. */
  dismissReplacedShortlist: () => void;
  setPickingPoint: (picking: boolean) => void;
}

const LANG_KEY = 'fujian-plan-map:lang';

export function storedLanguage(): Language | null {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null; // storage disabled (privacy mode)
  }
}

function persistLanguage(lang: Language) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Not persisted, still applied.
  }
}

const SHORTLIST_KEY = 'fujian-plan-map:shortlist';
/** The device's shortlist that a link replaced, kept until it is restored or dismissed. */
const REPLACED_KEY = 'fujian-plan-map:shortlist-replaced';

/** The shortlist kept on this device (raw ids; checked against the data when the app opens). */
export function storedShortlist(key = SHORTLIST_KEY): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(saved) ? saved.filter((v): v is string => typeof v === 'string' && v.length <= 80) : [];
  } catch {
    return []; // storage disabled, or not ours
  }
}

function persistShortlist(ids: string[], key = SHORTLIST_KEY) {
  try {
    if (ids.length) localStorage.setItem(key, JSON.stringify(ids));
    else localStorage.removeItem(key);
  } catch {
    // Not persisted, still shown (and in the URL).
  }
}

/**
 * How a link's shortlist and the device's meet when the app opens: a link that carries a
 * shortlist (`short`) shows exactly that one, and the device's own, when it differs, is kept aside
 * to restore or merge (nothing a person kept is lost by opening a colleague's link). A link
 * without one shows the device's. Ids the data no longer know are left out and returned.
 */
export function openingShortlist(
  fromLink: string[] | null,
  stored: string[],
  known: IdLookup,
): { shortlist: string[]; replaced: string[] | null; unknownStored: string[] } {
  const storedKnown = [...new Set(stored.filter((id) => known.has(id)))].slice(0, MAX_SHORTLIST);
  const unknownStored = [...new Set(stored.filter((id) => !known.has(id)))];
  if (fromLink === null) return { shortlist: storedKnown, replaced: null, unknownStored };
  const same = storedKnown.length === fromLink.length && storedKnown.every((id) => fromLink.includes(id));
  return { shortlist: fromLink, replaced: storedKnown.length && !same ? storedKnown : null, unknownStored };
}

export const useAppStore = create<AppState>()((set) => ({
  lang: storedLanguage() ?? browserLanguage(),
  mode: 'explorer',
  planner: DEFAULT_PLANNER,
  userLayer: null,
  dataset: null,
  loadError: null,
  mapLayerError: false,
  filters: EMPTY_FILTERS,
  query: '',
  selectedId: null,
  flyToSelection: true,
  hoverId: null,
  reader: null,
  view: null,
  linkNarrows: false,
  notices: [],
  fitRequest: 0,
  shortlist: [],
  replacedShortlist: null,
  pickingPoint: false,

  setLang: (lang) => {
    persistLanguage(lang);
    set({ lang });
  },
  setMode: (mode) => set({ mode }),
  setPlanner: (patch) => set((s) => ({ planner: { ...s.planner, ...patch } })),
  setUserLayer: (userLayer) => set({ userLayer }),
  showInExplorer: (filters) =>
    set((s) => ({ mode: 'explorer', filters, query: '', selectedId: null, fitRequest: s.fitRequest + 1 })),
  setDataset: (dataset) => set({ dataset, loadError: null }),
  setLoadError: (loadError) => set({ loadError }),
  setMapLayerError: (mapLayerError) => set({ mapLayerError }),
  setQuery: (query) => set((s) => ({ query, fitRequest: s.fitRequest + 1 })),
  toggleFilter: (key, value) =>
    set((s) => {
      const current = s.filters[key] as string[];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { filters: { ...s.filters, [key]: next }, fitRequest: s.fitRequest + 1 };
    }),
  clearFilters: () => set((s) => ({ filters: EMPTY_FILTERS, fitRequest: s.fitRequest + 1 })),
  select: (selectedId) => set({ selectedId, flyToSelection: true }),
  hover: (hoverId) => set({ hoverId }),
  openReader: (reader) => set({ reader }),
  setView: (view) => set({ view }),
  notify: (message) => set((s) => ({ notices: s.notices.includes(message) ? s.notices : [...s.notices, message] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
  applyUrlState: (u) =>
    set((s) => {
      if (u.lang) persistLanguage(u.lang);
      return {
        lang: u.lang ?? s.lang,
        mode: u.mode,
        planner: u.planner,
        query: u.q,
        filters: u.filters,
        selectedId: u.selected,
        flyToSelection: !u.view,
        reader: u.reader,
        view: u.view ?? s.view,
        // A link without its own view shows its result set.
        fitRequest:
          !u.view && !u.selected && (u.q || Object.values(u.filters).some((v) => v.length))
            ? s.fitRequest + 1
            : s.fitRequest,
      };
    }),
  toggleShortlist: (id) =>
    set((s) => {
      const shortlist = s.shortlist.includes(id)
        ? s.shortlist.filter((x) => x !== id)
        : s.shortlist.length < MAX_SHORTLIST
          ? [...s.shortlist, id]
          : s.shortlist;
      persistShortlist(shortlist);
      return { shortlist };
    }),
  removeFromShortlist: (id) =>
    set((s) => {
      const shortlist = s.shortlist.filter((x) => x !== id);
      persistShortlist(shortlist);
      return { shortlist };
    }),
  clearShortlist: () => {
    persistShortlist([]);
    set({ shortlist: [] });
  },
  openShortlist: (fromLink, known) => {
    const { shortlist, replaced, unknownStored } = openingShortlist(fromLink, storedShortlist(), known);
    persistShortlist(shortlist);
    // The replaced list stays on the device under its own key until restored or dismissed.
    const earlier = storedShortlist(REPLACED_KEY).filter((id) => known.has(id));
    const aside = replaced ?? (earlier.length ? earlier : null);
    persistShortlist(aside ?? [], REPLACED_KEY);
    set({ shortlist, replacedShortlist: aside });
    return unknownStored;
  },
  restoreShortlist: (how) =>
    set((s) => {
      const previous = s.replacedShortlist ?? [];
      const shortlist =
        how === 'replace' ? previous : [...new Set([...s.shortlist, ...previous])].slice(0, MAX_SHORTLIST);
      persistShortlist(shortlist);
      persistShortlist([], REPLACED_KEY);
      return { shortlist, replacedShortlist: null };
    }),
  dismissReplacedShortlist: () => {
    persistShortlist([], REPLACED_KEY);
    set({ replacedShortlist: null });
  },
  setPickingPoint: (pickingPoint) => set({ pickingPoint }),
}));
