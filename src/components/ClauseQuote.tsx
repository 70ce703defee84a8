// One clause's words as the document writes them, where a panel lists clauses of many places: the
// words come with the place's texts (data/place-texts.ts), fetched when the quote is shown.
import type { Clause, PlanFeature } from '../data/types.ts';
import { useI18n } from '../state/use-i18n.ts';
import { usePlaceTexts } from '../state/use-place-texts.ts';
import { TextsPending } from './Pending.tsx';

export function ClauseQuote({
  place,
  clause,
  convert,
}: {
  place: PlanFeature;
  clause: Clause;
  /** In the reader's script (繁體 converted); otherwise as written. */
  convert?: boolean;
}) {
  const i18n = useI18n();
  const { places, error } = usePlaceTexts([place]);
  const words = places?.[0].sources.find((c) => c.doc === clause.doc && c.start === clause.start);
  if (!words) return <TextsPending error={error} inline />;
  return <q lang="zh-Hans">{convert ? i18n.zh(words.quote) : words.quote}</q>;
}
