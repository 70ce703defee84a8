// Bytes → text, and what the file is before it is parsed: binary formats named from their first
// bytes or the file name, UTF-8 read strictly (UTF-16 only with its byte-order mark), web pages
// and other markup refused by name.
import type { OwnLayerMessageKey } from '../../../i18n/messages-own-layer.ts';
import type { Say } from './say.ts';

type Format =
  'xlsx' | 'zip' | 'kmz' | 'docx' | 'pdf' | 'image' | 'shapefile' | 'gzip' | 'sqlite' | 'kml' | 'gpx' | 'xml';

/** The message that names each format (filling `{format}`). */
const FORMAT_NAME: Record<Format, OwnLayerMessageKey> = {
  xlsx: 'importFormatXlsx',
  zip: 'importFormatZip',
  kmz: 'importFormatKmz',
  docx: 'importFormatDocx',
  pdf: 'importFormatPdf',
  image: 'importFormatImage',
  shapefile: 'importFormatShapefile',
  gzip: 'importFormatGzip',
  sqlite: 'importFormatSqlite',
  kml: 'importFormatKml',
  gpx: 'importFormatGpx',
  xml: 'importFormatXml',
};

type Refusal = { ok: false; message: string };

/** "This is <format>, not GeoJSON or CSV"; an unknown format is "a binary file". */
const binaryRefusal = (format: Format | null, say: Say): Refusal => ({
  ok: false,
  message: say('importBinary', { format: say(format ? FORMAT_NAME[format] : 'importFormatUnknown') }),
});

/** The text of a file's bytes, or why it is not text the import can read. */
export function decodeBytes(bytes: Uint8Array, name: string, say: Say): { ok: true; text: string } | Refusal {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  const format = binaryFormat(head, name);
  if (format) return binaryRefusal(format, say);
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // fatal: invalid bytes throw instead of becoming U+FFFD; the BOM is removed.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    const sample = bytes.subarray(0, 65536);
    if (sample.includes(0)) return binaryRefusal(formatFromName(name), say);
    return { ok: false, message: say('importNotUtf8') };
  }
}

/**
 * Why already decoded text (BOM removed) is not GeoJSON or CSV at all, or null when it may be:
 * binary content, text decoded leniently from another encoding, a web page, KML, GPX or XML.
 */
export function refuseForeignText(name: string, body: string, start: number, say: Say): Refusal | null {
  const head = body.slice(0, 65536);
  const magic = binaryFormat(head.slice(0, 16), name);
  if (magic) return binaryRefusal(magic, say);
  if (head.includes('\u0000')) return binaryRefusal(formatFromName(name), say);
  // A non-UTF-8 file decoded leniently is full of U+FFFD replacement characters.
  if ((body.match(/\uFFFD/g)?.length ?? 0) >= 3) return { ok: false, message: say('importNotUtf8') };

  if (body[start] !== '<') return null;
  const lead = body.slice(start, start + 4096);
  const markup = (format: Format): Refusal => ({
    ok: false,
    message: say('importMarkup', { format: say(FORMAT_NAME[format]) }),
  });
  if (/<kml[\s>]/i.test(lead)) return markup('kml');
  if (/<gpx[\s>]/i.test(lead)) return markup('gpx');
  if (/^<\?xml/i.test(lead) && !/<(!doctype\s+)?html[\s>]/i.test(lead)) return markup('xml');
  return { ok: false, message: say('importHtml') };
}

/** A binary format recognised from the first bytes (as char codes), or null. */
function binaryFormat(head: string, name: string): Format | null {
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006')) {
    return formatFromName(name) ?? 'zip';
  }
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'xlsx'; // legacy Office (.xls)
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('\u0089PNG') || head.startsWith('\u00ff\u00d8\u00ff') || head.startsWith('GIF8')) {
    return 'image';
  }
  if (head.startsWith('\u0000\u0000\u0027\u000a')) return 'shapefile';
  if (head.startsWith('\u001f\u008b')) return 'gzip';
  if (head.startsWith('SQLite format 3')) return 'sqlite';
  return null;
}

function formatFromName(name: string): Format | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'xlsx':
    case 'xls':
    case 'xlsm':
    case 'ods':
      return 'xlsx';
    case 'docx':
    case 'doc':
      return 'docx';
    case 'kmz':
      return 'kmz';
    case 'shp':
    case 'shx':
    case 'dbf':
      return 'shapefile';
    case 'gpkg':
    case 'sqlite':
      return 'sqlite';
    case 'zip':
      return 'zip';
    default:
      return null;
  }
}
