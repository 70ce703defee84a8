// Messages of the own-layer import (src/features/own-layer/parse/): what is wrong with a person's
// file, and what was dropped from it. Spread into `zh` and `en` in messages.ts; 繁體 is converted
// from the Simplified text like every other UI message, except where messages-zh-hant.ts gives
// Taiwan's own wording (rows, columns, features). `{name}` placeholders are filled by the parser;
// text quoted from the file goes only into placeholders, never into a template.

export const ownLayerZh = {
  importTooBig: '文件大小为 {size}，超过上限 {limit}。请拆分成较小的文件或简化后再试。',
  importEmpty: '文件是空的。',
  importReadFailed: '无法读取文件（{detail}）。',
  importBinary: '这是{format}，不是 GeoJSON 或 CSV。请将数据导出为 GeoJSON，或带经度、纬度列的 CSV（UTF-8）。',
  importNotUtf8:
    '文件不是 UTF-8 文本（可能是 GBK/ANSI 编码，中文版 Excel 保存 CSV 时常见）。请另存为“CSV UTF-8”后重试。',
  importHtml: '这是 HTML 网页，不是 GeoJSON 或 CSV（可能保存的是网页或登录页，而不是数据文件）。',
  importMarkup: '这是{format}，只能导入 GeoJSON 和 CSV。请先转换为 GeoJSON。',
  // Format names fill {format} above; Chinese ones carry their own leading space where the name is
  // Latin ("这是 Excel 工作簿", but "这是图片").
  importFormatUnknown: '二进制文件',
  importFormatXlsx: ' Excel 工作簿',
  importFormatZip: ' ZIP 压缩包',
  importFormatKmz: ' KMZ 文件',
  importFormatDocx: ' Word 文档',
  importFormatPdf: ' PDF 文档',
  importFormatImage: '图片',
  importFormatShapefile: ' Shapefile',
  importFormatGzip: ' gzip 压缩文件',
  importFormatSqlite: ' SQLite/GeoPackage 数据库',
  importFormatKml: ' KML 文件',
  importFormatGpx: ' GPX 文件',
  importFormatXml: ' XML 文件',
  importJsonSyntax: '第 {line} 行第 {column} 列：不是有效的 JSON（{problem}）。',
  // What is wrong at that place: fills {problem} above.
  importJsonChar: '意外的字符 {char}',
  importJsonEnd: '文件提前结束，是否不完整？',
  importJsonUnterminated: '字符串缺少结尾的 "',
  importJsonEscape: '字符串中的 \\ 转义无效',
  importJsonControl: '字符串中含有换行或控制字符',
  importJsonTrailingComma: '右括号前多了一个逗号',
  importJsonAfterEnd: '数据结束后出现多余的 {char}',
  importJsonUnreadable: '无法读取 JSON（{detail}）。',
  importJsonTooDeep: '第 {line} 行第 {column} 列：JSON 嵌套超过 {max} 层，GeoJSON 不会用到这么深的嵌套。',
  importNotGeoJsonTopLevel: '这个 JSON 不是 GeoJSON：GeoJSON 应是形如 {"type": "FeatureCollection", …} 的对象。',
  importNotGeoJsonNoType: '这个 JSON 不是 GeoJSON：缺少 "type" 成员（现有的键：{keys}）。',
  importNotGeoJsonType: '这个 JSON 不是 GeoJSON："type" 为 "{type}"，应为 FeatureCollection、Feature 或几何类型。',
  importTopoJson: '这是 TopoJSON，无法直接导入。请先转换为 GeoJSON（例如使用 mapshaper）。',
  importFeaturesNotList: '这个 GeoJSON 已损坏："features" 不是数组。',
  importTooManyFeatures: '文件含 {n} 个要素，最多只能显示 {max} 个。请拆分或精简后再试。',
  importNoFeatures: '文件中没有任何要素。',
  importNoUsable: '文件中没有可以显示的内容。{details}',
  importCsvNoHeader: '第一行必须是表头（列名，如 lon、lat、name），但它看起来是数据（{sample}）。',
  importCsvNoCoordColumns:
    '未找到经度/纬度列；现有的列：{columns}。请将列命名为 lon 和 lat（或 longitude/latitude、x/y、经度/纬度）。',
  importCsvNoLatColumn: '未找到纬度列（经度列为“{found}”）；现有的列：{columns}。请命名为 lat、latitude、y 或 纬度。',
  importCsvNoLonColumn:
    '未找到经度列（纬度列为“{found}”）；现有的列：{columns}。请命名为 lon、lng、longitude、x 或 经度。',
  importCsvNoRows: 'CSV 只有表头，没有数据行。',
  importDroppedNullGeometry: '已跳过 {n} 个没有几何的要素。',
  importDroppedGeometryCollection: '已跳过 {n} 个 GeometryCollection 要素（不支持）。',
  importDroppedUnsupported: '已跳过 {n} 个不受支持的条目（{types}）。',
  importDroppedBadCoords: '已跳过 {n} 个坐标无效的要素。',
  importDroppedRows: '已跳过 {n} 行没有有效坐标的数据（第一处：第 {row} 行）。',
  importUnclosedQuote: '第 {row} 行：引号（"）没有闭合，文件其余部分可能被读成了一个值。',
  // Why coordinates were refused: appended to importDroppedBadCoords / importDroppedRows.
  importHintSwapped: '数值看起来颠倒了：经度的位置写的是纬度（例如 {example}）；应先写经度，再写纬度。',
  importHintProjected:
    '数值看起来是以米为单位的投影坐标（例如 {example}），而不是经纬度；请以 WGS 84（EPSG:4326）重新导出。',
  importHintDeclaredCrs: '文件声明的坐标系为“{crs}”。',
  importHintRange: '经度须在 -180 到 180 之间，纬度须在 -90 到 90 之间（实际为 {example}）。',
  importHintNan: '部分坐标缺失或不是数字。',
  importTruncatedStrings: '有 {n} 个值超过 {max} 个字符，已截短。',
  importTruncatedKeys: '有 {n} 个属性名超过 {max} 个字符，已截短。',
  importDroppedUnsafeKeys: '已忽略 {n} 个名为 __proto__、constructor 或 prototype 的属性。',
  importTooManyKeys: '有 {n} 个要素的属性超过 {max} 个，只保留了前 {max} 个。',
  importTooManyDistinctKeys: '属性名超过 {max} 种，只列出前 {max} 种。',
};

export type OwnLayerMessageKey = keyof typeof ownLayerZh;

export const ownLayerEn: Record<OwnLayerMessageKey, string> = {
  importTooBig: 'The file is {size}; the limit is {limit}. Split it into smaller files or simplify it.',
  importEmpty: 'The file is empty.',
  importReadFailed: 'The file could not be read ({detail}).',
  importBinary:
    'This is {format}, not GeoJSON or CSV. Export your data as GeoJSON, or as CSV (UTF-8) with longitude and latitude columns.',
  importNotUtf8:
    'The file is not UTF-8 text (it may be GBK/ANSI, as Excel saves CSV on Chinese Windows). Save it as "CSV UTF-8" and try again.',
  importHtml:
    'This is an HTML web page, not GeoJSON or CSV (perhaps a saved page or a login page instead of the data file).',
  importMarkup: 'This is {format}; only GeoJSON and CSV can be imported. Convert it to GeoJSON first.',
  importFormatUnknown: 'a binary file',
  importFormatXlsx: 'an Excel workbook',
  importFormatZip: 'a ZIP archive',
  importFormatKmz: 'a KMZ file',
  importFormatDocx: 'a Word document',
  importFormatPdf: 'a PDF document',
  importFormatImage: 'an image',
  importFormatShapefile: 'a Shapefile',
  importFormatGzip: 'a compressed (gzip) file',
  importFormatSqlite: 'a SQLite/GeoPackage database',
  importFormatKml: 'a KML file',
  importFormatGpx: 'a GPX file',
  importFormatXml: 'an XML file',
  importJsonSyntax: 'Line {line}, column {column}: not valid JSON ({problem}).',
  importJsonChar: 'unexpected character {char}',
  importJsonEnd: 'the file ends too early; is it cut off?',
  importJsonUnterminated: 'a string is not closed with "',
  importJsonEscape: 'invalid \\ escape in a string',
  importJsonControl: 'a line break or control character inside a string',
  importJsonTrailingComma: 'a comma before a closing bracket',
  importJsonAfterEnd: 'unexpected {char} after the end of the data',
  importJsonUnreadable: 'The JSON could not be read ({detail}).',
  importJsonTooDeep:
    'Line {line}, column {column}: the JSON is nested more than {max} levels deep, which GeoJSON never needs.',
  importNotGeoJsonTopLevel: 'This JSON is not GeoJSON: GeoJSON is an object such as {"type": "FeatureCollection", …}.',
  importNotGeoJsonNoType: 'This JSON is not GeoJSON: it has no "type" member (its keys are: {keys}).',
  importNotGeoJsonType:
    'This JSON is not GeoJSON: its "type" is "{type}"; expected FeatureCollection, Feature or a geometry.',
  importTopoJson:
    'This is TopoJSON, which cannot be imported. Convert it to GeoJSON first (for example with mapshaper).',
  importFeaturesNotList: 'This GeoJSON is broken: "features" is not a list.',
  importTooManyFeatures: 'The file has {n} features; at most {max} can be shown. Split it or thin it out.',
  importNoFeatures: 'The file contains no features.',
  importNoUsable: 'Nothing in the file can be shown. {details}',
  importCsvNoHeader:
    'The first row must be a header with column names such as lon, lat, name; it looks like data ({sample}).',
  importCsvNoCoordColumns:
    'No longitude/latitude columns found; columns are: {columns}. Name them lon and lat (or longitude/latitude, x/y, 经度/纬度).',
  importCsvNoLatColumn:
    'No latitude column found (longitude is "{found}"); columns are: {columns}. Name it lat, latitude, y or 纬度.',
  importCsvNoLonColumn:
    'No longitude column found (latitude is "{found}"); columns are: {columns}. Name it lon, lng, longitude, x or 经度.',
  importCsvNoRows: 'The CSV has a header row but no data rows.',
  importDroppedNullGeometry: 'Skipped {n} feature(s) without a geometry.',
  importDroppedGeometryCollection: 'Skipped {n} GeometryCollection feature(s) (not supported).',
  importDroppedUnsupported: 'Skipped {n} item(s) that are not supported features ({types}).',
  importDroppedBadCoords: 'Skipped {n} feature(s) with invalid coordinates.',
  importDroppedRows: 'Skipped {n} row(s) without valid coordinates (first: row {row}).',
  importUnclosedQuote: 'Row {row}: a quote (") is never closed; the rest of the file may have been read as one value.',
  importHintSwapped:
    'The values look swapped: latitude where longitude should be (e.g. {example}); longitude comes first.',
  importHintProjected:
    'The values look like projected coordinates in metres (e.g. {example}), not longitude/latitude; re-export in WGS 84 (EPSG:4326).',
  // Follows importHintProjected directly, so it brings its own leading space (Chinese needs none).
  importHintDeclaredCrs: ' The file declares the coordinate system "{crs}".',
  importHintRange: 'Longitude must be between -180 and 180 and latitude between -90 and 90 (found {example}).',
  importHintNan: 'Some coordinates are missing or not numbers.',
  importTruncatedStrings: '{n} value(s) longer than {max} characters were shortened.',
  importTruncatedKeys: '{n} property name(s) longer than {max} characters were shortened.',
  importDroppedUnsafeKeys: 'Ignored {n} property(ies) named __proto__, constructor or prototype.',
  importTooManyKeys: '{n} feature(s) have more than {max} properties; only the first {max} were kept.',
  importTooManyDistinctKeys: 'There are more than {max} different property names; only the first {max} are listed.',
};
