// The printable brief: the shortlist (or one place) as a page for A4 — a map snapshot, each place
// with its facts, its clauses as written (and in English the project's translation, labelled as
// such), its logistics context, the source documents, the date and the link. Shown over the app
// as a preview; the browser's own print makes the PDF (print CSS shows only this page).
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Dataset, PlanFeature, TextedPlace } from '../../data/types.ts';
import { TextsPending } from '../../components/Pending.tsx';
import { usePlaceTexts } from '../../state/use-place-texts.ts';
import { joinList } from '../../i18n/format.ts';
import { HTML_LANG } from '../../i18n/languages.ts';
import { snapshotMap } from '../../map/export-png.ts';
import { useMap } from '../../map/MapProvider.tsx';
import { syncMapSize } from '../../map/map-size.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { countyText } from './export.ts';
import { LogisticsView } from './LogisticsView.tsx';
import './brief.css';
import { todayStamp } from '../../lib/download.ts';

/** The map fitted to the places, drawn, copied, and put back where the person had it. */
function useMapSnapshot(places: PlanFeature[]) {
  const map = useMap();
  const [snapshot, setSnapshot] = useState<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!map || places.length === 0) return;
    let live = true;
    const camera = { center: map.getCenter(), zoom: map.getZoom() };
    const b = places.reduce(
      (acc, p) => [
        Math.min(acc[0], p.bbox[0]),
        Math.min(acc[1], p.bbox[1]),
        Math.max(acc[2], p.bbox[2]),
        Math.max(acc[3], p.bbox[3]),
      ],
      [180, 90, -180, -90],
    ) as [number, number, number, number];
    syncMapSize(map);
    map.fitBounds(b, { padding: 70, maxZoom: 10, duration: 0 });
    const onIdle = () =>
      void snapshotMap(map)
        .then((canvas) => live && setSnapshot(canvas))
        .catch(() => undefined)
        .finally(() => map.jumpTo(camera));
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      live = false;
      map.off('idle', onIdle);
    };
  }, [map, places]);
  return { snapshot, hasMap: map !== null };
}

function SnapshotCanvas({ snapshot }: { snapshot: HTMLCanvasElement }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    c.width = snapshot.width;
    c.height = snapshot.height;
    c.getContext('2d')?.drawImage(snapshot, 0, 0);
  }, [snapshot]);
  return <canvas ref={ref} className="brief__map" data-testid="brief-map" />;
}

function PlaceSection({ dataset, place, rank }: { dataset: Dataset; place: TextedPlace; rank: number }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const regions = place.prefecture
    .map((c) => dataset.regionByCode.get(c))
    .flatMap((r) => (r ? [i18n.regionName(r)] : []));
  const others = [...new Set([place.name_zh, place.name_en])].filter((n) => n !== i18n.featureName(place));
  return (
    <section
      className="brief__place"
      data-testid="brief-place"
      data-id={place.id}
      aria-labelledby={`brief-${place.id}`}
    >
      <h2 id={`brief-${place.id}`}>
        {rank}. {i18n.featureName(place)}
        {others.length > 0 && <span className="brief__names"> · {others.join(' · ')}</span>}
      </h2>
      <dl className="brief__facts">
        <dt>{t('kind')}</dt>
        <dd>{i18n.kindName(place.kind)}</dd>
        <dt>{t('prefecture')}</dt>
        <dd>{joinList(lang, regions)}</dd>
        {place.county_name && (
          <>
            <dt>{t('county')}</dt>
            <dd>{countyText(place, i18n)}</dd>
          </>
        )}
        <dt>{t('location')}</dt>
        <dd>{i18n.precisionName(place.precision)}</dd>
        <dt>{t('plannedIndustries')}</dt>
        <dd>
          {place.industries.length
            ? joinList(
                lang,
                place.industries
                  .map((id) => dataset.industryById.get(id))
                  .flatMap((x) => (x ? [i18n.industryName(x)] : [])),
              )
            : t('noIndustry')}
        </dd>
        {place.function_zh && (
          <>
            <dt>{t('function')}</dt>
            <dd lang="zh-Hans">{i18n.zh(place.function_zh)}</dd>
          </>
        )}
      </dl>
      <h3>{t('sources')}</h3>
      <ol className="brief__clauses">
        {place.sources.map((c) => {
          const doc = dataset.documentById.get(c.doc);
          return (
            <li key={`${c.doc}:${c.start}`}>
              {doc && <p className="brief__doc">{i18n.docLine(doc)}</p>}
              <blockquote lang="zh-Hans" data-testid="brief-quote">
                {lang !== 'zh-Hans' && <span className="brief__label">{t('asWritten')}: </span>}
                {c.quote}
              </blockquote>
              {lang === 'en' && c.quote_en && (
                <blockquote lang="en" className="brief__translation">
                  <span className="brief__label">{t('projectTranslation')}: </span>
                  {c.quote_en}
                </blockquote>
              )}
            </li>
          );
        })}
      </ol>
      <h3>{t('logistics')}</h3>
      <LogisticsView dataset={dataset} place={place} plain />
    </section>
  );
}

export function Brief({ dataset, places, onClose }: { dataset: Dataset; places: PlanFeature[]; onClose: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { snapshot, hasMap } = useMapSnapshot(places);
  // The clauses' words come with the places' texts; the page is whole (and printable) once they are in.
  const { places: texted, error: textsError, retry: retryTexts } = usePlaceTexts(places);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const docs = dataset.documents.filter((d) => places.some((p) => p.sources.some((c) => c.doc === d.doc)));
  const today = todayStamp();

  return createPortal(
    <div
      className="brief"
      role="dialog"
      aria-modal="true"
      aria-labelledby="brief-title"
      lang={HTML_LANG[lang]}
      data-testid="brief"
    >
      <div className="brief__actions">
        <button type="button" className="brief__print" disabled={!texted} onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" ref={closeRef} onClick={onClose}>
          {t('briefClose')}
        </button>
      </div>
      <article className="brief__page">
        <header className="brief__header">
          <h1 id="brief-title">{t('briefTitle')}</h1>
          <p className="brief__subtitle">{t('title')}</p>
          <p className="brief__meta">
            {t('briefMade')}: {today}
            <br />
            {t('briefLink')}: <span className="brief__link">{window.location.href}</span>
          </p>
        </header>
        <figure className="brief__figure">
          {snapshot ? (
            <SnapshotCanvas snapshot={snapshot} />
          ) : (
            !hasMap && <p className="muted">{t('briefMapMissing')}</p>
          )}
          <figcaption>{t('briefMap')}</figcaption>
        </figure>
        {texted ? (
          texted.map((p, n) => <PlaceSection key={p.id} dataset={dataset} place={p} rank={n + 1} />)
        ) : (
          <TextsPending error={textsError} onRetry={retryTexts} />
        )}
        <section className="brief__sources">
          <h2>{t('briefSources')}</h2>
          <ul>
            {docs.map((d) => (
              <li key={d.doc}>
                {i18n.docLine(d)} · {i18n.docIssuer(d)} · {t('issued')} {d.issued}
              </li>
            ))}
          </ul>
          <p className="muted small">{t('logisticsMethod')}</p>
        </section>
      </article>
    </div>,
    document.body,
  );
}
