// Stylesheets first, in cascade order: MapLibre's own, then the page-wide base. Each feature's
// stylesheet, imported by its components below (the planner's with its lazy chunk), comes after
// both and builds on them.
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { Notices } from '../components/Notices.tsx';
import { UpdatePrompt } from '../components/UpdatePrompt.tsx';
import { loadDataset } from '../data/load-dataset.ts';
import { DetailPanel } from '../features/details/DetailPanel.tsx';
import { FilterPanel } from '../features/explorer/FilterPanel.tsx';
import { ResultList } from '../features/explorer/ResultList.tsx';
import { SearchBox } from '../features/explorer/SearchBox.tsx';
import { OwnLayerOverlay } from '../features/own-layer/OwnLayerOverlay.tsx';
import { Legend } from '../features/plan-map/Legend.tsx';
import { planMapOptions } from '../features/plan-map/map-options.ts';
import { PlanMap } from '../features/plan-map/PlanMap.tsx';
import { ShortlistButton, ShortlistMapOverlay } from '../features/shortlist/ShortlistEntry.tsx';
import { HTML_LANG, LANGUAGE_LABELS, LANGUAGES } from '../i18n/languages.ts';
import { MapCanvas } from '../map/MapCanvas.tsx';
import { MapProvider } from '../map/MapProvider.tsx';
import { MapPlacesProvider } from '../state/map-places.tsx';
import { useAppStore } from '../state/store.ts';
import { translate, useI18n } from '../state/use-i18n.ts';
import { startUrlSync } from '../state/url-sync.ts';

// The planner is its own chunk: an investor who only explores never downloads it. The own-layer
// import (with its file parser) loads when the planner's export tab shows it.
const PlannerView = lazy(() => import('../features/planner/PlannerView.tsx').then((m) => ({ default: m.PlannerView })));
// The shortlist's panel (comparison, distances, brief, exports) loads when it is first opened.
const ShortlistPanel = lazy(() =>
  import('../features/shortlist/ShortlistPanel.tsx').then((m) => ({ default: m.ShortlistPanel })),
);
// The document reader (with its stylesheet) loads when a clause is first read.
const DocumentReader = lazy(() =>
  import('../features/reader/DocumentReader.tsx').then((m) => ({ default: m.DocumentReader })),
);
const OwnLayerImport = lazy(() =>
  import('../features/own-layer/OwnLayerImport.tsx').then((m) => ({ default: m.OwnLayerImport })),
);

function PanelError() {
  const { t } = useI18n();
  return (
    <p className="panel-error" role="alert">
      {t('panelError')}
    </p>
  );
}
const guard = (node: React.ReactNode) => <ErrorBoundary fallback={() => <PanelError />}>{node}</ErrorBoundary>;

function NoWebGL() {
  const { t } = useI18n();
  return (
    <div className="map map--unavailable" role="status" data-testid="no-webgl">
      <p>
        <strong>{t('noWebGL')}</strong>
      </p>
      <p>{t('noWebGLDetail')}</p>
    </div>
  );
}

/** Over the map when its tile archive could not be read: the map alone is short of its places. */
function MapLayerError() {
  const { t } = useI18n();
  const failed = useAppStore((s) => s.mapLayerError);
  if (!failed) return null;
  return (
    <div className="map-pane__error" role="alert" data-testid="map-layer-error">
      <p>
        <strong>{t('mapLayerFailed')}</strong>
      </p>
      <p>{t('mapLayerFailedDetail')}</p>
    </div>
  );
}

function useDataset() {
  const setDataset = useAppStore((s) => s.setDataset);
  const setLoadError = useAppStore((s) => s.setLoadError);
  const notify = useAppStore((s) => s.notify);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    loadDataset().then(
      (dataset) => {
        if (!live) return;
        setDataset(dataset);
        if (dataset.problems.length) {
          notify(
            translate('brokenRecords', {
              n: dataset.problems.length,
              records: dataset.problems.slice(0, 3).join('; '),
            }),
          );
        }
        stop = startUrlSync(dataset);
      },
      (e: Error) => live && setLoadError(e.message),
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [setDataset, setLoadError, notify]);
}

/**
 * The whole app. The link's early state (language, map view) is applied before the first render
 * (src/main.tsx); `onMap` hears of the map when it is ready (tests, tools).
 */
export function App({ onMap }: { onMap?: (map: MapLibreMap | null) => void }) {
  useDataset();
  const { t, lang } = useI18n();
  const setLang = useAppStore((s) => s.setLang);
  const loadError = useAppStore((s) => s.loadError);
  const selectedId = useAppStore((s) => s.selectedId);
  const mode = useAppStore((s) => s.mode);
  const setMode = useAppStore((s) => s.setMode);
  const reading = useAppStore((s) => s.reader !== null);
  const [shortlistOpen, setShortlistOpen] = useState(false);
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
    document.title = `${t('title')} · Fujian plan map`;
  }, [lang, t]);

  return (
    <MapProvider onMap={onMap}>
      <div className={`app app--${mode}${selectedId ? ' has-selection' : ''}`}>
        <a className="skip-link" href="#results-heading">
          {t('skipToList')}
        </a>
        <header className="app__header">
          <div className="app__title">
            <h1>{t('title')}</h1>
            <p>{t('subtitle')}</p>
          </div>
          <div role="group" aria-label={t('modeSwitch')} className="mode-switch">
            {(['explorer', 'planner'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
                {t(m === 'explorer' ? 'explorerMode' : 'plannerMode')}
              </button>
            ))}
          </div>
          <ShortlistButton open={shortlistOpen} onToggle={() => setShortlistOpen((o) => !o)} />
          <div role="group" aria-label={`${t('language')} / Language`} className="lang-switch">
            {LANGUAGES.map((l) => (
              <button key={l} type="button" lang={HTML_LANG[l]} aria-pressed={l === lang} onClick={() => setLang(l)}>
                {LANGUAGE_LABELS[l]}
              </button>
            ))}
          </div>
        </header>
        <Notices />
        <UpdatePrompt />
        <main className="app__main">
          {shortlistOpen &&
            guard(
              <Suspense fallback={<p className="results__status">{t('loading')}</p>}>
                <ShortlistPanel onClose={() => setShortlistOpen(false)} />
              </Suspense>,
            )}
          {mode === 'planner' && !shortlistOpen && (
            <div className="planner-pane">
              {guard(
                <Suspense fallback={<p className="results__status">{t('loading')}</p>}>
                  <PlannerView exportExtras={<OwnLayerImport />} />
                </Suspense>,
              )}
            </div>
          )}
          <section
            className="sidebar"
            aria-label={t('search')}
            hidden={mode === 'planner' || shortlistOpen || undefined}
          >
            {guard(<SearchBox />)}
            {guard(<FilterPanel />)}
            {loadError && (
              <div className="panel-error" role="alert">
                <p>
                  {t('loadFailed')} {loadError}
                </p>
                <button type="button" onClick={() => window.location.reload()}>
                  {t('retry')}
                </button>
              </div>
            )}
            {guard(<ResultList />)}
          </section>
          <MapPlacesProvider>
            <div className="map-pane">
              {guard(
                <MapCanvas options={planMapOptions} fallback={<NoWebGL />} label={t('mapLabel')}>
                  <PlanMap />
                  <OwnLayerOverlay />
                  <ShortlistMapOverlay />
                </MapCanvas>,
              )}
              {guard(<Legend />)}
              <MapLayerError />
            </div>
          </MapPlacesProvider>
          {guard(<DetailPanel />)}
          {reading &&
            guard(
              <Suspense fallback={null}>
                <DocumentReader />
              </Suspense>,
            )}
        </main>
      </div>
    </MapProvider>
  );
}
