// "Places within N km": from a shortlisted place or a point picked on the map, the planned places
// within a radius, filterable by industry, as a list and as a circle with rings on the map.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import { Layer } from '../../map/Layer.tsx';
import { useMap } from '../../map/MapProvider.tsx';
import { syncMapSize } from '../../map/map-size.ts';
import { Source } from '../../map/Source.tsx';
import { CLICK_PRIORITY, useMapClick } from '../../map/hooks.ts';
import { NEARBY_SOURCE, nearbyLayers, RADIUS_SOURCE, radiusLayers } from '../../map-style/shortlist.ts';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import { useAppStore } from '../../state/store.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { originOf, placesWithin, radiusCircle } from './logistics.ts';
import { useDistanceText } from './LogisticsView.tsx';
import { OutlinesPending } from '../../components/Pending.tsx';
import { useOutlines } from '../../state/use-outlines.ts';
import { IndustrySelect } from '../../components/IndustrySelect.tsx';

type Centre = { kind: 'place'; id: string } | { kind: 'point'; at: [number, number] };
const RADIUS_LAYERS = radiusLayers();
const NEARBY_LAYERS = nearbyLayers();

/** While picking, the next click on the map is the centre; Escape or Cancel stops picking. */
function PointPicker({ onPick }: { onPick: (at: [number, number]) => void }) {
  const map = useMap();
  const picking = useAppStore((s) => s.pickingPoint);
  const setPicking = useAppStore((s) => s.setPickingPoint);
  // Picking takes the click before any layer does (no place is selected, no popup opens).
  useMapClick((e) => {
    if (!useAppStore.getState().pickingPoint) return false;
    onPick([e.lngLat.lng, e.lngLat.lat]);
    setPicking(false);
    return true;
  }, CLICK_PRIORITY.pick);
  useEffect(() => {
    if (!picking) return;
    const container = map?.getContainer();
    container?.classList.add('is-picking');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPicking(false);
    window.addEventListener('keydown', onKey);
    return () => {
      container?.classList.remove('is-picking');
      window.removeEventListener('keydown', onKey);
    };
  }, [map, picking, setPicking]);
  // Leaving this view stops picking.
  useEffect(() => () => setPicking(false), [setPicking]);
  return null;
}

export function NearbyView({ dataset, shortlisted }: { dataset: Dataset; shortlisted: PlanFeature[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const select = useAppStore((s) => s.select);
  const picking = useAppStore((s) => s.pickingPoint);
  const setPicking = useAppStore((s) => s.setPickingPoint);
  const distanceText = useDistanceText();
  const [centre, setCentre] = useState<Centre | null>(shortlisted[0] ? { kind: 'place', id: shortlisted[0].id } : null);
  const [radius, setRadius] = useState(25);
  const [industry, setIndustry] = useState('');

  const centrePlace = centre?.kind === 'place' ? dataset.byId.get(centre.id) : undefined;
  const at = useMemo<[number, number] | null>(
    () => (centre?.kind === 'point' ? centre.at : centrePlace ? originOf(centrePlace).at : null),
    [centre, centrePlace],
  );
  const exclude = centrePlace?.id;
  const { outlines, error } = useOutlines();
  const all = useMemo(
    () => (at && outlines ? placesWithin(dataset, at, radius, outlines, { exclude }) : []),
    [dataset, at, radius, outlines, exclude],
  );
  const found = industry ? all.filter((w) => w.place.industryRollup.includes(industry)) : all;
  // Industries offered: those of the places within the radius, in the taxonomy's order.
  const offeredIds = new Set(all.flatMap((w) => w.place.industryRollup));

  const radiusData = useMemo<FeatureCollection | null>(
    () =>
      at && {
        type: 'FeatureCollection',
        features: [
          radiusCircle(at, radius),
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } },
        ],
      },
    [at, radius],
  );
  // The map shows the whole circle whenever the centre or the radius changes.
  const map = useMap();
  useEffect(() => {
    if (!map || !radiusData) return;
    const ring = (radiusData.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    const lngs = ring.map((c) => c[0]);
    const lats = ring.map((c) => c[1]);
    syncMapSize(map);
    map.fitBounds([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)], {
      padding: 40,
      duration: 400,
    });
  }, [map, radiusData]);
  const nearbyData = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: found.map((w) => ({
        type: 'Feature',
        properties: { id: w.place.id },
        geometry: { type: 'Point', coordinates: originOf(w.place).at },
      })),
    }),
    [found],
  );

  return (
    <div className="nearby">
      <p className="muted small">{t('nearbyIntro')}</p>
      <div className="nearby__controls">
        <label>
          {t('nearbyFrom')}{' '}
          <select
            value={centre?.kind === 'place' ? centre.id : centre?.kind === 'point' ? '@point' : ''}
            onChange={(e) => e.target.value !== '@point' && setCentre({ kind: 'place', id: e.target.value })}
          >
            {!centre && <option value="">—</option>}
            {shortlisted.map((p, n) => (
              <option key={p.id} value={p.id}>
                {n + 1}. {i18n.featureName(p)}
              </option>
            ))}
            {centre?.kind === 'point' && (
              <option value="@point">
                {t('nearbyFromPoint')} {centre.at[1].toFixed(3)}, {centre.at[0].toFixed(3)}
              </option>
            )}
          </select>
        </label>
        {picking ? (
          <span className="nearby__picking" role="status">
            {t('pickingPoint')}{' '}
            <button type="button" onClick={() => setPicking(false)}>
              {t('cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setPicking(true)}>
            {t('pickPoint')}
          </button>
        )}
        <label>
          {t('radius')}{' '}
          <input
            type="number"
            min={1}
            max={300}
            step={1}
            value={radius}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v >= 1 && v <= 300) setRadius(v);
            }}
          />
        </label>
        <label>
          {t('industry')}{' '}
          <IndustrySelect
            dataset={dataset}
            value={industry}
            onChange={setIndustry}
            emptyLabel={t('industryAny')}
            offered={(i) => offeredIds.has(i.id)}
          />
        </label>
      </div>
      <PointPicker onPick={(p) => setCentre({ kind: 'point', at: p })} />
      {!at ? (
        <p className="muted">{t('nearbyChoose')}</p>
      ) : !outlines ? (
        <OutlinesPending error={error} />
      ) : (
        <>
          <h3 className="nearby__count" aria-live="polite">
            {t('nearbyCount', { n: found.length, km: radius })}
          </h3>
          {found.length === 0 ? (
            <p className="muted">{t('nearbyNone')}</p>
          ) : (
            <ol className="nearby__list" data-testid="nearby-list">
              {found.map((w) => (
                <li key={w.place.id} data-id={w.place.id}>
                  <span className="swatch" style={{ background: KIND_COLORS[w.place.kind] }} aria-hidden="true" />
                  <button type="button" className="link-button" onClick={() => select(w.place.id)}>
                    {i18n.featureName(w.place)}
                  </button>{' '}
                  <span className="muted small">{i18n.kindName(w.place.kind)}</span>{' '}
                  <span className="nearby__km">{distanceText(w)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {radiusData && (
        <Source id={RADIUS_SOURCE} spec={{ type: 'geojson', data: radiusData }}>
          {RADIUS_LAYERS.map((l) => (
            <Layer key={l.spec.id} spec={l.spec} beforeId={l.beforeId} />
          ))}
        </Source>
      )}
      <Source id={NEARBY_SOURCE} spec={{ type: 'geojson', data: nearbyData }}>
        {NEARBY_LAYERS.map((l) => (
          <Layer key={l.spec.id} spec={l.spec} beforeId={l.beforeId} />
        ))}
      </Source>
    </div>
  );
}
