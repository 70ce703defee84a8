// What the app shows of the shortlist before the panel is opened: the header's button with the
// count, and the rings on the map. Small on purpose; the panel loads on demand.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import { Layer } from '../../map/Layer.tsx';
import { Source } from '../../map/Source.tsx';
import { SHORTLIST_SOURCE, shortlistLayers } from '../../map-style/shortlist.ts';
import { useAppStore } from '../../state/store.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { originOf } from './origin.ts';
import './shortlist.css';

/** The shortlisted places the data know, in the shortlist's order. */
export function useShortlistedPlaces(): { dataset: Dataset | null; places: PlanFeature[] } {
  const dataset = useAppStore((s) => s.dataset);
  const shortlist = useAppStore((s) => s.shortlist);
  const places = useMemo(
    () => (dataset ? shortlist.flatMap((id) => dataset.byId.get(id) ?? []) : []),
    [dataset, shortlist],
  );
  return { dataset, places };
}

/** The header's button: opens and closes the panel, and shows how many places are on the list. */
export function ShortlistButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const n = useAppStore((s) => s.shortlist.length);
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="shortlist-button"
      aria-expanded={open}
      aria-controls="shortlist-panel"
      onClick={onToggle}
      data-testid="shortlist-button"
    >
      <span aria-hidden="true">★ </span>
      {t('shortlistOpen', { n })}
    </button>
  );
}

/** Numbered rings round the shortlisted places, on the shared map, whether or not the panel is open. */
export function ShortlistMapOverlay() {
  const { places } = useShortlistedPlaces();
  const layers = useMemo(() => shortlistLayers(), []);
  const data = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: places.map((p, n) => ({
        type: 'Feature',
        properties: { id: p.id, rank: n + 1 },
        geometry: { type: 'Point', coordinates: originOf(p).at },
      })),
    }),
    [places],
  );
  return (
    <Source id={SHORTLIST_SOURCE} spec={{ type: 'geojson', data }}>
      {layers.map((l) => (
        <Layer key={l.spec.id} spec={l.spec} beforeId={l.beforeId} />
      ))}
    </Source>
  );
}
