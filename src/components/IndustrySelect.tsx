// One industry picker for every view that asks for one industry (the choropleth, nearby places):
// the taxonomy's groups as option groups, in the taxonomy's order, labelled in the reader's language.
import type { Dataset, Industry } from '../data/types.ts';
import { useI18n } from '../state/use-i18n.ts';

export function IndustrySelect({
  dataset,
  value,
  onChange,
  emptyLabel,
  offered,
}: {
  dataset: Dataset;
  /** The chosen industry's id; '' for none. */
  value: string;
  onChange: (id: string) => void;
  /** The label of the empty choice ("none", "any industry"). */
  emptyLabel: string;
  /** Only these industries (default: all); a group with none of them is left out. */
  offered?: (i: Industry) => boolean;
}) {
  const i18n = useI18n();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {dataset.groups.map((g) => {
        const members = dataset.industries.filter((i) => i.group === g.id && (!offered || offered(i)));
        return members.length === 0 ? null : (
          <optgroup key={g.id} label={i18n.industryName(g)}>
            {members.map((i) => (
              <option key={i.id} value={i.id}>
                {i18n.industryName(i)}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
