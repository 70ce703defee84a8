// GeoJSON text → kept features: the JSON read (nesting capped first; a syntax error located by line,
// column and problem with `locateJsonError`), the root recognised (FeatureCollection, Feature, bare
// geometry; TopoJSON and other JSON named), then each feature's geometry, properties and id checked.
import type { Feature } from 'geojson';
import { formatInteger } from '../../../i18n/format.ts';
import type { OwnLayerMessageKey } from '../../../i18n/messages-own-layer.ts';
import { cutString } from '../../../lib/text.ts';
import { coordHint, isGeometryType, noteIssue, readGeometry, type CoordCtx, type IssueTally } from './coordinates.ts';
import { BboxBuilder, finishLayer, KeyCollector } from './layer.ts';
import {
  MAX_FEATURES,
  MAX_JSON_DEPTH,
  MAX_KEY_CHARS,
  type ImportResult,
  type UserGeometry,
  type UserProperties,
} from './limits.ts';
import { describe, isObject, newStats, own, ownEntries, sanitizeEntries } from './properties.ts';
import { clip, clipList, type Say } from './say.ts';

export type JsonProblem =
  | { kind: 'char'; char: string }
  | { kind: 'end' }
  | { kind: 'unterminated' }
  | { kind: 'escape' }
  | { kind: 'control' }
  | { kind: 'trailingComma' }
  | { kind: 'afterEnd'; char: string };

/** The message that says each problem (filling `{problem}` of importJsonSyntax). */
const PROBLEM_MESSAGE: Record<JsonProblem['kind'], OwnLayerMessageKey> = {
  char: 'importJsonChar',
  end: 'importJsonEnd',
  unterminated: 'importJsonUnterminated',
  escape: 'importJsonEscape',
  control: 'importJsonControl',
  trailingComma: 'importJsonTrailingComma',
  afterEnd: 'importJsonAfterEnd',
};

const sayProblem = (p: JsonProblem, say: Say): string =>
  say(PROBLEM_MESSAGE[p.kind], 'char' in p ? { char: p.char } : undefined);

/** The CRS a (pre-RFC 7946) GeoJSON declares, unless it is plain WGS84 / CGCS2000 lon/lat. */
function declaredCrs(root: Record<string, unknown>): string | null {
  const crs = own(root, 'crs');
  if (!isObject(crs)) return null;
  const props = own(crs, 'properties');
  const name = isObject(props) ? own(props, 'name') : undefined;
  if (typeof name !== 'string' || /CRS84|4326|4490|WGS ?84/i.test(name)) return null;
  return clip(name, 60);
}

/** Offset of the first bracket that opens level `max + 1` (strings skipped), or -1. */
function excessiveNesting(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string, with its escapes.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return -1;
}

export function parseGeoJsonText(name: string, text: string, say: Say): ImportResult {
  const deep = excessiveNesting(text, MAX_JSON_DEPTH);
  if (deep !== -1) {
    const { line, column } = lineColumn(text, deep);
    return { ok: false, message: say('importJsonTooDeep', { line, column, max: MAX_JSON_DEPTH }) };
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    const found = locateJsonError(text);
    if (found) {
      const { line, column } = lineColumn(text, found.offset);
      return { ok: false, message: say('importJsonSyntax', { line, column, problem: sayProblem(found.problem, say) }) };
    }
    return {
      ok: false,
      message: say('importJsonUnreadable', { detail: clip(e instanceof Error ? e.message : String(e)) }),
    };
  }
  if (!isObject(root)) return { ok: false, message: say('importNotGeoJsonTopLevel') };
  const type = own(root, 'type');
  if (type === undefined) {
    return { ok: false, message: say('importNotGeoJsonNoType', { keys: clipList(Object.keys(root)) }) };
  }
  if (type === 'Topology') return { ok: false, message: say('importTopoJson') };

  let inputs: unknown[];
  if (type === 'FeatureCollection') {
    const features = own(root, 'features');
    if (!Array.isArray(features)) return { ok: false, message: say('importFeaturesNotList') };
    inputs = features;
  } else if (type === 'Feature') {
    inputs = [root];
  } else if (typeof type === 'string' && (isGeometryType(type) || type === 'GeometryCollection')) {
    inputs = [{ type: 'Feature', geometry: root, properties: null }];
  } else {
    const shown = clip(typeof type === 'string' ? type : JSON.stringify(type));
    return { ok: false, message: say('importNotGeoJsonType', { type: shown }) };
  }
  if (inputs.length > MAX_FEATURES) {
    const vars = { n: formatInteger(inputs.length), max: formatInteger(MAX_FEATURES) };
    return { ok: false, message: say('importTooManyFeatures', vars) };
  }
  if (inputs.length === 0) return { ok: false, message: say('importNoFeatures') };

  const stats = newStats();
  const features: Feature<UserGeometry, UserProperties>[] = [];
  const bbox = new BboxBuilder();
  const keys = new KeyCollector();
  const issues: IssueTally = new Map();
  let nullGeometry = 0;
  let collections = 0;
  let badCoords = 0;
  let unsupported = 0;
  const unsupportedTypes = new Set<string>();

  for (const input of inputs) {
    if (!isObject(input) || own(input, 'type') !== 'Feature') {
      unsupported++;
      const inputType = isObject(input) ? own(input, 'type') : undefined;
      unsupportedTypes.add(typeof inputType === 'string' ? clip(inputType, 30) : describe(input));
      continue;
    }
    const ctx: CoordCtx = { issue: null };
    const g = readGeometry(own(input, 'geometry'), ctx);
    if (!g.ok) {
      if (g.reason === 'null') nullGeometry++;
      else if (g.reason === 'collection') collections++;
      else if (g.reason === 'unsupported') {
        unsupported++;
        unsupportedTypes.add(g.type);
      } else {
        badCoords++;
        noteIssue(issues, ctx.issue);
      }
      continue;
    }
    const rawProps = own(input, 'properties');
    const properties = isObject(rawProps) ? sanitizeEntries(ownEntries(rawProps), stats) : {};
    const feature: Feature<UserGeometry, UserProperties> = { type: 'Feature', geometry: g.geometry, properties };
    const id = own(input, 'id');
    if (typeof id === 'string') feature.id = cutString(id, MAX_KEY_CHARS);
    else if (typeof id === 'number' && Number.isFinite(id)) feature.id = id;
    features.push(feature);
    bbox.addGeometry(g.geometry);
    keys.add(properties);
  }

  const warnings: string[] = [];
  if (nullGeometry) warnings.push(say('importDroppedNullGeometry', { n: formatInteger(nullGeometry) }));
  if (collections) warnings.push(say('importDroppedGeometryCollection', { n: formatInteger(collections) }));
  if (unsupported) {
    const vars = { n: formatInteger(unsupported), types: clipList([...unsupportedTypes]) };
    warnings.push(say('importDroppedUnsupported', vars));
  }
  if (badCoords) {
    const hint = coordHint(issues, declaredCrs(root), say);
    warnings.push(say('importDroppedBadCoords', { n: formatInteger(badCoords) }) + (hint ? ' ' + hint : ''));
  }
  return finishLayer({ name, features, warnings, stats, bbox, keys }, say);
}

/** 1-based line and column (in characters) of `offset`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function showChar(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  if (code === undefined) return '';
  if (code <= 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `“${String.fromCodePoint(code)}”`;
}

/**
 * Where, and why, `text` stops being JSON (RFC 8259): the first offending character, so every
 * engine gives the same line and column. Iterative (an explicit stack), so deep nesting is safe.
 * Returns null when the text is valid JSON.
 */
export function locateJsonError(text: string): { offset: number; problem: JsonProblem } | null {
  const n = text.length;
  const stack: number[] = []; // 123 '{' or 91 '['
  // value: a value is expected; key: an object key; colon; next: ',' or a closing bracket; done.
  let state: 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'next' | 'done' = 'value';
  let afterComma = false;
  let i = 0;
  const fail = (offset: number, problem: JsonProblem) => ({ offset, problem });
  const unexpected = (at: number) =>
    at >= n ? fail(n, { kind: 'end' }) : fail(at, { kind: 'char', char: showChar(text, at) });

  const scanString = (from: number): number | { offset: number; problem: JsonProblem } => {
    let j = from + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) return j + 1;
      if (c === 92) {
        const e = text[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return fail(j, { kind: 'escape' });
          j += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          j += 2;
        } else if (e === undefined) {
          return fail(from, { kind: 'unterminated' });
        } else {
          return fail(j, { kind: 'escape' });
        }
        continue;
      }
      if (c < 0x20) return fail(j, c === 10 || c === 13 ? { kind: 'unterminated' } : { kind: 'control' });
      j++;
    }
    return fail(from, { kind: 'unterminated' });
  };

  const isDigit = (c: number) => c >= 48 && c <= 57;
  const scanNumber = (from: number): number | { offset: number; problem: JsonProblem } => {
    let j = from;
    if (text.charCodeAt(j) === 45) j++;
    if (text.charCodeAt(j) === 48) j++;
    else if (isDigit(text.charCodeAt(j))) while (isDigit(text.charCodeAt(j))) j++;
    else return unexpected(j);
    if (text.charCodeAt(j) === 46) {
      j++;
      if (!isDigit(text.charCodeAt(j))) return unexpected(j);
      while (isDigit(text.charCodeAt(j))) j++;
    }
    if (text.charCodeAt(j) === 101 || text.charCodeAt(j) === 69) {
      j++;
      if (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) j++;
      if (!isDigit(text.charCodeAt(j))) return unexpected(j);
      while (isDigit(text.charCodeAt(j))) j++;
    }
    return j;
  };

  while (true) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    if (i >= n) return state === 'done' ? null : fail(n, { kind: 'end' });
    const c = text.charCodeAt(i);
    switch (state) {
      case 'done':
        return fail(i, { kind: 'afterEnd', char: showChar(text, i) });
      case 'colon':
        if (c !== 58) return unexpected(i);
        i++;
        state = 'value';
        afterComma = false;
        break;
      case 'next':
        if (c === 44) {
          i++;
          afterComma = true;
          state = stack[stack.length - 1] === 123 ? 'key' : 'value';
        } else if ((c === 125 && stack[stack.length - 1] === 123) || (c === 93 && stack[stack.length - 1] === 91)) {
          i++;
          stack.pop();
          state = stack.length === 0 ? 'done' : 'next';
        } else {
          return unexpected(i);
        }
        break;
      case 'key':
      case 'keyOrEnd':
        if (c === 125 && state === 'keyOrEnd') {
          i++;
          stack.pop();
          state = stack.length === 0 ? 'done' : 'next';
        } else if (c === 125 && afterComma) {
          return fail(i, { kind: 'trailingComma' });
        } else if (c === 34) {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'colon';
        } else {
          return unexpected(i);
        }
        break;
      case 'value':
      case 'valueOrEnd': {
        if (c === 93 && state === 'valueOrEnd') {
          i++;
          stack.pop();
          state = stack.length === 0 ? 'done' : 'next';
          break;
        }
        if (c === 93 && afterComma) return fail(i, { kind: 'trailingComma' });
        afterComma = false;
        if (c === 123) {
          stack.push(123);
          i++;
          state = 'keyOrEnd';
        } else if (c === 91) {
          stack.push(91);
          i++;
          state = 'valueOrEnd';
        } else if (c === 34) {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          state = stack.length === 0 ? 'done' : 'next';
        } else if (c === 45 || isDigit(c)) {
          const end = scanNumber(i);
          if (typeof end !== 'number') return end;
          i = end;
          state = stack.length === 0 ? 'done' : 'next';
        } else {
          const word = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : null;
          if (!word) return unexpected(i);
          for (let k = 1; k < word.length; k++) {
            if (text[i + k] !== word[k]) return unexpected(i + k);
          }
          i += word.length;
          state = stack.length === 0 ? 'done' : 'next';
        }
        break;
      }
    }
  }
}
