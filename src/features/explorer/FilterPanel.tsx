import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  allFacetCounts,
  FILTER_KEYS,
  prepareFilterIndex,
  pairCountSteps,
  warmFilterPath,
  type FilterKey,
} from '../../data/query.ts';
import { inIdleAfterFirstView } from '../../lib/after-first-view.ts';
import { industryTree } from '../../data/taxonomy.ts';
import { KIND_ORDER } from '../../data/types.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { formatInteger } from '../../i18n/format.ts';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import './filters.css';

interface Option {
  value: string;
  label: string;
  count: number;
  swatch?: string;
  /** 1 for a sub-industry, shown under its industry (whose count includes it). */
  depth?: number;
}

function CheckList({ legend, name, options }: { legend: string; name: FilterKey; options: Option[] }) {
  const selected = useAppStore((s) => s.filters[name]) as string[];
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {options.map((o) => (
        <CheckRow key={o.value} name={name} {...o} checked={selected.includes(o.value)} />
      ))}
    </fieldset>
  );
}

/**
 * One option. A filter changes most options' counts but few of them (at 100,000 places about 40
 * of 185): only those rows are redrawn, and their checkbox is not touched (React writes an
 * input's name and type again on every update of it).
 */
const CheckRow = memo(function CheckRow({
  name,
  value,
  label,
  count,
  swatch,
  depth,
  checked,
}: Option & { name: FilterKey; checked: boolean }) {
  const className = [count === 0 && !checked ? 'is-empty' : '', depth ? 'checklist__sub' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <label className={className || undefined}>
      <CheckBox name={name} value={value} checked={checked} />
      {swatch && <span className="swatch" style={{ background: swatch }} aria-hidden="true" />}
      <span className="checklist__label">{label}</span>
      <span className="count">{formatInteger(count)}</span>
    </label>
  );
});

const CheckBox = memo(function CheckBox({
  name,
  value,
  checked,
}: {
  name: FilterKey;
  value: string;
  checked: boolean;
}) {
  return (
    <input
      type="checkbox"
      name={name}
      value={value}
      checked={checked}
      onChange={() => useAppStore.getState().toggleFilter(name, value)}
    />
  );
});

/** Industries (grouped by the taxonomy), kinds, documents and prefectures, each with live counts. */
export function FilterPanel() {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const clear = useAppStore((s) => s.clearFilters);
  const i18n = useI18n();
  const { t } = i18n;
  const [openChoice, setOpenChoice] = useState<boolean | null>(null);
  // One pass over an index of the places for all four filters (see query.ts), not four scans, and
  // one step behind a click (a deferred value): the checkbox answers at once, the counts follow.
  const now = useMemo(() => ({ dataset, filters }), [dataset, filters]);
  const lagging = useDeferredValue(now);
  const counted = lagging.dataset === dataset ? lagging : now; // new data: counted at once
  const active = Object.values(filters).reduce((n, v) => n + v.length, 0);
  // Open when a link brings filters; after that the person decides: unchecking the last filter
  // must not fold the panel away under their pointer.
  const open = openChoice ?? active > 0;
  // Counted once the panel is open, or in idle time after the first view: at 100,000 places the
  // first count (with the index it builds) holds the main thread for about 0.1 s, which the first
  // view need not pay for a panel that is closed. The filters' posting lists come first, then each
  // filter's path is run once (warmFilterPath), then the filters' co-occurrence tables are built
  // (pairCountSteps: a click on one value then reads the others' counts from a row).
  const [prepared, setPrepared] = useState(false);
  useEffect(() => {
    if (!dataset || prepared) return;
    return inIdleAfterFirstView(
      () => prepareFilterIndex(dataset),
      ...FILTER_KEYS.map((key) => () => warmFilterPath(dataset, key)),
      ...pairCountSteps(dataset),
      () => setPrepared(true),
    );
  }, [dataset, prepared]);
  const counting = open || prepared;
  const counts = useMemo(
    () => (counting && counted.dataset ? allFacetCounts(counted.dataset.features, counted.filters) : null),
    [counted, counting],
  );
  const present = useMemo(() => (counting ? new Set(dataset?.features.map((f) => f.kind)) : null), [dataset, counting]);
  const { lang, hantReady } = i18n;
  // The lists change only with the counts or the language. A click re-renders just the list whose
  // checkbox changed (CheckList reads its own selection from the store), not all hundred rows.
  const lists = useMemo(
    () =>
      dataset &&
      counts &&
      present && (
        <>
          <div className="filters__group">
            <h2>{t('industries')}</h2>
            {dataset.groups.map((g) => (
              <CheckList
                key={g.id}
                legend={i18n.industryName(g)}
                name="industries"
                options={industryTree(dataset.industries, g.id).map(({ industry: i, depth }) => ({
                  value: i.id,
                  label: i18n.industryName(i),
                  count: counts.industries.get(i.id) ?? 0,
                  depth,
                }))}
              />
            ))}
          </div>
          <CheckList
            legend={t('kinds')}
            name="kinds"
            options={KIND_ORDER.filter((k) => present.has(k)).map((k) => ({
              value: k,
              label: i18n.kindName(k),
              count: counts.kinds.get(k) ?? 0,
              swatch: KIND_COLORS[k],
            }))}
          />
          <CheckList
            legend={t('documents')}
            name="docs"
            options={[...dataset.documents]
              .sort((a, b) => a.period.start - b.period.start)
              .map((d) => ({
                value: d.doc,
                label: i18n.docLine(d),
                count: counts.docs.get(d.doc) ?? 0,
              }))}
          />
          <CheckList
            legend={t('prefectures')}
            name="prefectures"
            options={dataset.regions.map((r) => ({
              value: r.code,
              label: i18n.regionName(r),
              count: counts.prefectures.get(r.code) ?? 0,
            }))}
          />
        </>
      ),
    // i18n's functions depend only on the language and on whether 繁體 conversion has loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dataset, counts, present, lang, hantReady],
  );
  if (!dataset) return null;
  return (
    <details
      className="filters"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== open) setOpenChoice(now);
      }}
      onChange={() => setOpenChoice(true)}
    >
      <summary>
        {t('filters')}
        {active > 0 && <span className="badge">{active}</span>}
      </summary>
      {active > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setOpenChoice(true);
            clear();
          }}
        >
          {t('clearFilters')}
        </button>
      )}
      {filters.industries.length > 1 && (
        <p className="muted small" data-testid="any-of">
          {t('anyOfIndustries', { n: filters.industries.length })}
        </p>
      )}
      {lists}
    </details>
  );
}
