// 繁體 as written in Taiwan, where OpenCC's conversion of the Simplified text (cn → twp, phrases
// included) still reads as mainland usage. Every other message is converted. Keys only from
// messages.ts: one message system, with per-language text where conversion is not enough.
// tests/unit/hant-wording.test.ts lists the terms and checks that each entry here is needed.
//
// What conversion gets wrong here: twp turns every 文件 into 檔案, so the plan documents (規劃文件)
// read as computer files; 类型 becomes 型別 (a programming data type) and 发布 becomes 釋出 (a
// software release). In the own-layer messages (the wording of the app's earlier hand-written
// 繁體): Taiwan's 列 is a row and 欄／欄位 a column (the mainland's 行 and 列), a GIS feature is a
// 圖徵, a metre a 公尺, plain text 文字, and quotes are 「」.
import type { MessageKey } from './messages.ts';

export const ZH_HANT_OVERRIDES: Partial<Record<MessageKey, string>> = {
  subtitle: '五份規劃文件中的產業空間佈局與原文條款',
  kinds: '類型',
  documents: '規劃文件',
  kind: '類型',
  noIndustry: '文件未指明產業（僅規定功能定位）',
  notStated: '文件未寫明',
  projectTranslation: '本專案的英譯，非文件原文',
  issued: '發布日期',
  otherClauses: '本文件中其他有地點的條款已標出，點選即可前往相應地點。',
  sortColumn: '依此欄遞減排序',
  appliedFilters: '目前的類型和文件篩選同樣適用於此處。',
  plansIntro: '各產業出現在哪份規劃（及規劃期）中：數字為該文件條款規劃該產業的地點數。',
  overlapIntro: '同一產業在多處同時規劃的情況（2011年外經貿規劃自身指出各市「同質化、低層次競爭」問題）。',
  plansNoMap:
    '地圖的產業＋文件篩選會多出 {n} 個地點（它們有該產業，但出自其他文件的條款），因此這裡只列出本文件的地點和條款。',
  exportIntro: '匯出目前篩選的地點、對比矩陣或地圖圖片；或疊加您自己的地點資料（僅在本瀏覽器中處理，不會上傳）。',
  dropHere: '將 GeoJSON 或 CSV 檔案（含經度、緯度欄位）拖放到此處，或',
  layerLoaded: '已載入「{name}」：{n} 個圖徵',
  // ---- own layer ----
  importBinary: '這是{format}，不是 GeoJSON 或 CSV。請將資料匯出為 GeoJSON，或含經度、緯度欄位的 CSV（UTF-8）。',
  // Big5 is what a Traditional-Chinese Excel in Taiwan saves CSV as, so it is named first.
  importNotUtf8:
    '檔案不是 UTF-8 文字（可能是 Big5 或 GBK/ANSI 編碼，Excel 儲存 CSV 時常見）。請另存為「CSV UTF-8」後再試。',
  importFormatUnknown: '二進位檔案',
  importFormatXlsx: ' Excel 活頁簿',
  importFormatZip: ' ZIP 壓縮檔',
  // {column} counts characters along the line, which Taiwan's editors call 字元, not 欄.
  importJsonSyntax: '第 {line} 行第 {column} 個字元：不是有效的 JSON（{problem}）。',
  importJsonChar: '非預期的字元 {char}',
  importJsonEscape: '字串中的 \\ 跳脫無效',
  importJsonTooDeep: '第 {line} 行第 {column} 個字元：JSON 巢狀超過 {max} 層，GeoJSON 不會用到這麼深的巢狀結構。',
  importNotGeoJsonType: '這個 JSON 不是 GeoJSON："type" 為 "{type}"，應為 FeatureCollection、Feature 或幾何類型。',
  importTooManyFeatures: '檔案含 {n} 個圖徵，最多只能顯示 {max} 個。請拆分或精簡後再試。',
  importNoFeatures: '檔案中沒有任何圖徵。',
  importCsvNoHeader: '第一列必須是標題列（欄位名稱，如 lon、lat、name），但它看起來是資料（{sample}）。',
  importCsvNoCoordColumns:
    '找不到經度／緯度欄位；現有的欄位：{columns}。請將欄位命名為 lon 和 lat（或 longitude/latitude、x/y、經度/緯度）。',
  importCsvNoLatColumn:
    '找不到緯度欄位（經度欄位為「{found}」）；現有的欄位：{columns}。請命名為 lat、latitude、y 或 緯度。',
  importCsvNoLonColumn:
    '找不到經度欄位（緯度欄位為「{found}」）；現有的欄位：{columns}。請命名為 lon、lng、longitude、x 或 經度。',
  importCsvNoRows: 'CSV 只有標題列，沒有資料列。',
  importDroppedNullGeometry: '已略過 {n} 個沒有幾何的圖徵。',
  importDroppedGeometryCollection: '已略過 {n} 個 GeometryCollection 圖徵（不支援）。',
  importDroppedBadCoords: '已略過 {n} 個座標無效的圖徵。',
  importDroppedRows: '已略過 {n} 列沒有有效座標的資料（第一處：第 {row} 列）。',
  importUnclosedQuote: '第 {row} 列：引號（"）沒有結束，檔案其餘部分可能被讀成了一個值。',
  importHintProjected:
    '數值看起來是以公尺為單位的投影座標（例如 {example}），而不是經緯度；請以 WGS 84（EPSG:4326）重新匯出。',
  importHintDeclaredCrs: '檔案宣告的座標系統為「{crs}」。',
  importTooManyKeys: '有 {n} 個圖徵的屬性超過 {max} 個，只保留了前 {max} 個。',
  matrixRowNote: '一個地點跨兩個地市時，在每個地市各計一次；「合計」中只計一次，因此各地市之和可能大於合計。',
  pngFootnote: '底圖：Natural Earth；echarts 地圖資料。地點與產業依據所列規劃文件',
  // OpenCC turns 文件 (a plan document) into 檔案 (a computer file), and 来源文件 into 來原始檔.
  briefSources: '來源文件',
  logisticsCaveat: '直線距離，指向規劃文件中提到的設施，並非現有的全部設施。',
};
