import { useMemo, useState } from 'react';
import { KIND_ORDER, type PlanFeature } from '../../data/types.ts';
import { kindsOf } from '../../data/place-columns.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { useMapPlaces } from '../../state/map-places.tsx';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import { PLAN_MAP_MIN_ZOOM } from './map-options.ts';
import './plan-map.css';

/** What the map draws now: the kinds of the places in the current result set, as dots or areas. */
export function Legend() {
  const { places, dataset } = useMapPlaces();
  const planner = useAppStore((s) => s.mode === 'planner');
  const zoom = useAppStore((s) => s.view?.zoom);
  const i18n = useI18n();
  // Open only where the map is wide enough to spare its corner (it covered a quarter of a
  // 1366-pixel map); a click opens it anywhere. A change of mode that changes the default (the
  // planner's narrow map) applies it, as the attribute did before the legend kept its own state.
  const openByDefault = !planner && window.matchMedia?.('(min-width: 1600px)').matches;
  const [open, setOpen] = useState(openByDefault);
  const [defaultFor, setDefaultFor] = useState(openByDefault);
  if (defaultFor !== openByDefault) {
    setDefaultFor(openByDefault);
    setOpen(openByDefault);
  }
  if (!dataset) return null;
  return (
    <details className="legend" data-testid="legend" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{i18n.t('legend')}</summary>
      {/* A closed legend reads nothing: a filter at 100,000 places need not pass over them for it. */}
      {open && <LegendKinds places={places} all={dataset.features} />}
      <p className="legend__note">{i18n.t('legendNote')}</p>
      {/* Below the tile archive's first zoom the map counts places (plan-map/counts.ts). */}
      {dataset.tileMinZoom > PLAN_MAP_MIN_ZOOM && (zoom === undefined || zoom < dataset.tileMinZoom) && (
        <p className="legend__note" data-testid="legend-counts">
          <span className="legend__symbol legend__symbol--count" aria-hidden="true" />
          {i18n.t('countsNote')}
        </p>
      )}
    </details>
  );
}

/** The kinds of the places in the result set, as dots or areas. */
function LegendKinds({ places, all }: { places: readonly PlanFeature[]; all: readonly PlanFeature[] }) {
  const i18n = useI18n();
  // Once per result set, from the kinds by row (a click on a filter re-renders the legend with the
  // previous set first, and must not wait for a pass over 100,000 places).
  const { present, areaKinds } = useMemo(() => kindsOf(places, all), [places, all]);
  return (
    <ul>
      {KIND_ORDER.filter((k) => present.has(k)).map((k) => (
        <li key={k}>
          <span
            className={`legend__symbol ${areaKinds.has(k) ? 'legend__symbol--area' : ''}`}
            style={{ background: KIND_COLORS[k], borderColor: KIND_COLORS[k] }}
            aria-hidden="true"
          />
          {i18n.kindName(k)}
        </li>
      ))}
    </ul>
  );
}
