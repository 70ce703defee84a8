// Keeps the URL and the store in step: a link restores the view it was copied from; back and
// forward walk through selections, filters and the reader.
import type { Dataset } from '../data/types.ts';
import { useAppStore, type AppState } from '../state/store.ts';
import { parseUrlState, serializeUrlState, type KnownValues, type UrlState } from '../state/url-state.ts';
import { translate } from '../i18n/use-i18n.ts';

const NO_DATA: KnownValues = { features: new Set(), industries: new Set(), docs: new Set(), prefectures: new Set() };

export function knownValues(d: Dataset): KnownValues {
  return {
    features: new Set(d.byId.keys()),
    industries: new Set(d.industryById.keys()),
    docs: new Set(d.documentById.keys()),
    prefectures: new Set(d.regionByCode.keys()),
  };
}

function urlStateOf(s: AppState): UrlState {
  return {
    lang: s.lang,
    mode: s.mode,
    planner: s.planner,
    q: s.query,
    filters: s.filters,
    selected: s.selectedId,
    reader: s.reader,
    view: s.view,
  };
}

/** Language and map view need no data: apply them before the map is created. */
export function applyEarlyUrlState(): void {
  const { state } = parseUrlState(window.location.search, NO_DATA);
  useAppStore.setState((s) => ({ lang: state.lang ?? s.lang, view: state.view ?? s.view }));
}

/** Starts syncing once the data are loaded; returns a function that stops it. */
export function startUrlSync(dataset: Dataset): () => void {
  const known = knownValues(dataset);
  const store = useAppStore;
  // While a URL is being applied (load, back/forward) the store follows the URL, not the reverse:
  // writing a new history entry then would cut off the forward history.
  let applying = false;
  const apply = () => {
    const { state, dropped } = parseUrlState(window.location.search, known);
    applying = true;
    try {
      store.getState().applyUrlState(state);
    } finally {
      applying = false;
    }
    if (dropped.length) {
      const separator = store.getState().lang === 'en' ? ', ' : '、';
      store.getState().notify(translate('linkPartsIgnored', { parts: dropped.join(separator) }));
    }
  };
  apply();
  // Write back at once: the address now shows exactly what the app shows.
  window.history.replaceState(window.history.state, '', serializeUrlState(urlStateOf(store.getState())) || '?');

  let last = urlStateOf(store.getState());
  const unsubscribe = store.subscribe((s) => {
    const next = urlStateOf(s);
    const search = serializeUrlState(next);
    if (search === window.location.search || (search === '' && window.location.search === '')) {
      last = next;
      return;
    }
    // A new history entry for what a person would want "back" to undo; typing and panning replace.
    const key = (u: UrlState) =>
      JSON.stringify([u.selected, u.filters, u.reader, u.lang, u.mode, u.planner.tab, u.planner.compare]);
    const meaningful = !applying && key(next) !== key(last);
    if (meaningful) window.history.pushState(null, '', search || '?');
    else window.history.replaceState(window.history.state, '', search || '?');
    last = next;
  });
  const onPop = () => apply();
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
