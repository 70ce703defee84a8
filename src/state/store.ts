// The single source of truth: the map, the list, the panels and the URL all read from here.
import { create } from 'zustand';
import { EMPTY_FILTERS, type FilterKey, type Filters } from '../data/query.ts';
import type { Dataset, UserLayer } from '../data/types.ts';
import { browserLanguage, isLanguage, type Language } from '../i18n/languages.ts';
import {
  DEFAULT_PLANNER,
  type MapViewState,
  type Mode,
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
  filters: Filters;
  query: string;
  selectedId: string | null;
  /** Whether the map should move to the selection (not when a link restores its own view). */
  flyToSelection: boolean;
  hoverId: string | null;
  reader: ReaderState | null;
  view: MapViewState | null;
  /** Short messages for the person (a dropped URL part, skipped records); dismissable. */
  notices: string[];
  /** Bumped when the map should fit the current result set (a filter or search changed). */
  fitRequest: number;

  setLang: (lang: Language) => void;
  setMode: (mode: Mode) => void;
  setPlanner: (patch: Partial<PlannerState>) => void;
  setUserLayer: (layer: UserLayer | null) => void;
  /** Shows a set of places in the explorer (from a planner cell or row). */
  showInExplorer: (filters: Filters) => void;
  setDataset: (dataset: Dataset) => void;
  setLoadError: (message: string) => void;
  setQuery: (query: string) => void;
  toggleFilter: (key: FilterKey, value: string) => void;
  clearFilters: () => void;
  select: (id: string | null) => void;
  hover: (id: string | null) => void;
  openReader: (reader: ReaderState | null) => void;
  setView: (view: MapViewState) => void;
  notify: (message: string) => void;
  dismissNotice: (index: number) => void;
  /** Replaces everything the URL holds (initial load, back/forward). */
  applyUrlState: (s: UrlState) => void;
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

export const useAppStore = create<AppState>()((set) => ({
  lang: storedLanguage() ?? browserLanguage(),
  mode: 'explorer',
  planner: DEFAULT_PLANNER,
  userLayer: null,
  dataset: null,
  loadError: null,
  filters: EMPTY_FILTERS,
  query: '',
  selectedId: null,
  flyToSelection: true,
  hoverId: null,
  reader: null,
  view: null,
  notices: [],
  fitRequest: 0,

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
}));
