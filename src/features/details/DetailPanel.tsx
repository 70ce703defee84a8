import { useEffect, useRef } from 'react';
import { ShortlistToggle } from '../../components/ShortlistToggle.tsx';
import type { PlanFeature, TextedClause } from '../../data/types.ts';
import { TextsPending } from '../../components/Pending.tsx';
import { usePlaceTexts } from '../../state/use-place-texts.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { formatPeriod, joinList } from '../../i18n/format.ts';
import { HTML_LANG } from '../../i18n/languages.ts';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import './details.css';

function ClauseCard({ clause }: { clause: TextedClause }) {
  const dataset = useAppStore((s) => s.dataset)!;
  const openReader = useAppStore((s) => s.openReader);
  const i18n = useI18n();
  const { t, lang } = i18n;
  const meta = dataset.documentById.get(clause.doc);
  const industries = clause.industries
    .map((id) => dataset.industryById.get(id))
    .filter((x) => x !== undefined)
    .map((x) => i18n.industryName(x));
  return (
    <li className="clause-card">
      {meta && (
        <p className="clause-card__doc">
          <strong>{i18n.docTitle(meta)}</strong>
          <span>
            {t('period')} {formatPeriod(meta.period)} · {i18n.docIssuer(meta)}
          </span>
        </p>
      )}
      {lang === 'zh-Hant' && <blockquote lang="zh-Hant">{i18n.zh(clause.quote)}</blockquote>}
      <blockquote lang="zh-Hans" className={lang === 'zh-Hant' ? 'as-written' : undefined}>
        {lang === 'zh-Hant' && <span className="as-written__label">{t('asWritten')}: </span>}
        {clause.quote}
      </blockquote>
      {lang === 'en' && clause.quote_en && (
        <blockquote lang="en" className="translation" data-testid="clause-translation">
          <span className="translation__label">{t('projectTranslation')}: </span>
          {clause.quote_en}
        </blockquote>
      )}
      {industries.length > 0 && <p className="clause-card__tags">{industries.join(' · ')}</p>}
      <button
        type="button"
        className="link-button"
        onClick={() => openReader({ doc: clause.doc, start: clause.start, end: clause.end })}
      >
        {t('readInDocument')} →
      </button>
    </li>
  );
}

function PlaceLink({ feature }: { feature: PlanFeature }) {
  const select = useAppStore((s) => s.select);
  const i18n = useI18n();
  return (
    <button type="button" className="link-button" onClick={() => select(feature.id)}>
      {i18n.featureName(feature)}
    </button>
  );
}

/** Everything the documents say about the selected place, each fact with its clause. */
export function DetailPanel() {
  const dataset = useAppStore((s) => s.dataset);
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  const i18n = useI18n();
  const { t, lang } = i18n;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const f = selectedId ? dataset?.byId.get(selectedId) : undefined;
  // The clauses' words and the notes come with the place's texts (not part of the first view).
  const { places: texted, error: textsError, retry: retryTexts } = usePlaceTexts(f ? [f] : []);
  const texts = texted?.[0];

  useEffect(() => {
    if (f) headingRef.current?.focus({ preventScroll: true });
  }, [f]);

  // Escape closes the panel (the reader, when open over it, takes Escape first) and returns focus
  // to the place's row in the list, or the search box.
  const open = f !== undefined;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const id = useAppStore.getState().selectedId;
      useAppStore.getState().select(null);
      requestAnimationFrame(() => {
        const row = id ? document.querySelector<HTMLElement>(`button.result[data-id="${CSS.escape(id)}"]`) : null;
        (row ?? document.querySelector<HTMLElement>('input[type="search"]'))?.focus();
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (!dataset || !f) return null;
  const parent = f.parent ? dataset.byId.get(f.parent) : undefined;
  const children = f.children.map((id) => dataset.byId.get(id)).filter((x) => x !== undefined);
  const regions = f.prefecture.map((c) => dataset.regionByCode.get(c)).filter((r) => r !== undefined);
  const secondaryNames = [f.name_zh, lang === 'zh-Hant' ? null : f.name_zh_hant, f.name_en].filter(
    (n): n is string => Boolean(n) && n !== i18n.featureName(f),
  );

  return (
    <aside className="detail" aria-labelledby="detail-title" data-testid="detail-panel">
      <header className="detail__header">
        <span className="swatch swatch--big" style={{ background: KIND_COLORS[f.kind] }} aria-hidden="true" />
        <div>
          <h2 id="detail-title" tabIndex={-1} ref={headingRef}>
            {i18n.featureName(f)}
          </h2>
          <p className="detail__names">{[...new Set(secondaryNames)].join(' · ')}</p>
          <ShortlistToggle id={f.id} name={i18n.featureName(f)} labelled />
        </div>
        <button type="button" className="close" onClick={() => select(null)} aria-label={t('close')}>
          ×
        </button>
      </header>
      <dl className="detail__facts">
        <dt>{t('kind')}</dt>
        <dd>{i18n.kindName(f.kind)}</dd>
        <dt>{t('prefecture')}</dt>
        <dd>
          {joinList(
            lang,
            regions.map((r) => i18n.regionName(r)),
          )}
        </dd>
        {f.county_name && (
          <>
            <dt>{t('county')}</dt>
            {/* Where only the prefecture is known, the point's county is where the map puts it, not a fact. */}
            <dd>
              {f.precision === 'point_prefecture_seat' ? (
                <span className="muted" data-testid="county-not-stated">
                  {t('notStated')}
                </span>
              ) : lang === 'en' && f.county_name_en ? (
                f.county_name_en
              ) : (
                i18n.zh(f.county_name)
              )}
            </dd>
          </>
        )}
        <dt>{t('location')}</dt>
        <dd>{i18n.precisionName(f.precision)}</dd>
        {parent && (
          <>
            <dt>{t('parent')}</dt>
            <dd>
              <PlaceLink feature={parent} />
            </dd>
          </>
        )}
      </dl>
      <section>
        <h3>{t('plannedIndustries')}</h3>
        {f.industries.length === 0 ? (
          <p className="muted">{t('noIndustry')}</p>
        ) : (
          <ul className="tags">
            {f.industries.map((id) => {
              const ind = dataset.industryById.get(id);
              return <li key={id}>{ind ? i18n.industryName(ind) : id}</li>;
            })}
          </ul>
        )}
        {f.industries_text.length > 0 && (
          <p className="detail__wording">
            <span className="muted">{t('documentWording')}: </span>
            <span lang="zh-Hans">{f.industries_text.map((w) => i18n.zh(w)).join('；')}</span>
          </p>
        )}
        {texts?.function_zh && (
          <p className="detail__wording">
            <span className="muted">{t('function')}: </span>
            <span lang="zh-Hans">{i18n.zh(texts.function_zh)}</span>
          </p>
        )}
      </section>
      {children.length > 0 && (
        <section>
          <h3>{t('children')}</h3>
          <ul className="links">
            {children.map((c) => (
              <li key={c.id}>
                <PlaceLink feature={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>
          {t('sources')} ({f.sources.length})
        </h3>
        {texts ? (
          <ul className="clauses">
            {texts.sources.map((c) => (
              <ClauseCard key={`${c.doc}:${c.start}`} clause={c} />
            ))}
          </ul>
        ) : (
          <TextsPending error={textsError} onRetry={retryTexts} />
        )}
      </section>
      {texts?.note && (
        <section>
          <h3>{t('note')}</h3>
          <p className="detail__note" lang={lang === 'en' || !texts.note_zh ? 'en' : HTML_LANG[lang]}>
            {lang === 'en' || !texts.note_zh ? texts.note : i18n.zh(texts.note_zh)}
          </p>
        </section>
      )}
    </aside>
  );
}
