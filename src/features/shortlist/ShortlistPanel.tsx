// The shortlist: the places a person keeps, with their logistics context, a side-by-side
// comparison, a radius search, a printable brief, exports and a link to share.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CopyLinkButton } from '../../components/CopyLinkButton.tsx';
import { loadOutlines, type Outlines } from '../../data/outlines.ts';
import { loadPlaceTexts } from '../../data/place-texts.ts';
import type { Dataset, PlanFeature, TextedPlace } from '../../data/types.ts';
import { joinList } from '../../i18n/format.ts';
import { download, todayStamp } from '../../lib/download.ts';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import { MAX_COMPARE } from '../../state/model.ts';
import { useAppStore } from '../../state/store.ts';
import { useI18n, type I18n } from '../../state/use-i18n.ts';
import { Brief } from './Brief.tsx';
import { CompareTable } from './CompareTable.tsx';
import { shortlistToCsv, shortlistToGeoJSON } from './export.ts';
import { LogisticsView } from './LogisticsView.tsx';
import { NearbyView } from './NearbyView.tsx';
import { useShortlistedPlaces } from './ShortlistEntry.tsx';
import './shortlist.css';

const TABS = ['list', 'compare', 'nearby'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL = { list: 'tabShortlist', compare: 'tabComparePlaces', nearby: 'tabNearby' } as const;

/** The shortlist's files: one button each, named by the date. */
const SHORTLIST_EXPORTS = [
  { ext: 'csv', type: 'text/csv;charset=utf-8', label: 'exportShortlistCsv', body: shortlistToCsv },
  {
    ext: 'geojson',
    type: 'application/geo+json',
    label: 'exportShortlistGeoJSON',
    body: (dataset: Dataset, places: TextedPlace[], _i18n: I18n, outlines: Outlines) =>
      shortlistToGeoJSON(dataset, places, outlines),
  },
] as const;

function ReplacedNotice() {
  const replaced = useAppStore((s) => s.replacedShortlist);
  const restore = useAppStore((s) => s.restoreShortlist);
  const dismiss = useAppStore((s) => s.dismissReplacedShortlist);
  const { t } = useI18n();
  if (!replaced?.length) return null;
  return (
    <div className="shortlist__replaced" role="status">
      <p>{t('shortlistReplaced', { n: replaced.length })}</p>
      <button type="button" onClick={() => restore('replace')}>
        {t('shortlistRestore')}
      </button>
      <button type="button" onClick={() => restore('merge')}>
        {t('shortlistMerge')}
      </button>
      <button type="button" onClick={dismiss}>
        {t('shortlistKeepLink')}
      </button>
    </div>
  );
}

function ShortlistItem({
  dataset,
  place,
  rank,
  compared,
  canCompare,
  onCompare,
  onBrief,
}: {
  dataset: Dataset;
  place: PlanFeature;
  rank: number;
  compared: boolean;
  canCompare: boolean;
  onCompare: (on: boolean) => void;
  onBrief: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const select = useAppStore((s) => s.select);
  const remove = useAppStore((s) => s.removeFromShortlist);
  const name = i18n.featureName(place);
  const regions = place.prefecture
    .map((c) => dataset.regionByCode.get(c))
    .flatMap((r) => (r ? [i18n.regionName(r)] : []));
  return (
    <li className="shortlist-item" data-id={place.id}>
      <div className="shortlist-item__head">
        <span className="shortlist-item__rank" aria-hidden="true">
          {rank}
        </span>
        <span className="swatch" style={{ background: KIND_COLORS[place.kind] }} aria-hidden="true" />
        <div className="shortlist-item__title">
          <h3>{name}</h3>
          <p className="muted small">
            {i18n.kindName(place.kind)} · {joinList(lang, regions)}
          </p>
        </div>
        <button
          type="button"
          className="close"
          aria-label={t('shortlistRemove', { name })}
          title={t('shortlistRemove', { name })}
          onClick={() => remove(place.id)}
        >
          ×
        </button>
      </div>
      <div className="shortlist-item__actions">
        <label className="small">
          <input
            type="checkbox"
            checked={compared}
            disabled={!compared && !canCompare}
            onChange={(e) => onCompare(e.target.checked)}
          />{' '}
          {t('compareChoose')}
        </label>
        <button type="button" className="link-button" onClick={() => select(place.id)}>
          {t('shortlistDetails')}
        </button>
        <button type="button" className="link-button" onClick={onBrief}>
          {t('briefOne')}
        </button>
      </div>
      <LogisticsView dataset={dataset} place={place} />
    </li>
  );
}

/** The panel (its own chunk: loaded when first opened). */
export function ShortlistPanel({ onClose }: { onClose: () => void }) {
  const { dataset, places } = useShortlistedPlaces();
  const clear = useAppStore((s) => s.clearShortlist);
  const notify = useAppStore((s) => s.notify);
  const i18n = useI18n();
  const { t } = i18n;
  const [tab, setTab] = useState<Tab>('list');
  // Which places the comparison shows: the first five until the person ticks others.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [brief, setBrief] = useState<PlanFeature[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);
  const closeBrief = useCallback(() => setBrief(null), []);

  const compared = chosen
    ? places.filter((p) => chosen.includes(p.id)).slice(0, MAX_COMPARE)
    : places.slice(0, MAX_COMPARE);
  const setCompared = (id: string, on: boolean) => {
    const now = compared.map((p) => p.id);
    setChosen(on ? [...now, id].slice(0, MAX_COMPARE) : now.filter((x) => x !== id));
  };

  return (
    <aside id="shortlist-panel" className="shortlist" aria-labelledby="shortlist-title" data-testid="shortlist-panel">
      <header className="shortlist__header">
        <h2 id="shortlist-title" tabIndex={-1} ref={headingRef}>
          ★ {t('shortlistOpen', { n: places.length })}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <ReplacedNotice />
      <div className="shortlist__toolbar">
        <CopyLinkButton />
        <button type="button" disabled={!places.length} onClick={() => setBrief(places)}>
          {t('brief')}
        </button>
        {SHORTLIST_EXPORTS.map((x) => (
          <button
            key={x.ext}
            type="button"
            disabled={!places.length || !dataset}
            onClick={() =>
              // The files quote each clause and measure distances to areas' edges: the places' texts
              // and the outlines load on the first export.
              dataset &&
              Promise.all([loadPlaceTexts(dataset, places), loadOutlines()]).then(
                ([texted, outlines]) =>
                  download(
                    `fujian-shortlist-${todayStamp()}.${x.ext}`,
                    x.body(dataset, texted, i18n, outlines),
                    x.type,
                  ),
                (e: Error) => notify(e.message),
              )
            }
          >
            {t(x.label)}
          </button>
        ))}
        <button type="button" className="link-button" disabled={!places.length} onClick={clear}>
          {t('shortlistClear')}
        </button>
      </div>
      <p className="muted small">{t('shortlistStorage')}</p>
      <div role="tablist" aria-label={t('shortlist')} className="tabs shortlist__tabs">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`shortlist-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="shortlist-tabpanel"
            onClick={() => setTab(id)}
          >
            {t(TAB_LABEL[id])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="shortlist-tabpanel" aria-labelledby={`shortlist-tab-${tab}`} className="shortlist__body">
        {!dataset ? (
          <p className="muted">{t('loading')}</p>
        ) : places.length === 0 && tab !== 'nearby' ? (
          <p className="muted">{t('shortlistEmpty')}</p>
        ) : tab === 'list' ? (
          <ol className="shortlist__list" data-testid="shortlist-list">
            {places.map((p, n) => (
              <ShortlistItem
                key={p.id}
                dataset={dataset}
                place={p}
                rank={n + 1}
                compared={compared.includes(p)}
                canCompare={compared.length < MAX_COMPARE}
                onCompare={(on) => setCompared(p.id, on)}
                onBrief={() => setBrief([p])}
              />
            ))}
          </ol>
        ) : tab === 'compare' ? (
          <CompareTable dataset={dataset} places={compared} />
        ) : (
          <NearbyView dataset={dataset} shortlisted={places} />
        )}
      </div>
      {brief && dataset && <Brief dataset={dataset} places={brief} onClose={closeBrief} />}
    </aside>
  );
}
