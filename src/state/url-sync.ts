// Keeps the URL and the store in step: a link restores the view it was copied from; back and
// forward walk through selections, filters and the reader.
import type { Dataset } from '../data/types.ts';
import { joinList } from '../i18n/format.ts';
import type { UrlState } from './model.ts';
import { useAppStore, type AppState } from './store.ts';
import { FILTER_PARAMS, knownValues, NO_KNOWN_VALUES, parseUrlState, serializeUrlState } from './url-codec.ts';
import { translate } from './use-i18n.ts';

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
    shortlist: s.shortlist.length ? s.shortlist : null,
  };
}

/**
 * Language, map view and search words need no data: applied once, before the first render
 * (src/main.tsx), so that the map is created with the link's own view, the first text is in its
 * language, and the search box shows the link's words while the data load (a person may edit them
 * then: `startUrlSync` keeps what they typed).
 */
export function applyEarlyUrlState(): void {
  const { state, dropped } = parseUrlState(window.location.search, NO_KNOWN_VALUES);
  // Filter values are checked against the data (not in yet): any filter the link names counts.
  const linkNarrows =
    state.q !== '' ||
    Object.values(state.filters).some((v) => v.length > 0) ||
    dropped.some((part) => (Object.values(FILTER_PARAMS) as string[]).includes(part));
  useAppStore.setState((s) => ({
    lang: state.lang ?? s.lang,
    view: state.view ?? s.view,
    query: state.q,
    linkNarrows,
  }));
}

/** Starts syncing once the data are loaded; returns a function that stops it. */
export function startUrlSync(dataset: Dataset): () => void {
  const known = knownValues(dataset);
  const store = useAppStore;
  // While a URL is being applied (load, back/forward) the store follows the URL, not the reverse:
  // writing a new history entry then would cut off the forward history.
  let applying = false;
  // The shortlist is read from the link only when the app opens: back and forward walk through
  // views, they do not undo what a person put on the shortlist (the URL is rewritten with it).
  const apply = (opening: boolean) => {
    const { state, dropped, droppedShortlist } = parseUrlState(window.location.search, known);
    let lost = droppedShortlist;
    applying = true;
    try {
      // On opening, the search box has shown the link's words since the first render: what is in it
      // now is the link's, or what the person typed while the data loaded (theirs wins).
      store.getState().applyUrlState(opening ? { ...state, q: store.getState().query } : state);
      if (opening) lost = [...lost, ...store.getState().openShortlist(state.shortlist, known.features)];
    } finally {
      applying = false;
    }
    const lang = store.getState().lang;
    if (dropped.length) store.getState().notify(translate('linkPartsIgnored', { parts: joinList(lang, dropped) }));
    if (opening && lost.length) {
      const n = store.getState().shortlist.length;
      store.getState().notify(translate('shortlistDropped', { ids: joinList(lang, lost), n }));
    }
  };
  apply(true);
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
  const onPop = () => apply(false);
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
