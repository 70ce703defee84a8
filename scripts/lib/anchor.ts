// Anchors a quoted clause in a document, as a W3C Web Annotation TextQuoteSelector does: the exact
// quote, with optional prefix and suffix to tell apart words that occur more than once.

export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
}

export type AnchorResult = { ok: true; start: number; end: number } | { ok: false; error: string };

function occurrences(text: string, needle: string, from: number, to: number): number[] {
  const hits: number[] = [];
  let i = text.indexOf(needle, from);
  while (i !== -1 && i + needle.length <= to) {
    hits.push(i);
    i = text.indexOf(needle, i + 1);
  }
  return hits;
}

/** Finds the one place where prefix + quote + suffix occurs inside [scope.start, scope.end). */
export function anchorQuote(
  text: string,
  sel: QuoteSelector,
  scope: { start: number; end: number } = { start: 0, end: text.length },
): AnchorResult {
  const prefix = sel.prefix ?? '';
  const suffix = sel.suffix ?? '';
  const hits = occurrences(text, prefix + sel.quote + suffix, scope.start, scope.end);
  if (hits.length === 1) {
    const start = hits[0] + prefix.length;
    return { ok: true, start, end: start + sel.quote.length };
  }
  if (hits.length > 1) {
    return {
      ok: false,
      error: `ambiguous: occurs ${hits.length} times (at ${hits.map((h) => h + prefix.length).join(', ')}); add a prefix or suffix that tells them apart`,
    };
  }
  const bare = occurrences(text, sel.quote, scope.start, scope.end).length;
  if (bare > 0) {
    return { ok: false, error: `the quote occurs ${bare} time(s) but never with this prefix/suffix` };
  }
  const outside = occurrences(text, sel.quote, 0, text.length).length;
  if (outside > 0) return { ok: false, error: 'found only outside the anchor scope of this document (see manifest)' };
  return { ok: false, error: 'not found in the document (copy it exactly, with full-width punctuation)' };
}
