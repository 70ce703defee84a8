// What the planner puts on the shared map while a view shows it: the places behind a number, the
// regions being compared, the province a matrix shows. Mounted by the planner's views, so they go
// when the view goes; the map itself knows nothing of the planner.
import { useEffect, useMemo } from 'react';
import { LngLatBounds } from 'maplibre-gl';
import type { PlanFeature } from '../../data/types.ts';
import { Layer } from '../../map/Layer.tsx';
import { Source } from '../../map/Source.tsx';
import { useMap } from '../../map/MapProvider.tsx';
import { syncMapSize } from '../../map/map-size.ts';
import { SLOTS } from '../../map-style/basemap-style.ts';
import { comparedRegionsLayer } from '../../map-style/choropleth.ts';
import { HIGHLIGHT_SOURCE, highlightLayers, placePointsData } from '../../map-style/plan-layers.ts';

const boundsOf = (places: readonly PlanFeature[]): LngLatBounds | null => {
  if (!places.length) return null;
  const b = new LngLatBounds();
  for (const p of places) b.extend([p.bbox[0], p.bbox[1], p.bbox[2], p.bbox[3]]);
  return b;
};

/** Moves the map to show `places` whenever that set changes (not on every render). */
export function useFitPlaces(places: readonly PlanFeature[] | null, maxZoom = 10): void {
  const map = useMap();
  const key = places?.map((p) => p.id).join(',') ?? '';
  useEffect(() => {
    if (!map || !places?.length) return;
    const b = boundsOf(places);
    if (!b) return;
    syncMapSize(map);
    map.fitBounds(b, { padding: 40, maxZoom, duration: 500 });
    // `key` stands for the set of places.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key, maxZoom]);
}

function Rings({ places }: { places: PlanFeature[] }) {
  // Areas from the tiles, whole prefectures from the basemap's outlines (`outline`), points from
  // their own source.
  const areaIds = places
    .filter((p) => !p.point && !p.outline)
    .map((p) => p.id)
    .join(',');
  const outlineCodes = places.flatMap((p) => (p.outline ? [p.outline] : [])).join(',');
  const [areas, outlines, points] = useMemo(
    () => highlightLayers(areaIds ? areaIds.split(',') : [], outlineCodes ? outlineCodes.split(',') : []),
    [areaIds, outlineCodes],
  );
  const pointIds = places
    .filter((p) => p.point)
    .map((p) => p.id)
    .join(',');
  // One source value per set of places (not per render): a new value is sent to the map's worker.
  const spec = useMemo(
    () => ({ type: 'geojson' as const, data: placePointsData(places, (p) => ({ id: p.id })) }),
    // `pointIds` stands for the point places.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pointIds],
  );
  return (
    <>
      <Layer spec={areas} beforeId={SLOTS.markers} />
      <Layer spec={outlines} beforeId={SLOTS.markers} />
      <Source id={HIGHLIGHT_SOURCE} spec={spec}>
        <Layer spec={points} beforeId={SLOTS.markers} />
      </Source>
    </>
  );
}

/** Rings around the places a number stands for, and the map moved to them. */
export function HighlightPlaces({ places }: { places: PlanFeature[] }) {
  useFitPlaces(places, 11);
  return <Rings places={places} />;
}

/**
 * The regions being compared: prefectures outlined, zones ringed, the map moved to show them all
 * (`extent`: the places that make up the regions).
 */
export function ComparedRegions({
  codes,
  zones,
  extent,
}: {
  codes: string[];
  zones: PlanFeature[];
  extent: PlanFeature[];
}) {
  useFitPlaces(extent, 9);
  const key = codes.join(',');
  const spec = useMemo(() => comparedRegionsLayer(key ? key.split(',') : []), [key]);
  return (
    <>
      <Layer spec={spec} beforeId={SLOTS.markers} />
      <Rings places={zones} />
    </>
  );
}
