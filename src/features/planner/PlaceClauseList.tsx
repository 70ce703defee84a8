import { TextsPending } from '../../components/Pending.tsx';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { usePlaceTexts } from '../../state/use-place-texts.ts';

/**
 * Places with the clauses that plan one industry for them (in one document, with `doc`); each place
 * opens its details.
 */
export function PlaceClauseList({
  dataset,
  places,
  industry,
  doc,
}: {
  dataset: Dataset;
  places: PlanFeature[];
  industry?: string;
  doc?: string;
}) {
  const select = useAppStore((s) => s.select);
  const openReader = useAppStore((s) => s.openReader);
  const i18n = useI18n();
  // The clauses' words come with the places' texts, fetched once for the list.
  const { places: texted, error } = usePlaceTexts(places);
  return (
    <ul className="place-clauses">
      {places.map((p, n) => {
        const clauses = p.sources.filter(
          (s) => (!industry || s.industryRollup.includes(industry)) && (!doc || s.doc === doc),
        );
        return (
          <li key={p.id} data-id={p.id}>
            <button type="button" className="link-button" onClick={() => select(p.id)}>
              {i18n.featureName(p)}
            </button>{' '}
            <span className="muted">{i18n.kindName(p.kind)}</span>
            <ul>
              {clauses.map((c) => {
                const meta = dataset.documentById.get(c.doc);
                return (
                  <li key={`${c.doc}:${c.start}`} data-doc={c.doc}>
                    {texted ? (
                      <q lang="zh-Hans">{i18n.zh(texted[n].sources[p.sources.indexOf(c)].quote)}</q>
                    ) : (
                      <TextsPending error={error} inline />
                    )}{' '}
                    <button
                      type="button"
                      className="link-button small"
                      onClick={() => openReader({ doc: c.doc, start: c.start, end: c.end })}
                    >
                      {meta
                        ? `${meta.period.start === meta.period.end ? meta.period.start : `${meta.period.start}–${meta.period.end}`} ${i18n.docTitle(meta)}`
                        : c.doc}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
