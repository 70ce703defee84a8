// "Bring your own layer": turns a person's GeoJSON or CSV file of sites into a checked, WGS84
// FeatureCollection that the map can draw over the plan layer. Pure: no DOM, no app state, no
// network; the file never leaves the browser. A malformed, huge or hostile file yields
// { ok: false, message } (in the person's language) and nothing else happens.
//
// What is kept: Point, MultiPoint, LineString, MultiLineString, Polygon and MultiPolygon features with
// finite lon/lat in range (altitudes are dropped, unclosed polygon rings are closed), and their
// properties reduced to primitives (strings kept verbatim as text, never interpreted).
//
// This module holds the entry points; decode.ts reads bytes, geojson.ts and csv.ts parse, and
// properties.ts, coordinates.ts and layer.ts check and assemble what they keep.
import { formatMegabytes } from '../../../i18n/format.ts';
import { loadHantConverter, useHantConverter, type Convert } from '../../../i18n/translate.ts';
import { cutString } from '../../../lib/text.ts';
import { parseCsvText } from './csv.ts';
import { decodeBytes, refuseForeignText } from './decode.ts';
import { parseGeoJsonText } from './geojson.ts';
import { MAX_FILE_BYTES, MAX_NAME_CHARS, type ImportLang, type ImportResult } from './limits.ts';
import { clip, sayIn } from './say.ts';

export {
  MAX_FEATURES,
  MAX_FILE_BYTES,
  MAX_KEY_CHARS,
  MAX_KEYS_PER_FEATURE,
  MAX_PROPERTY_KEYS,
  MAX_STRING_CHARS,
  type ImportLang,
  type ImportResult,
  type UserGeometry,
  type UserLayer,
  type UserProperties,
  type UserPropertyValue,
} from './limits.ts';
export { locateJsonError, type JsonProblem } from './geojson.ts';
export { finishLayer } from './layer.ts';

/**
 * Reads a dropped or chosen file and parses it with `parseUserLayer`. The size is checked before
 * anything is read, so a huge file costs nothing. For 繁體 it loads the Simplified → Traditional
 * converter first (Simplified if that fails). Never throws.
 */
export async function readUserFile(file: File, lang: ImportLang): Promise<ImportResult> {
  if (lang === 'zh-Hant') await loadHantConverter().catch(() => undefined);
  const convert = useHantConverter.getState().convert;
  const say = sayIn(lang, convert);
  const tooBig = (size: number): ImportResult => ({
    ok: false,
    message: say('importTooBig', { size: formatMegabytes(size), limit: formatMegabytes(MAX_FILE_BYTES) }),
  });
  if (file.size > MAX_FILE_BYTES) return tooBig(file.size);
  if (file.size === 0) return { ok: false, message: say('importEmpty') };
  try {
    let text: string;
    if (typeof file.arrayBuffer === 'function') {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.byteLength > MAX_FILE_BYTES) return tooBig(bytes.byteLength);
      const decoded = decodeBytes(bytes, file.name, say);
      if (!decoded.ok) return decoded;
      text = decoded.text;
    } else {
      text = await file.text();
      if (text.length > MAX_FILE_BYTES) return tooBig(text.length);
    }
    return parseUserLayer(file.name, text, lang, convert);
  } catch (e) {
    return {
      ok: false,
      message: say('importReadFailed', { detail: clip(e instanceof Error ? e.message : String(e)) }),
    };
  }
}

/**
 * Parses the text of a GeoJSON or CSV file (chosen by content: `{`/`[` → JSON, otherwise by the
 * name's extension, otherwise CSV) into a checked layer, or a message saying what is wrong.
 * Messages in 繁體 need `convert`, by default the app's converter once it has loaded
 * (`loadHantConverter`); until then they are in Simplified, as all UI text is.
 */
export function parseUserLayer(
  name: string,
  text: string,
  lang: ImportLang,
  convert: Convert | null = useHantConverter.getState().convert,
): ImportResult {
  const say = sayIn(lang, convert);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return { ok: false, message: say('importEmpty') };
  const refused = refuseForeignText(name, body, start, say);
  if (refused) return refused;
  const layerName = cutString(name, MAX_NAME_CHARS);
  const first = body[start];
  const jsonByName = /\.(geo)?json$/i.test(name);
  if (first === '{' || first === '[' || jsonByName) return parseGeoJsonText(layerName, body, say);
  return parseCsvText(layerName, body, say);
}
