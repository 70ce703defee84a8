// "Bring your own layer": turns a person's GeoJSON or CSV file of sites into a checked, WGS84
// FeatureCollection that the map can draw over the plan layer. Pure: no DOM, no store, no network;
// the file never leaves the browser. A malformed, huge or hostile file yields { ok: false, message }
// (in the person's language) and nothing else happens.
//
// What is kept: Point, MultiPoint, LineString, MultiLineString, Polygon and MultiPolygon features with
// finite lon/lat in range (altitudes are dropped, unclosed polygon rings are closed), and their
// properties reduced to primitives (strings kept verbatim as text, never interpreted).
import Papa from 'papaparse';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPoint,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import type { UserLayer as StoredUserLayer } from '../../data/types.ts';

/** Files larger than this are refused before they are read (20 MiB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** At most this many features (GeoJSON) or data rows (CSV). */
export const MAX_FEATURES = 50_000;
/** Each string property value is cut to this many characters. */
export const MAX_STRING_CHARS = 500;
/** Each property name is cut to this many characters. */
export const MAX_KEY_CHARS = 100;
/** At most this many properties per feature; the rest are dropped. */
export const MAX_KEYS_PER_FEATURE = 50;
/** `propertyKeys` lists at most this many distinct names (first seen first). */
export const MAX_PROPERTY_KEYS = 200;
/** How much of the file's own text a message may quote. */
const MAX_ECHO_CHARS = 80;

export type ImportLang = 'zh-Hans' | 'zh-Hant' | 'en';
export type UserGeometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;
export type UserPropertyValue = string | number | boolean | null;
export type UserProperties = Record<string, UserPropertyValue>;

export interface UserLayer extends StoredUserLayer {
  /** File name as given (at most 100 characters). */
  name: string;
  collection: FeatureCollection<UserGeometry, UserProperties>;
  featureCount: number;
  /** [west, south, east, north] over every kept coordinate. */
  bbox: [number, number, number, number];
  /** Distinct property names, in the order first seen (at most MAX_PROPERTY_KEYS). */
  propertyKeys: string[];
}

export type ImportResult = { ok: true; layer: UserLayer; warnings: string[] } | { ok: false; message: string };

// ---------------------------------------------------------------------------------------------
// Messages

type CoordHint =
  | { kind: 'swapped'; example: string }
  | { kind: 'projected'; example: string; crs: string | null }
  | { kind: 'range'; example: string }
  | { kind: 'nan' };

export type JsonProblem =
  | { kind: 'char'; char: string }
  | { kind: 'end' }
  | { kind: 'unterminated' }
  | { kind: 'escape' }
  | { kind: 'control' }
  | { kind: 'trailingComma' }
  | { kind: 'afterEnd'; char: string };

interface Messages {
  tooBig(size: string, limit: string): string;
  empty: string;
  readFailed(detail: string): string;
  binary(format: string | null): string;
  notUtf8: string;
  html: string;
  markup(format: string): string;
  jsonSyntax(line: number, column: number, problem: string): string;
  jsonProblem(p: JsonProblem): string;
  jsonUnreadable(detail: string): string;
  jsonTooDeep(line: number, column: number, max: number): string;
  notGeoJsonTopLevel: string;
  notGeoJsonNoType(keys: string): string;
  notGeoJsonType(type: string): string;
  topoJson: string;
  featuresNotList: string;
  tooManyFeatures(n: string, max: string): string;
  noFeatures: string;
  noUsable(details: string): string;
  csvNoHeader(sample: string): string;
  csvNoCoordColumns(columns: string): string;
  csvMissingColumn(missing: 'lon' | 'lat', found: string, columns: string): string;
  csvNoRows: string;
  droppedNullGeometry(n: string): string;
  droppedGeometryCollection(n: string): string;
  droppedUnsupported(n: string, types: string): string;
  droppedBadCoords(n: string): string;
  droppedRows(n: string, firstRow: number): string;
  unclosedQuote(row: number): string;
  hint(h: CoordHint): string;
  truncatedStrings(n: string): string;
  truncatedKeys(n: string): string;
  droppedUnsafeKeys(n: string): string;
  tooManyKeys(n: string): string;
  tooManyDistinctKeys(max: string): string;
}

const en: Messages = {
  tooBig: (size, limit) => `The file is ${size}; the limit is ${limit}. Split it into smaller files or simplify it.`,
  empty: 'The file is empty.',
  readFailed: (detail) => `The file could not be read (${detail}).`,
  binary: (format) =>
    `This is ${format ?? 'a binary file'}, not GeoJSON or CSV. Export your data as GeoJSON, or as CSV (UTF-8) with longitude and latitude columns.`,
  notUtf8:
    'The file is not UTF-8 text (it may be GBK/ANSI, as Excel saves CSV on Chinese Windows). Save it as "CSV UTF-8" and try again.',
  html: 'This is an HTML web page, not GeoJSON or CSV (perhaps a saved page or a login page instead of the data file).',
  markup: (format) => `This is ${format}; only GeoJSON and CSV can be imported. Convert it to GeoJSON first.`,
  jsonSyntax: (line, column, problem) => `Line ${line}, column ${column}: not valid JSON (${problem}).`,
  jsonProblem: (p) => {
    switch (p.kind) {
      case 'char':
        return `unexpected character ${p.char}`;
      case 'end':
        return 'the file ends too early; is it cut off?';
      case 'unterminated':
        return 'a string is not closed with "';
      case 'escape':
        return 'invalid \\ escape in a string';
      case 'control':
        return 'a line break or control character inside a string';
      case 'trailingComma':
        return 'a comma before a closing bracket';
      case 'afterEnd':
        return `unexpected ${p.char} after the end of the data`;
    }
  },
  jsonUnreadable: (detail) => `The JSON could not be read (${detail}).`,
  jsonTooDeep: (line, column, max) =>
    `Line ${line}, column ${column}: the JSON is nested more than ${max} levels deep, which GeoJSON never needs.`,
  notGeoJsonTopLevel: 'This JSON is not GeoJSON: GeoJSON is an object such as {"type": "FeatureCollection", …}.',
  notGeoJsonNoType: (keys) => `This JSON is not GeoJSON: it has no "type" member (its keys are: ${keys}).`,
  notGeoJsonType: (type) =>
    `This JSON is not GeoJSON: its "type" is "${type}"; expected FeatureCollection, Feature or a geometry.`,
  topoJson: 'This is TopoJSON, which cannot be imported. Convert it to GeoJSON first (for example with mapshaper).',
  featuresNotList: 'This GeoJSON is broken: "features" is not a list.',
  tooManyFeatures: (n, max) => `The file has ${n} features; at most ${max} can be shown. Split it or thin it out.`,
  noFeatures: 'The file contains no features.',
  noUsable: (details) => `Nothing in the file can be shown. ${details}`,
  csvNoHeader: (sample) =>
    `The first row must be a header with column names such as lon, lat, name; it looks like data (${sample}).`,
  csvNoCoordColumns: (columns) =>
    `No longitude/latitude columns found; columns are: ${columns}. Name them lon and lat (or longitude/latitude, x/y, 经度/纬度).`,
  csvMissingColumn: (missing, found, columns) =>
    missing === 'lat'
      ? `No latitude column found (longitude is "${found}"); columns are: ${columns}. Name it lat, latitude, y or 纬度.`
      : `No longitude column found (latitude is "${found}"); columns are: ${columns}. Name it lon, lng, longitude, x or 经度.`,
  csvNoRows: 'The CSV has a header row but no data rows.',
  droppedNullGeometry: (n) => `Skipped ${n} feature(s) without a geometry.`,
  droppedGeometryCollection: (n) => `Skipped ${n} GeometryCollection feature(s) (not supported).`,
  droppedUnsupported: (n, types) => `Skipped ${n} item(s) that are not supported features (${types}).`,
  droppedBadCoords: (n) => `Skipped ${n} feature(s) with invalid coordinates.`,
  droppedRows: (n, firstRow) => `Skipped ${n} row(s) without valid coordinates (first: row ${firstRow}).`,
  unclosedQuote: (row) =>
    `Row ${row}: a quote (") is never closed; the rest of the file may have been read as one value.`,
  hint: (h) => {
    switch (h.kind) {
      case 'swapped':
        return `The values look swapped: latitude where longitude should be (e.g. ${h.example}); longitude comes first.`;
      case 'projected':
        return (
          `The values look like projected coordinates in metres (e.g. ${h.example}), not longitude/latitude; re-export in WGS 84 (EPSG:4326).` +
          (h.crs ? ` The file declares the coordinate system "${h.crs}".` : '')
        );
      case 'range':
        return `Longitude must be between -180 and 180 and latitude between -90 and 90 (found ${h.example}).`;
      case 'nan':
        return 'Some coordinates are missing or not numbers.';
    }
  },
  truncatedStrings: (n) => `${n} value(s) longer than ${MAX_STRING_CHARS} characters were shortened.`,
  truncatedKeys: (n) => `${n} property name(s) longer than ${MAX_KEY_CHARS} characters were shortened.`,
  droppedUnsafeKeys: (n) => `Ignored ${n} property(ies) named __proto__, constructor or prototype.`,
  tooManyKeys: (n) =>
    `${n} feature(s) have more than ${MAX_KEYS_PER_FEATURE} properties; only the first ${MAX_KEYS_PER_FEATURE} were kept.`,
  tooManyDistinctKeys: (max) =>
    `There are more than ${max} different property names; only the first ${max} are listed.`,
};

const zhHans: Messages = {
  tooBig: (size, limit) => `文件大小为 ${size}，超过上限 ${limit}。请拆分成较小的文件或简化后再试。`,
  empty: '文件是空的。',
  readFailed: (detail) => `无法读取文件（${detail}）。`,
  binary: (format) =>
    `这是${format ?? '二进制文件'}，不是 GeoJSON 或 CSV。请将数据导出为 GeoJSON，或带经度、纬度列的 CSV（UTF-8）。`,
  notUtf8: '文件不是 UTF-8 文本（可能是 GBK/ANSI 编码，中文版 Excel 保存 CSV 时常见）。请另存为“CSV UTF-8”后重试。',
  html: '这是 HTML 网页，不是 GeoJSON 或 CSV（可能保存的是网页或登录页，而不是数据文件）。',
  markup: (format) => `这是${format}，只能导入 GeoJSON 和 CSV。请先转换为 GeoJSON。`,
  jsonSyntax: (line, column, problem) => `第 ${line} 行第 ${column} 列：不是有效的 JSON（${problem}）。`,
  jsonProblem: (p) => {
    switch (p.kind) {
      case 'char':
        return `意外的字符 ${p.char}`;
      case 'end':
        return '文件提前结束，是否不完整？';
      case 'unterminated':
        return '字符串缺少结尾的 "';
      case 'escape':
        return '字符串中的 \\ 转义无效';
      case 'control':
        return '字符串中含有换行或控制字符';
      case 'trailingComma':
        return '右括号前多了一个逗号';
      case 'afterEnd':
        return `数据结束后出现多余的 ${p.char}`;
    }
  },
  jsonUnreadable: (detail) => `无法读取 JSON（${detail}）。`,
  jsonTooDeep: (line, column, max) =>
    `第 ${line} 行第 ${column} 列：JSON 嵌套超过 ${max} 层，GeoJSON 不会用到这么深的嵌套。`,
  notGeoJsonTopLevel: '这个 JSON 不是 GeoJSON：GeoJSON 应是形如 {"type": "FeatureCollection", …} 的对象。',
  notGeoJsonNoType: (keys) => `这个 JSON 不是 GeoJSON：缺少 "type" 成员（现有的键：${keys}）。`,
  notGeoJsonType: (type) => `这个 JSON 不是 GeoJSON："type" 为 "${type}"，应为 FeatureCollection、Feature 或几何类型。`,
  topoJson: '这是 TopoJSON，无法直接导入。请先转换为 GeoJSON（例如使用 mapshaper）。',
  featuresNotList: '这个 GeoJSON 已损坏："features" 不是数组。',
  tooManyFeatures: (n, max) => `文件含 ${n} 个要素，最多只能显示 ${max} 个。请拆分或精简后再试。`,
  noFeatures: '文件中没有任何要素。',
  noUsable: (details) => `文件中没有可以显示的内容。${details}`,
  csvNoHeader: (sample) => `第一行必须是表头（列名，如 lon、lat、name），但它看起来是数据（${sample}）。`,
  csvNoCoordColumns: (columns) =>
    `未找到经度/纬度列；现有的列：${columns}。请将列命名为 lon 和 lat（或 longitude/latitude、x/y、经度/纬度）。`,
  csvMissingColumn: (missing, found, columns) =>
    missing === 'lat'
      ? `未找到纬度列（经度列为“${found}”）；现有的列：${columns}。请命名为 lat、latitude、y 或 纬度。`
      : `未找到经度列（纬度列为“${found}”）；现有的列：${columns}。请命名为 lon、lng、longitude、x 或 经度。`,
  csvNoRows: 'CSV 只有表头，没有数据行。',
  droppedNullGeometry: (n) => `已跳过 ${n} 个没有几何的要素。`,
  droppedGeometryCollection: (n) => `已跳过 ${n} 个 GeometryCollection 要素（不支持）。`,
  droppedUnsupported: (n, types) => `已跳过 ${n} 个不受支持的条目（${types}）。`,
  droppedBadCoords: (n) => `已跳过 ${n} 个坐标无效的要素。`,
  droppedRows: (n, firstRow) => `已跳过 ${n} 行没有有效坐标的数据（第一处：第 ${firstRow} 行）。`,
  unclosedQuote: (row) => `第 ${row} 行：引号（"）没有闭合，文件其余部分可能被读成了一个值。`,
  hint: (h) => {
    switch (h.kind) {
      case 'swapped':
        return `数值看起来颠倒了：经度的位置写的是纬度（例如 ${h.example}）；应先写经度，再写纬度。`;
      case 'projected':
        return (
          `数值看起来是以米为单位的投影坐标（例如 ${h.example}），而不是经纬度；请以 WGS 84（EPSG:4326）重新导出。` +
          (h.crs ? `文件声明的坐标系为“${h.crs}”。` : '')
        );
      case 'range':
        return `经度须在 -180 到 180 之间，纬度须在 -90 到 90 之间（实际为 ${h.example}）。`;
      case 'nan':
        return '部分坐标缺失或不是数字。';
    }
  },
  truncatedStrings: (n) => `有 ${n} 个值超过 ${MAX_STRING_CHARS} 个字符，已截短。`,
  truncatedKeys: (n) => `有 ${n} 个属性名超过 ${MAX_KEY_CHARS} 个字符，已截短。`,
  droppedUnsafeKeys: (n) => `已忽略 ${n} 个名为 __proto__、constructor 或 prototype 的属性。`,
  tooManyKeys: (n) => `有 ${n} 个要素的属性超过 ${MAX_KEYS_PER_FEATURE} 个，只保留了前 ${MAX_KEYS_PER_FEATURE} 个。`,
  tooManyDistinctKeys: (max) => `属性名超过 ${max} 种，只列出前 ${max} 种。`,
};

const zhHant: Messages = {
  tooBig: (size, limit) => `檔案大小為 ${size}，超過上限 ${limit}。請拆分成較小的檔案或簡化後再試。`,
  empty: '檔案是空的。',
  readFailed: (detail) => `無法讀取檔案（${detail}）。`,
  binary: (format) =>
    `這是${format ?? '二進位檔案'}，不是 GeoJSON 或 CSV。請將資料匯出為 GeoJSON，或含經度、緯度欄位的 CSV（UTF-8）。`,
  notUtf8: '檔案不是 UTF-8 文字（可能是 Big5 或 GBK/ANSI 編碼，Excel 儲存 CSV 時常見）。請另存為「CSV UTF-8」後再試。',
  html: '這是 HTML 網頁，不是 GeoJSON 或 CSV（可能儲存的是網頁或登入頁面，而不是資料檔）。',
  markup: (format) => `這是${format}，只能匯入 GeoJSON 和 CSV。請先轉換為 GeoJSON。`,
  jsonSyntax: (line, column, problem) => `第 ${line} 行第 ${column} 個字元：不是有效的 JSON（${problem}）。`,
  jsonProblem: (p) => {
    switch (p.kind) {
      case 'char':
        return `非預期的字元 ${p.char}`;
      case 'end':
        return '檔案提前結束，是否不完整？';
      case 'unterminated':
        return '字串缺少結尾的 "';
      case 'escape':
        return '字串中的 \\ 跳脫無效';
      case 'control':
        return '字串中含有換行或控制字元';
      case 'trailingComma':
        return '右括號前多了一個逗號';
      case 'afterEnd':
        return `資料結束後出現多餘的 ${p.char}`;
    }
  },
  jsonUnreadable: (detail) => `無法讀取 JSON（${detail}）。`,
  jsonTooDeep: (line, column, max) =>
    `第 ${line} 行第 ${column} 個字元：JSON 巢狀超過 ${max} 層，GeoJSON 不會用到這麼深的巢狀結構。`,
  notGeoJsonTopLevel: '這個 JSON 不是 GeoJSON：GeoJSON 應是形如 {"type": "FeatureCollection", …} 的物件。',
  notGeoJsonNoType: (keys) => `這個 JSON 不是 GeoJSON：缺少 "type" 成員（現有的鍵：${keys}）。`,
  notGeoJsonType: (type) => `這個 JSON 不是 GeoJSON："type" 為 "${type}"，應為 FeatureCollection、Feature 或幾何類型。`,
  topoJson: '這是 TopoJSON，無法直接匯入。請先轉換為 GeoJSON（例如使用 mapshaper）。',
  featuresNotList: '這個 GeoJSON 已損壞："features" 不是陣列。',
  tooManyFeatures: (n, max) => `檔案含 ${n} 個圖徵，最多只能顯示 ${max} 個。請拆分或精簡後再試。`,
  noFeatures: '檔案中沒有任何圖徵。',
  noUsable: (details) => `檔案中沒有可以顯示的內容。${details}`,
  csvNoHeader: (sample) => `第一列必須是標題列（欄位名稱，如 lon、lat、name），但它看起來是資料（${sample}）。`,
  csvNoCoordColumns: (columns) =>
    `找不到經度／緯度欄位；現有的欄位：${columns}。請將欄位命名為 lon 和 lat（或 longitude/latitude、x/y、經度/緯度）。`,
  csvMissingColumn: (missing, found, columns) =>
    missing === 'lat'
      ? `找不到緯度欄位（經度欄位為「${found}」）；現有的欄位：${columns}。請命名為 lat、latitude、y 或 緯度。`
      : `找不到經度欄位（緯度欄位為「${found}」）；現有的欄位：${columns}。請命名為 lon、lng、longitude、x 或 經度。`,
  csvNoRows: 'CSV 只有標題列，沒有資料列。',
  droppedNullGeometry: (n) => `已略過 ${n} 個沒有幾何的圖徵。`,
  droppedGeometryCollection: (n) => `已略過 ${n} 個 GeometryCollection 圖徵（不支援）。`,
  droppedUnsupported: (n, types) => `已略過 ${n} 個不支援的項目（${types}）。`,
  droppedBadCoords: (n) => `已略過 ${n} 個座標無效的圖徵。`,
  droppedRows: (n, firstRow) => `已略過 ${n} 列沒有有效座標的資料（第一處：第 ${firstRow} 列）。`,
  unclosedQuote: (row) => `第 ${row} 列：引號（"）沒有結束，檔案其餘部分可能被讀成了一個值。`,
  hint: (h) => {
    switch (h.kind) {
      case 'swapped':
        return `數值看起來顛倒了：經度的位置寫的是緯度（例如 ${h.example}）；應先寫經度，再寫緯度。`;
      case 'projected':
        return (
          `數值看起來是以公尺為單位的投影座標（例如 ${h.example}），而不是經緯度；請以 WGS 84（EPSG:4326）重新匯出。` +
          (h.crs ? `檔案宣告的座標系統為「${h.crs}」。` : '')
        );
      case 'range':
        return `經度須介於 -180 與 180 之間，緯度須介於 -90 與 90 之間（實際為 ${h.example}）。`;
      case 'nan':
        return '部分座標缺漏或不是數字。';
    }
  },
  truncatedStrings: (n) => `有 ${n} 個值超過 ${MAX_STRING_CHARS} 個字元，已截短。`,
  truncatedKeys: (n) => `有 ${n} 個屬性名稱超過 ${MAX_KEY_CHARS} 個字元，已截短。`,
  droppedUnsafeKeys: (n) => `已忽略 ${n} 個名為 __proto__、constructor 或 prototype 的屬性。`,
  tooManyKeys: (n) => `有 ${n} 個圖徵的屬性超過 ${MAX_KEYS_PER_FEATURE} 個，只保留了前 ${MAX_KEYS_PER_FEATURE} 個。`,
  tooManyDistinctKeys: (max) => `屬性名稱超過 ${max} 種，只列出前 ${max} 種。`,
};

const MESSAGES: Record<ImportLang, Messages> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** Format names for binary files, per language. */
const FORMAT_NAMES: Record<string, Record<ImportLang, string>> = {
  xlsx: { en: 'an Excel workbook', 'zh-Hans': ' Excel 工作簿', 'zh-Hant': ' Excel 活頁簿' },
  zip: { en: 'a ZIP archive', 'zh-Hans': ' ZIP 压缩包', 'zh-Hant': ' ZIP 壓縮檔' },
  kmz: { en: 'a KMZ file', 'zh-Hans': ' KMZ 文件', 'zh-Hant': ' KMZ 檔案' },
  docx: { en: 'a Word document', 'zh-Hans': ' Word 文档', 'zh-Hant': ' Word 文件' },
  pdf: { en: 'a PDF document', 'zh-Hans': ' PDF 文档', 'zh-Hant': ' PDF 文件' },
  image: { en: 'an image', 'zh-Hans': '图片', 'zh-Hant': '圖片' },
  shapefile: { en: 'a Shapefile', 'zh-Hans': ' Shapefile', 'zh-Hant': ' Shapefile' },
  gzip: { en: 'a compressed (gzip) file', 'zh-Hans': ' gzip 压缩文件', 'zh-Hant': ' gzip 壓縮檔' },
  sqlite: {
    en: 'a SQLite/GeoPackage database',
    'zh-Hans': ' SQLite/GeoPackage 数据库',
    'zh-Hant': ' SQLite/GeoPackage 資料庫',
  },
  kml: { en: 'a KML file', 'zh-Hans': ' KML 文件', 'zh-Hant': ' KML 檔案' },
  gpx: { en: 'a GPX file', 'zh-Hans': ' GPX 文件', 'zh-Hant': ' GPX 檔案' },
  xml: { en: 'an XML file', 'zh-Hans': ' XML 文件', 'zh-Hant': ' XML 檔案' },
};

const fmtInt = (n: number) => n.toLocaleString('en-US');

function fmtBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/**
 * At most `max` characters of the file's own text, one line, without control characters, for
 * quoting inside a message.
 */
function clip(text: string, max = MAX_ECHO_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return flat.length > max ? cutString(flat, max - 1) + '…' : flat;
}

/** A list of names, quoted within MAX_ECHO_CHARS in total. */
function clipList(names: readonly string[]): string {
  return clip(names.map((n) => (n === '' ? '""' : n)).join(', '));
}

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cutString(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Reads a dropped or chosen file and parses it with `parseUserLayer`. The size is checked before
 * anything is read, so a huge file costs nothing. Never throws.
 */
export async function readUserFile(file: File, lang: ImportLang): Promise<ImportResult> {
  const t = MESSAGES[lang] ?? en;
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: t.tooBig(fmtBytes(file.size), fmtBytes(MAX_FILE_BYTES)) };
  }
  if (file.size === 0) return { ok: false, message: t.empty };
  try {
    let text: string;
    if (typeof file.arrayBuffer === 'function') {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.byteLength > MAX_FILE_BYTES) {
        return { ok: false, message: t.tooBig(fmtBytes(bytes.byteLength), fmtBytes(MAX_FILE_BYTES)) };
      }
      const decoded = decodeBytes(bytes, file.name, lang);
      if (!decoded.ok) return decoded;
      text = decoded.text;
    } else {
      text = await file.text();
      if (text.length > MAX_FILE_BYTES) {
        return { ok: false, message: t.tooBig(fmtBytes(text.length), fmtBytes(MAX_FILE_BYTES)) };
      }
    }
    return parseUserLayer(file.name, text, lang);
  } catch (e) {
    return { ok: false, message: t.readFailed(clip(e instanceof Error ? e.message : String(e))) };
  }
}

/** Bytes → text: binary formats named, UTF-8 strictly (UTF-16 only with its byte-order mark). */
function decodeBytes(
  bytes: Uint8Array,
  name: string,
  lang: ImportLang,
): { ok: true; text: string } | { ok: false; message: string } {
  const t = MESSAGES[lang] ?? en;
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  const format = binaryFormat(head, name);
  if (format) return { ok: false, message: t.binary(FORMAT_NAMES[format][lang]) };
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // fatal: invalid bytes throw instead of becoming U+FFFD; the BOM is removed.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    const sample = bytes.subarray(0, 65536);
    if (sample.includes(0)) {
      const byName = formatFromName(name);
      return { ok: false, message: t.binary(byName ? FORMAT_NAMES[byName][lang] : null) };
    }
    return { ok: false, message: t.notUtf8 };
  }
}

/** A binary format recognised from the first bytes (as char codes), or null. */
function binaryFormat(head: string, name: string): string | null {
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

function formatFromName(name: string): string | null {
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

/**
 * Parses the text of a GeoJSON or CSV file (chosen by content: `{`/`[` → JSON, otherwise by the
 * name's extension, otherwise CSV) into a checked layer, or a message saying what is wrong.
 */
export function parseUserLayer(name: string, text: string, lang: ImportLang): ImportResult {
  const t = MESSAGES[lang] ?? en;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return { ok: false, message: t.empty };
  const layerName = cutString(name, 100);

  const head = body.slice(0, 65536);
  const magic = binaryFormat(head.slice(0, 16), name);
  if (magic) return { ok: false, message: t.binary(FORMAT_NAMES[magic][lang]) };
  if (head.includes('\u0000')) {
    const byName = formatFromName(name);
    return { ok: false, message: t.binary(byName ? FORMAT_NAMES[byName][lang] : null) };
  }
  // A non-UTF-8 file decoded leniently is full of U+FFFD replacement characters.
  if ((body.match(/\uFFFD/g)?.length ?? 0) >= 3) return { ok: false, message: t.notUtf8 };

  const first = body[start];
  if (first === '<') {
    const lead = body.slice(start, start + 4096);
    if (/<kml[\s>]/i.test(lead)) return { ok: false, message: t.markup(FORMAT_NAMES.kml[lang]) };
    if (/<gpx[\s>]/i.test(lead)) return { ok: false, message: t.markup(FORMAT_NAMES.gpx[lang]) };
    if (/^<\?xml/i.test(lead) && !/<(!doctype\s+)?html[\s>]/i.test(lead)) {
      return { ok: false, message: t.markup(FORMAT_NAMES.xml[lang]) };
    }
    return { ok: false, message: t.html };
  }
  const jsonByName = /\.(geo)?json$/i.test(name);
  if (first === '{' || first === '[' || jsonByName) return parseGeoJsonText(layerName, body, t);
  return parseCsvText(layerName, body, t);
}

// ---------------------------------------------------------------------------------------------
// Properties

interface Stats {
  truncatedStrings: number;
  truncatedKeys: number;
  unsafeKeys: number;
  tooManyKeys: number;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const newStats = (): Stats => ({ truncatedStrings: 0, truncatedKeys: 0, unsafeKeys: 0, tooManyKeys: 0 });

function capString(value: string, stats: Stats): string {
  if (value.length <= MAX_STRING_CHARS) return value;
  stats.truncatedStrings++;
  return cutString(value, MAX_STRING_CHARS - 1) + '…';
}

function sanitizeValue(value: unknown, stats: Stats): UserPropertyValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return capString(value, stats);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null; // JSON's 1e999 is Infinity
  if (typeof value === 'object') {
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      json = Array.isArray(value) ? '[…]' : '{…}'; // absurdly deep nesting
    }
    return capString(json, stats);
  }
  return null;
}

/**
 * Own enumerable entries of `input` reduced to safe primitives. Built with Object.fromEntries
 * (define semantics, never the `__proto__` setter), and the unsafe names are dropped anyway.
 */
function sanitizeEntries(entries: Iterable<[string, unknown]>, stats: Stats): UserProperties {
  const out: [string, UserPropertyValue][] = [];
  const seen = new Set<string>();
  for (const [rawKey, value] of entries) {
    if (UNSAFE_KEYS.has(rawKey)) {
      stats.unsafeKeys++;
      continue;
    }
    if (out.length >= MAX_KEYS_PER_FEATURE) {
      stats.tooManyKeys++;
      break;
    }
    let key = rawKey;
    if (key.length > MAX_KEY_CHARS) {
      key = cutString(key, MAX_KEY_CHARS);
      stats.truncatedKeys++;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([key, sanitizeValue(value, stats)]);
  }
  return Object.fromEntries(out) as UserProperties;
}

function* ownEntries(input: Record<string, unknown>): Generator<[string, unknown]> {
  for (const key of Object.keys(input)) {
    if (UNSAFE_KEYS.has(key)) yield [key, undefined];
    else yield [key, input[key]];
  }
}

/** The result of a parse that got this far: a layer with its warnings, or why nothing is usable. */
function finishLayer(
  parsed: {
    name: string;
    features: Feature<UserGeometry, UserProperties>[];
    warnings: string[];
    stats: Stats;
    bbox: BboxBuilder;
    keys: KeyCollector;
  },
  t: Messages,
): ImportResult {
  const { name, features, warnings, stats, bbox, keys } = parsed;
  if (features.length === 0) return { ok: false, message: t.noUsable(warnings.join(' ')) };
  warnings.push(...statsWarnings(stats, t));
  if (keys.overflow) warnings.push(t.tooManyDistinctKeys(fmtInt(MAX_PROPERTY_KEYS)));
  return {
    ok: true,
    layer: {
      name,
      collection: { type: 'FeatureCollection', features },
      featureCount: features.length,
      bbox: bbox.get(),
      propertyKeys: keys.keys,
    },
    warnings,
  };
}

function statsWarnings(stats: Stats, t: Messages): string[] {
  const out: string[] = [];
  if (stats.unsafeKeys) out.push(t.droppedUnsafeKeys(fmtInt(stats.unsafeKeys)));
  if (stats.tooManyKeys) out.push(t.tooManyKeys(fmtInt(stats.tooManyKeys)));
  if (stats.truncatedKeys) out.push(t.truncatedKeys(fmtInt(stats.truncatedKeys)));
  if (stats.truncatedStrings) out.push(t.truncatedStrings(fmtInt(stats.truncatedStrings)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Coordinates

/** Why a position was refused: the first problem met in a feature. */
type CoordIssue = { kind: 'nan' } | { kind: 'swapped' | 'projected' | 'range'; a: number; b: number };

interface CoordCtx {
  issue: CoordIssue | null;
}

function classifyOutOfRange(a: number, b: number): CoordIssue {
  if (Math.abs(a) > 1000 || Math.abs(b) > 1000) return { kind: 'projected', a, b };
  // Out of range, yet valid once swapped: latitude first.
  if (Math.abs(a) <= 90 && Math.abs(b) <= 180) return { kind: 'swapped', a, b };
  return { kind: 'range', a, b };
}

function checkLonLat(a: number, b: number, ctx: CoordCtx): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    ctx.issue = { kind: 'nan' };
    return false;
  }
  if (a < -180 || a > 180 || b < -90 || b > 90) {
    ctx.issue = classifyOutOfRange(a, b);
    return false;
  }
  return true;
}

function readPosition(p: unknown, ctx: CoordCtx): Position | null {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  return checkLonLat(p[0], p[1], ctx) ? [p[0], p[1]] : null;
}

function readPositions(list: unknown, min: number, ctx: CoordCtx): Position[] | null {
  if (!Array.isArray(list) || list.length < min) {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  const out: Position[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const p = readPosition(list[i], ctx);
    if (!p) return null;
    out[i] = p;
  }
  return out;
}

function readRing(list: unknown, ctx: CoordCtx): Position[] | null {
  const ring = readPositions(list, 3, ctx);
  if (!ring) return null;
  const [f, l] = [ring[0], ring[ring.length - 1]];
  if (f[0] !== l[0] || f[1] !== l[1]) ring.push([f[0], f[1]]);
  if (ring.length < 4) {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  return ring;
}

function readList<T>(list: unknown, read: (item: unknown, ctx: CoordCtx) => T | null, ctx: CoordCtx): T[] | null {
  if (!Array.isArray(list) || list.length === 0) {
    ctx.issue = { kind: 'nan' };
    return null;
  }
  const out: T[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = read(list[i], ctx);
    if (item === null) return null;
    out[i] = item;
  }
  return out;
}

const readPolygon = (rings: unknown, ctx: CoordCtx) => readList(rings, readRing, ctx);
const readLine = (line: unknown, ctx: CoordCtx) => readPositions(line, 2, ctx);

type GeometryResult =
  | { ok: true; geometry: UserGeometry }
  | { ok: false; reason: 'null' | 'collection' | 'coords' }
  | { ok: false; reason: 'unsupported'; type: string };

/** The coordinates reader of each supported geometry type. */
const READ_COORDINATES: Record<
  UserGeometry['type'],
  (c: unknown, ctx: CoordCtx) => UserGeometry['coordinates'] | null
> = {
  Point: readPosition,
  MultiPoint: (c, ctx) => readPositions(c, 1, ctx),
  LineString: readLine,
  MultiLineString: (c, ctx) => readList(c, readLine, ctx),
  Polygon: readPolygon,
  MultiPolygon: (c, ctx) => readList(c, readPolygon, ctx),
};

const isGeometryType = (t: unknown): t is UserGeometry['type'] =>
  typeof t === 'string' && Object.hasOwn(READ_COORDINATES, t);

function readGeometry(g: unknown, ctx: CoordCtx): GeometryResult {
  if (g === null || g === undefined) return { ok: false, reason: 'null' };
  if (!isObject(g)) return { ok: false, reason: 'unsupported', type: describe(g) };
  const type = own(g, 'type');
  if (type === 'GeometryCollection') return { ok: false, reason: 'collection' };
  const c = own(g, 'coordinates');
  if (!isGeometryType(type))
    return { ok: false, reason: 'unsupported', type: typeof type === 'string' ? clip(type, 30) : describe(type) };
  const coordinates = READ_COORDINATES[type](c, ctx);
  // The reader of each type returns exactly that type's coordinates.
  const geometry = coordinates && ({ type, coordinates } as UserGeometry);
  return geometry ? { ok: true, geometry } : { ok: false, reason: 'coords' };
}

function fmtCoord(v: number): string {
  return String(Number.isInteger(v) ? v : Number(v.toPrecision(8)));
}

/** The most common refusal among `issues`, as a hint for the person. */
function coordHint(issues: Map<string, CoordIssue & { count: number }>, crs: string | null): CoordHint | null {
  let best: (CoordIssue & { count: number }) | null = null;
  for (const issue of issues.values()) if (!best || issue.count > best.count) best = issue;
  if (!best) return null;
  if (best.kind === 'nan') return { kind: 'nan' };
  const example = `${fmtCoord(best.a)}, ${fmtCoord(best.b)}`;
  if (best.kind === 'projected') return { kind: 'projected', example, crs };
  return { kind: best.kind, example };
}

function noteIssue(issues: Map<string, CoordIssue & { count: number }>, issue: CoordIssue | null) {
  const kind = issue?.kind ?? 'nan';
  const seen = issues.get(kind);
  if (seen) seen.count++;
  else issues.set(kind, { ...(issue ?? { kind: 'nan' }), count: 1 });
}

class BboxBuilder {
  w = Infinity;
  s = Infinity;
  e = -Infinity;
  n = -Infinity;
  add(p: Position) {
    if (p[0] < this.w) this.w = p[0];
    if (p[0] > this.e) this.e = p[0];
    if (p[1] < this.s) this.s = p[1];
    if (p[1] > this.n) this.n = p[1];
  }
  addGeometry(g: UserGeometry) {
    switch (g.type) {
      case 'Point':
        this.add(g.coordinates);
        break;
      case 'MultiPoint':
      case 'LineString':
        for (const p of g.coordinates) this.add(p);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of g.coordinates) for (const p of line) this.add(p);
        break;
      case 'MultiPolygon':
        for (const poly of g.coordinates) for (const ring of poly) for (const p of ring) this.add(p);
        break;
    }
  }
  get(): [number, number, number, number] {
    return [this.w, this.s, this.e, this.n];
  }
}

class KeyCollector {
  keys: string[] = [];
  private seen = new Set<string>();
  overflow = false;
  add(props: UserProperties) {
    for (const k of Object.keys(props)) {
      if (this.seen.has(k)) continue;
      if (this.keys.length >= MAX_PROPERTY_KEYS) {
        this.overflow = true;
        return;
      }
      this.seen.add(k);
      this.keys.push(k);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own member only: nothing inherited from a (possibly polluted) prototype. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** The CRS a (pre-RFC 7946) GeoJSON declares, unless it is plain WGS84 / CGCS2000 lon/lat. */
function declaredCrs(root: Record<string, unknown>): string | null {
  const crs = own(root, 'crs');
  if (!isObject(crs)) return null;
  const props = own(crs, 'properties');
  const name = isObject(props) ? own(props, 'name') : undefined;
  if (typeof name !== 'string' || /CRS84|4326|4490|WGS ?84/i.test(name)) return null;
  return clip(name, 60);
}

/** JSON nesting deeper than this is refused before JSON.parse (which is slow on hostile nesting). */
const MAX_JSON_DEPTH = 256;

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

function parseGeoJsonText(name: string, text: string, t: Messages): ImportResult {
  const deep = excessiveNesting(text, MAX_JSON_DEPTH);
  if (deep !== -1) {
    const { line, column } = lineColumn(text, deep);
    return { ok: false, message: t.jsonTooDeep(line, column, MAX_JSON_DEPTH) };
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    const found = locateJsonError(text);
    if (found) {
      const { line, column } = lineColumn(text, found.offset);
      return { ok: false, message: t.jsonSyntax(line, column, t.jsonProblem(found.problem)) };
    }
    return { ok: false, message: t.jsonUnreadable(clip(e instanceof Error ? e.message : String(e))) };
  }
  if (!isObject(root)) return { ok: false, message: t.notGeoJsonTopLevel };
  const type = own(root, 'type');
  if (type === undefined) return { ok: false, message: t.notGeoJsonNoType(clipList(Object.keys(root))) };
  if (type === 'Topology') return { ok: false, message: t.topoJson };

  let inputs: unknown[];
  if (type === 'FeatureCollection') {
    const features = own(root, 'features');
    if (!Array.isArray(features)) return { ok: false, message: t.featuresNotList };
    inputs = features;
  } else if (type === 'Feature') {
    inputs = [root];
  } else if (typeof type === 'string' && (isGeometryType(type) || type === 'GeometryCollection')) {
    inputs = [{ type: 'Feature', geometry: root, properties: null }];
  } else {
    return { ok: false, message: t.notGeoJsonType(clip(typeof type === 'string' ? type : JSON.stringify(type))) };
  }
  if (inputs.length > MAX_FEATURES) {
    return { ok: false, message: t.tooManyFeatures(fmtInt(inputs.length), fmtInt(MAX_FEATURES)) };
  }
  if (inputs.length === 0) return { ok: false, message: t.noFeatures };

  const stats = newStats();
  const features: Feature<UserGeometry, UserProperties>[] = [];
  const bbox = new BboxBuilder();
  const keys = new KeyCollector();
  const issues = new Map<string, CoordIssue & { count: number }>();
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
  if (nullGeometry) warnings.push(t.droppedNullGeometry(fmtInt(nullGeometry)));
  if (collections) warnings.push(t.droppedGeometryCollection(fmtInt(collections)));
  if (unsupported) warnings.push(t.droppedUnsupported(fmtInt(unsupported), clipList([...unsupportedTypes])));
  if (badCoords) {
    const hint = coordHint(issues, declaredCrs(root));
    warnings.push(t.droppedBadCoords(fmtInt(badCoords)) + (hint ? ' ' + t.hint(hint) : ''));
  }
  return finishLayer({ name, features, warnings, stats, bbox, keys }, t);
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

// ---------------------------------------------------------------------------------------------
// CSV

const LON_NAMES = ['longitude', 'lon', 'lng', 'long', '经度', '經度', 'x'];
const LAT_NAMES = ['latitude', 'lat', '纬度', '緯度', 'y'];

/** Lower case, trimmed, without a trailing unit such as "(°)" or "（度）". */
function normalizeHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/\s*[(（][^)）]*[)）]$/, '')
    .trim();
}

function findColumn(normalized: string[], names: string[]): number {
  for (const name of names) {
    const i = normalized.indexOf(name);
    if (i !== -1) return i;
  }
  return -1;
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?°?$/;

/** A coordinate cell as a number (decimal comma allowed when the delimiter is not a comma), or NaN. */
function parseCoordinate(cell: string | undefined, delimiter: string): number {
  if (cell === undefined) return NaN;
  let s = cell.trim();
  if (delimiter !== ',' && /^[+-]?\d+,\d+°?$/.test(s)) s = s.replace(',', '.');
  if (!NUMBER_RE.test(s)) return NaN;
  return Number(s.replace('°', ''));
}

function parseCsvText(name: string, text: string, t: Messages): ImportResult {
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    delimiter: '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const rows = parsed.data;
  const delimiter = parsed.meta.delimiter;
  const headerIndex = rows.findIndex((r) => r.some((cell) => cell.trim() !== ''));
  if (headerIndex === -1) return { ok: false, message: t.empty };
  const header = rows[headerIndex].map((h) => h.trim());

  if (header.every((h) => h === '' || Number.isFinite(parseCoordinate(h, delimiter)))) {
    return { ok: false, message: t.csvNoHeader(clipList(header)) };
  }
  const normalized = header.map(normalizeHeader);
  const lonCol = findColumn(normalized, LON_NAMES);
  const latCol = findColumn(normalized, LAT_NAMES);
  if (lonCol === -1 && latCol === -1) return { ok: false, message: t.csvNoCoordColumns(clipList(header)) };
  if (latCol === -1)
    return { ok: false, message: t.csvMissingColumn('lat', clip(header[lonCol], 30), clipList(header)) };
  if (lonCol === -1)
    return { ok: false, message: t.csvMissingColumn('lon', clip(header[latCol], 30), clipList(header)) };

  // Property names: empty headers get a name, repeated ones a suffix.
  const used = new Set<string>();
  const names = header.map((h, i) => {
    let base = h === '' ? `column_${i + 1}` : h;
    if (base.length > MAX_KEY_CHARS) base = cutString(base, MAX_KEY_CHARS);
    let key = base;
    for (let k = 2; used.has(key); k++) key = `${cutString(base, MAX_KEY_CHARS - 5)}_${k}`;
    used.add(key);
    return key;
  });
  const propCols = names.map((_, i) => i).filter((i) => i !== lonCol && i !== latCol);

  const dataRows: number[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    if (rows[r].some((cell) => cell.trim() !== '')) dataRows.push(r);
  }
  if (dataRows.length > MAX_FEATURES) {
    return { ok: false, message: t.tooManyFeatures(fmtInt(dataRows.length), fmtInt(MAX_FEATURES)) };
  }
  if (dataRows.length === 0) return { ok: false, message: t.csvNoRows };

  const quoteErrors = new Set<number>();
  let unclosedQuoteRow: number | null = null;
  for (const err of parsed.errors) {
    if (err.row === undefined || (err.code !== 'MissingQuotes' && err.code !== 'InvalidQuotes')) continue;
    quoteErrors.add(err.row);
    if (err.code === 'MissingQuotes' && unclosedQuoteRow === null) unclosedQuoteRow = err.row + 1;
  }

  const stats = newStats();
  const features: Feature<Point, UserProperties>[] = [];
  const bbox = new BboxBuilder();
  const keys = new KeyCollector();
  const issues = new Map<string, CoordIssue & { count: number }>();
  let dropped = 0;
  let firstDropped = 0;
  for (const r of dataRows) {
    const row = rows[r];
    const ctx: CoordCtx = { issue: null };
    const lon = parseCoordinate(row[lonCol], delimiter);
    const lat = parseCoordinate(row[latCol], delimiter);
    if (quoteErrors.has(r) || !checkLonLat(lon, lat, ctx)) {
      dropped++;
      if (!firstDropped) firstDropped = r + 1;
      noteIssue(issues, quoteErrors.has(r) ? { kind: 'nan' } : ctx.issue);
      continue;
    }
    const properties = sanitizeEntries(
      propCols.map((c): [string, unknown] => [names[c], row[c] ?? '']),
      stats,
    );
    const geometry: Point = { type: 'Point', coordinates: [lon, lat] };
    features.push({ type: 'Feature', geometry, properties });
    bbox.add(geometry.coordinates);
    keys.add(properties);
  }

  const warnings: string[] = [];
  if (unclosedQuoteRow !== null) warnings.push(t.unclosedQuote(unclosedQuoteRow));
  if (dropped) {
    const hint = coordHint(issues, null);
    warnings.push(t.droppedRows(fmtInt(dropped), firstDropped) + (hint ? ' ' + t.hint(hint) : ''));
  }
  return finishLayer({ name, features, warnings, stats, bbox, keys }, t);
}
