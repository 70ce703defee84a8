// The app's model types: what the store holds and a link can carry. Pure types and defaults,
// imported by the store, the URL codec and the features alike.
import type { Filters } from '../data/query.ts';
import type { Language } from '../i18n/languages.ts';

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

export type Mode = 'explorer' | 'planner';
export const PLANNER_TABS = ['matrix', 'choropleth', 'compare', 'plans', 'overlap', 'export'] as const;
export type PlannerTab = (typeof PLANNER_TABS)[number];

/** Provinces whose prefectures the matrix can take as columns: Fujian, Shandong. */
export const PLANNER_PROVINCES = ['350000', '370000'] as const;
export type PlannerProvince = (typeof PLANNER_PROVINCES)[number];

export interface PlannerState {
  tab: PlannerTab;
  /** the matrix's province (its prefectures are the columns) */
  province: PlannerProvince;
  /** the matrix's row order: 'taxonomy', 'total' or a column key (pref:<code>, zone:<feature id>) */
  sort: string;
  /** industry id whose places shade the prefectures */
  choropleth: string | null;
  /** region column keys: pref:<code> or zone:<feature id> */
  compare: string[];
  threshold: number;
  zones: boolean;
  /** whether the matrix lists sub-industries under their industries (whose counts include them) */
  subIndustries: boolean;
}

export const DEFAULT_PLANNER: PlannerState = {
  tab: 'matrix',
  province: '350000',
  sort: 'taxonomy',
  choropleth: null,
  compare: [],
  threshold: 5,
  zones: false,
  subIndustries: false,
};

export interface UrlState {
  lang?: Language;
  mode: Mode;
  planner: PlannerState;
  q: string;
  filters: Filters;
  selected: string | null;
  reader: ReaderState | null;
  view: MapViewState | null;
  /** The link's shortlist (`short`); null when the link has none (then the device's own is kept). */
  shortlist: string[] | null;
}

/** At most this many places on a shortlist (a link stays short enough for a messenger). */
export const MAX_SHORTLIST = 30;
/** The comparison takes this many shortlisted places side by side. */
export const MAX_COMPARE = 5;

/** Something that answers whether it knows an id: a set of ids, or the dataset's maps by id. */
export interface IdLookup {
  has(id: string): boolean;
}

/** What ids the current data know; anything else in a URL is dropped. */
export interface KnownValues {
  features: IdLookup;
  industries: IdLookup;
  docs: IdLookup;
  prefectures: IdLookup;
}
