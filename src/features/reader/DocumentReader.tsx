import { useEffect, useMemo, useRef, useState } from 'react';
import { loadDocumentText } from '../../data/documents.ts';
import { formatPeriod, joinList } from '../../i18n/format.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useAppStore } from '../../state/store.ts';
import { collectClauses, segmentText } from './segments.ts';
import './reader.css';

/**
 * The whole document, with the clause being read highlighted and scrolled into view. Every other
 * clause that places something is marked and leads back to its place.
 */
export function DocumentReader() {
  const reader = useAppStore((s) => s.reader);
  const dataset = useAppStore((s) => s.dataset);
  const close = useAppStore((s) => s.openReader);
  const select = useAppStore((s) => s.select);
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState<{ doc: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const currentRef = useRef<HTMLElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const doc = reader?.doc;

  useEffect(() => {
    if (!doc) return;
    let live = true;
    loadDocumentText(doc).then(
      (body) => live && setText({ doc, text: body }),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [doc]);

  const openedStart = reader?.start;
  const openedEnd = reader?.end;
  const segments = useMemo(() => {
    if (!dataset || !text || text.doc !== doc) return null;
    const cited = collectClauses(dataset.features, text.doc);
    // A passage the reader was opened at that no place cites (the overlap report's diagnosis) is
    // marked and scrolled to as well.
    const opened =
      openedStart !== undefined &&
      openedEnd !== undefined &&
      !cited.some((c) => c.start === openedStart && c.end === openedEnd)
        ? [{ start: openedStart, end: openedEnd, featureIds: [] }]
        : [];
    return segmentText(text.text.length, [...cited, ...opened]);
  }, [dataset, text, doc, openedStart, openedEnd]);

  useEffect(() => {
    if (!segments) return;
    if (currentRef.current) currentRef.current.scrollIntoView({ block: 'center' });
    dialogRef.current?.focus();
  }, [segments, reader?.start]);

  // Closing the reader gives focus back to what opened it (the "read in the document" link), or,
  // for a reader opened by a link, to the place's panel.
  const open = reader !== null;
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    return () => {
      const back = opener.current;
      opener.current = null;
      requestAnimationFrame(() => {
        if (back?.isConnected) back.focus();
        else document.getElementById('detail-title')?.focus();
      });
    };
  }, [open]);

  useEffect(() => {
    if (!reader) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // The reader is on top: Escape closes it, not the place panel under it.
      e.stopImmediatePropagation();
      close(null);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [reader, close]);

  if (!reader || !dataset) return null;
  const meta = dataset.documentById.get(reader.doc);
  if (!meta) return null;
  const isCurrent = (start: number, end: number) =>
    reader.start !== undefined && reader.end !== undefined && start < reader.end && end > reader.start;
  let firstCurrent = true;

  return (
    <div
      className="reader"
      role="dialog"
      aria-modal="true"
      aria-labelledby="reader-title"
      tabIndex={-1}
      ref={dialogRef}
    >
      <header className="reader__header">
        <div>
          <h2 id="reader-title">{i18n.docTitle(meta)}</h2>
          <p className="reader__meta">
            {i18n.docIssuer(meta)} · {t('issued')} {meta.issued} · {t('period')} {formatPeriod(meta.period)}
          </p>
          <p className="reader__hint">{t('otherClauses')}</p>
        </div>
        <button type="button" className="close" onClick={() => close(null)} aria-label={t('close')}>
          ×
        </button>
      </header>
      <div className="reader__body" lang="zh-Hans" data-testid="reader-body">
        {error && <p role="alert">{error}</p>}
        {!segments && !error && <p>{t('readerLoading')}</p>}
        {segments &&
          text &&
          segments.map((seg) => {
            const body =
              i18n.lang === 'zh-Hant'
                ? i18n.zh(text.text.slice(seg.start, seg.end))
                : text.text.slice(seg.start, seg.end);
            if (seg.clauses.length === 0) return <span key={seg.start}>{body}</span>;
            if (isCurrent(seg.start, seg.end)) {
              const ref = firstCurrent ? currentRef : undefined;
              firstCurrent = false;
              return (
                <mark key={seg.start} className="clause clause--current" ref={ref} data-testid="current-clause">
                  {body}
                </mark>
              );
            }
            const ids = [...new Set(seg.clauses.flatMap((c) => c.featureIds))];
            const names = ids
              .map((id) => dataset.byId.get(id))
              .filter((f) => f !== undefined)
              .map((f) => i18n.featureName(f));
            return (
              <mark key={seg.start} className="clause clause--other">
                <button
                  type="button"
                  className="clause__link"
                  title={joinList(i18n.lang, names)}
                  // The name says where the clause leads and holds the whole visible text (a name
                  // must contain what is shown: speech input, WCAG 2.5.3).
                  aria-label={`${t('clauseOf', { name: joinList(i18n.lang, names) })}: ${body}`}
                  onClick={() => {
                    select(ids[0]);
                    close(null);
                  }}
                >
                  {body}
                </button>
              </mark>
            );
          })}
      </div>
    </div>
  );
}
