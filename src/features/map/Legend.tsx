import { KIND_ORDER } from '../../data/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDeferredPlaces } from '../../state/use-places.ts';
import { KIND_COLORS } from './plan-layers.ts';

/** What the map draws now: the kinds of the places in the current result set, as dots or areas. */
export function Legend() {
  const { places, dataset } = useDeferredPlaces();
  const i18n = useI18n();
  if (!dataset) return null;
  const present = new Set(places.map((f) => f.kind));
  const areaKinds = new Set(places.filter((f) => f.geometry.type !== 'Point').map((f) => f.kind));
  return (
    <details className="legend" data-testid="legend" open={window.matchMedia?.('(min-width: 761px)').matches}>
      <summary>{i18n.t('legend')}</summary>
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
      <p className="legend__note">{i18n.t('legendNote')}</p>
    </details>
  );
}
