// A place's logistics context as text: for each kind of facility the nearest the plans name, how
// far in a straight line, how it was measured, and the clause that plans it.
import type { Dataset, PlanFeature } from '../../data/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useOutlines } from '../../state/use-outlines.ts';
import { OutlinesPending } from '../../components/Pending.tsx';
import { ClauseQuote } from '../../components/ClauseQuote.tsx';
import { FACILITY_TYPES, formatKm, logisticsOf, type FacilityType, type NearestFacility } from './logistics.ts';

export const FACILITY_LABEL: Record<FacilityType, MessageKey> = {
  seaPort: 'facilitySeaPort',
  bondedArea: 'facilityBondedArea',
  dryPort: 'facilityDryPort',
  airport: 'facilityAirport',
};

/** "12 km (to the area's edge)": the distance with its unit and how it was measured. */
export function useDistanceText() {
  const { t } = useI18n();
  return (d: { km: number; to: NearestFacility['to'] }) =>
    `${t('km', { km: formatKm(d.km) })}${d.to === 'inside' ? ` (${t('insideArea')})` : d.to === 'edge' ? ` (${t('toEdge')})` : ''}`;
}

/** One facility: its name, distance, location precision and the clause that plans it. */
export function FacilityLine({
  dataset,
  near,
  plain = false,
}: {
  dataset: Dataset;
  near: NearestFacility | null;
  /** The clause shown as text, not behind a disclosure (a printed page cannot be clicked). */
  plain?: boolean;
}) {
  const i18n = useI18n();
  const distanceText = useDistanceText();
  if (!near) return <span className="muted">{i18n.t('noFacility')}</span>;
  const doc = near.clause && dataset.documentById.get(near.clause.doc);
  return (
    <span className="facility">
      <strong>{i18n.featureName(near.facility)}</strong>{' '}
      <span className="facility__km" data-testid="facility-km">
        {distanceText(near)}
      </span>
      <span className="facility__precision muted"> · {i18n.precisionName(near.facility.precision)}</span>
      {near.clause && plain && (
        <span className="facility__clause facility__clause--plain">
          {doc && <span className="facility__doc">{i18n.docLine(doc)}</span>}
          <ClauseQuote place={near.facility} clause={near.clause} />
        </span>
      )}
      {near.clause && !plain && (
        <details className="facility__clause">
          <summary>{i18n.t('plannedBy')}</summary>
          {doc && <span className="facility__doc">{i18n.docLine(doc)}</span>}
          <ClauseQuote place={near.facility} clause={near.clause} />
        </details>
      )}
    </span>
  );
}

/** The four facility kinds for a place, with the caveat that says what these distances are. */
export function LogisticsView({ dataset, place, plain }: { dataset: Dataset; place: PlanFeature; plain?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { outlines, error } = useOutlines();
  if (!outlines) return <OutlinesPending error={error} />;
  const { from, nearest } = logisticsOf(dataset, place, outlines);
  // A region named after its place (the shortlist shows one per place); in the brief, plain text
  // under the place's own "Logistics" heading.
  return (
    <section className="logistics" aria-label={plain ? undefined : `${t('logistics')}: ${i18n.featureName(place)}`}>
      <p className="logistics__caveat">
        {t('logisticsCaveat')}
        {from === 'centroid' && <> {t('fromCentroid')}.</>}
      </p>
      <dl className="logistics__list">
        {FACILITY_TYPES.map((type) => (
          <div key={type}>
            <dt>{t(FACILITY_LABEL[type])}</dt>
            <dd>
              <FacilityLine dataset={dataset} near={nearest[type]} plain={plain} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
