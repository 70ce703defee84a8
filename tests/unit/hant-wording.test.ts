// No mainland-only term in the 繁體 interface. Every message is rendered exactly as the app renders
// it for 繁體 (OpenCC cn → twp, or Taiwan's own wording from messages-zh-hant.ts), and so are the
// kind and precision labels and the industry labels of data/industries.json; none may contain a term
// that a reader in Taiwan knows as mainland usage, or a phrase that the converter misreads.
//
// Taiwan equivalents follow the Ministry of Education's dictionaries and the zh-TW terminology of
// Microsoft, Apple and the GIS tools (QGIS, ArcGIS) that Taiwan's readers use. A word that is normal
// in Taiwan in another sense is forbidden only in the sense that is not: through `allowed` phrases,
// a pattern narrow enough to name the sense, or `whereEnglish` (the rule applies only where the
// message's English says what the word means here).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { KIND_LABELS, MESSAGES, PRECISION_LABELS, type MessageKey } from '../../src/i18n/messages.ts';
import { ZH_HANT_OVERRIDES } from '../../src/i18n/messages-zh-hant.ts';
import { loadHantConverter, template, useHantConverter, type Convert } from '../../src/i18n/translate.ts';

interface MainlandTerm {
  /** What must not appear in the rendered 繁體 text. */
  pattern: RegExp;
  /** What Taiwan writes instead. */
  taiwan: string;
  /** A mainland phrase the rule must catch, and Taiwan's wording of it, which it must let through. */
  sample: [mainland: string, taiwan: string];
  /** Phrases with the same characters that are normal in Taiwan (removed before matching). */
  allowed?: string[];
  /** The rule applies only where the English of the same text matches (the word's sense here). */
  whereEnglish?: RegExp;
}

/** A plain term, forbidden wherever it appears. */
const word = (mainland: string, taiwan: string, allowed?: string[]): MainlandTerm => ({
  pattern: new RegExp(mainland),
  taiwan,
  sample: [mainland, taiwan],
  ...(allowed ? { allowed } : {}),
});

const TERMS: MainlandTerm[] = [
  // ---- computing and interface vocabulary ----
  word('搜索', '搜尋'),
  word('軟件', '軟體'),
  word('硬件', '硬體'),
  // 信息 is information (資訊) or a message (訊息) in Taiwan; never 信息.
  word('信息', '資訊'),
  // Data in an interface are 資料; 數據 is said in Taiwan of figures and statistics, and 大數據 is
  // as common there as 巨量資料.
  word('數據', '資料', ['大數據', '統計數據', '數據顯示']),
  word('數據庫', '資料庫'),
  // In Taiwan 導入 is to introduce or adopt (導入制度) and 導出 to derive; a file is 匯入／匯出.
  // The app's text uses both only of files.
  word('導入', '匯入'),
  word('導出', '匯出'),
  // A file is 檔案 in Taiwan, a 文件 is a document (Word 文件、規劃文件). twp turns every 文件
  // into 檔案, so the risk in 繁體 is the reverse: the plan documents called 檔案 (a computer file,
  // or an archive). The phrases name the plan-document sense the app's text has.
  {
    pattern: /(規劃|本|該|其他|政府)檔案|檔案(未指明|未寫明|原文|篩選|條款)/,
    taiwan: '文件（規劃文件）',
    sample: ['五份規劃檔案', '五份規劃文件'],
  },
  // …and 文件 where it does mean a computer file (in Taiwan's own wording, should any be written).
  {
    pattern:
      /文件(夾|名|大小|格式)|(CSV|JSON|KML|KMZ|GPX|XML|資料|數據|壓縮) ?文件|(選擇|打開|開啟|儲存|保存|上傳)文件/,
    taiwan: '檔案',
    sample: ['選擇文件', '選擇檔案'],
  },
  // 程序 is a procedure in Taiwan (法律程序); a computer program is 程式.
  word('程序', '程式', ['法律程序', '行政程序', '法定程序', '審批程序', '作業程序']),
  word('默認', '預設'),
  word('視頻', '影片'),
  word('網絡', '網路'),
  // 質量 is mass (physics) in Taiwan; quality is 品質.
  word('質量', '品質'),
  word('鼠標', '滑鼠'),
  word('打印', '列印'),
  word('字符', '字元'),
  word('字節', '位元組'),
  // Plain text is 文字 (純文字、文字檔); 文本 is the text of a treaty or a law.
  word('文本', '文字', ['規劃文本', '法律文本', '條約文本']),
  // A GIS feature is 圖徵 (QGIS and ArcGIS zh-TW); 要素 is a factor (生產要素).
  word('要素', '圖徵', ['生產要素', '市場要素']),
  word('數組', '陣列'),
  // An object (JSON, programming) is 物件; 對象 is a person or target (投資對象).
  word('對象', '物件', ['投資對象', '服務對象', '合作對象']),
  // Rows and columns: on the mainland 行 is a row and 列 a column; in Taiwan 列 is a row, 欄 (欄位)
  // a column, and 行 a line of text (第 3 行 of a JSON file is right in both).
  {
    pattern: /\{column\} 列/,
    taiwan: '第 {column} 個字元（行內位置）',
    sample: ['第 {line} 行第 {column} 列', '第 {line} 行第 {column} 個字元'],
  },
  {
    pattern: /[經緯]度列|列名|(現有|所有)的列|將列|[此該每]列/,
    taiwan: '欄、欄位',
    sample: ['未找到經度/緯度列', '找不到經度／緯度欄位'],
    whereEnglish: /\bcolumns?\b/i,
  },
  {
    pattern: /\{(row|n)\} 行|(資料|數據|標題)行|第一行/,
    taiwan: '列',
    sample: ['已跳過 {n} 行（第 {row} 行）', '已略過 {n} 列（第 {row} 列）'],
    whereEnglish: /\brows?\b/i,
  },
  word('表頭', '標題列'),
  { pattern: /[升降]序/, taiwan: '遞增／遞減', sample: ['按此欄降序排列', '依此欄遞減排序'] },
  word('屏幕', '螢幕'),
  word('菜單', '選單'),
  // 登錄 is to register or record in Taiwan (登錄資料); to log in is 登入.
  { pattern: /登錄/, taiwan: '登入', sample: ['登錄頁', '登入頁'], whereEnglish: /log-? ?in|sign-? ?in/i },
  word('點擊', '點選、按一下', ['點擊率']),
  // 載入 is Taiwan's own word; 加載 is not.
  word('加載', '載入'),
  word('服務器', '伺服器'),
  word('用戶', '使用者'),
  word('鏈接', '連結'),
  // 地址 alone is a postal address, as in Taiwan; a web address is 網址.
  { pattern: /(網頁|網站|網絡|網路|鏈接|連結|URL) ?地址/, taiwan: '網址', sample: ['網頁地址', '網址'] },
  word('界面', '介面'),
  word('文件夾', '資料夾'),
  word('緩存', '快取'),
  word('視圖', '檢視'),
  word('跳轉', '前往、跳至'),
  word('轉義', '跳脫'),
  word('工作簿', '活頁簿'),
  word('壓縮包', '壓縮檔'),
  word('在線', '線上'),
  word('刷新', '重新整理'),
  word('分辨率', '解析度'),
  word('存儲', '儲存'),
  word('信號', '訊號'),
  // "Unexpected token": 非預期的; 意外 in Taiwan is an accident.
  { pattern: /意外的(字|符|標記)/, taiwan: '非預期的', sample: ['意外的字元', '非預期的字元'] },
  // A metre is 公尺 in Taiwan (米 is rice).
  { pattern: /以米|米為單位/, taiwan: '公尺', sample: ['以米為單位', '以公尺為單位'] },
  // Taiwan quotes with 「」 and 『』.
  { pattern: /[“”‘’]/, taiwan: '「」『』', sample: ['已載入“甲”', '已載入「甲」'] },
  // 當前 reads as mainland in an interface; Taiwan's interfaces say 目前.
  word('當前', '目前'),
  // ---- the converter's misreadings ----
  // twp reads 最多只能 as 最多隻能 (隻 is a measure word for animals).
  word('隻能', '只能'),
  // twp turns 二进制 into 二進位制; binary is 二進位.
  word('二進位制', '二進位'),
  // twp reads 来源文件 (source documents) as 來 + 原始檔 (a source-code file).
  word('來原始檔', '來源文件'),
  // twp turns every 类型 into 型別, a programming language's data type; a kind of place or of geometry
  // is 類型.
  { pattern: /型別/, taiwan: '類型', sample: ['型別', '類型'], whereEnglish: /\bkinds?\b|geometry/i },
  // twp turns 发布 into 釋出 (a software release); a document is issued: 發布.
  word('釋出', '發布'),
  // ---- industries and technology ----
  word('集成', '積體、整合'),
  word('芯片', '晶片'),
  word('激光', '雷射'),
  word('互聯網', '網際網路'),
  word('智能', '智慧', ['智能障礙']),
  word('雲計算', '雲端運算'),
  {
    pattern: /數字(化|經濟|技術|內容|媒體|產業|貿易|創意|電視)/,
    taiwan: '數位',
    sample: ['數字經濟', '數位經濟'],
  },
  word('通信', '通訊', ['通信地址', '通信處']),
  { pattern: /移動(通信|通訊|互聯網|網路|支付|終端|電話)/, taiwan: '行動', sample: ['移動支付', '行動支付'] },
  word('寬帶', '寬頻'),
  word('光伏', '太陽光電'),
  word('納米', '奈米'),
  word('傳感', '感測'),
  word('塑料', '塑膠'),
  word('集裝箱', '貨櫃'),
  word('醫療器械', '醫療器材'),
  word('零部件', '零組件'),
  word('摩托車', '機車'),
  word('航天', '航太'),
  word('等離子', '電漿'),
  word('孵化器', '育成中心'),
  word('高端', '高階'),
];

/** The mainland terms in `text` (its English tells a word's sense where a rule asks). */
function mainlandTerms(text: string, english: string): string[] {
  const found: string[] = [];
  for (const t of TERMS) {
    if (t.whereEnglish && !t.whereEnglish.test(english)) continue;
    const rest = (t.allowed ?? []).reduce((s, phrase) => s.replaceAll(phrase, '□'), text);
    const m = t.pattern.exec(rest);
    if (m) found.push(`${m[0]} → ${t.taiwan}`);
  }
  return found;
}

interface Rendered {
  where: string;
  text: string;
  english: string;
}

interface IndustryLabel {
  id: string;
  zh_hant: string;
  en: string;
}
const taxonomy = JSON.parse(readFileSync('data/industries.json', 'utf8')) as {
  groups: IndustryLabel[];
  industries: IndustryLabel[];
};

let convert: Convert;
beforeAll(async () => {
  await loadHantConverter();
  const loaded = useHantConverter.getState().convert;
  if (!loaded) throw new Error('the 繁體 converter did not load');
  convert = loaded;
});

/** Everything the 繁體 interface shows of the app's own text, as the app renders it. */
function renderedHant(): Rendered[] {
  const keys = Object.keys(MESSAGES.zh) as MessageKey[];
  return [
    ...keys.map((key) => ({
      where: `messages.${key}`,
      text: template('zh-Hant', convert, key),
      english: MESSAGES.en[key],
    })),
    ...Object.entries(KIND_LABELS).map(([k, l]) => ({ where: `KIND_LABELS.${k}`, text: convert(l.zh), english: l.en })),
    ...Object.entries(PRECISION_LABELS).map(([k, l]) => ({
      where: `PRECISION_LABELS.${k}`,
      text: convert(l.zh),
      english: l.en,
    })),
    ...taxonomy.groups.map((g) => ({ where: `industry group ${g.id}`, text: g.zh_hant, english: g.en })),
    ...taxonomy.industries.map((i) => ({ where: `industry ${i.id}`, text: i.zh_hant, english: i.en })),
  ];
}

const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

describe('the list of mainland terms', () => {
  test.each(TERMS.map((t) => [t.sample[0], t.sample[1], t] as const))(
    'catches %s and lets %s through',
    (mainland, taiwan, t) => {
      // The sample is read in the sense the rule names: its English is the rule's own condition.
      const english = t.whereEnglish ? 'row column kind log in' : '';
      expect(mainlandTerms(mainland, english).length).toBeGreaterThan(0);
      expect(t.pattern.test(taiwan)).toBe(false);
      for (const phrase of t.allowed ?? []) expect(mainlandTerms(phrase, english)).toEqual([]);
    },
  );
});

describe('繁體 as written in Taiwan', () => {
  test('the converter gives Taiwan phrases, not just Traditional characters', () => {
    expect(convert('搜索软件信息')).toBe('搜尋軟體資訊');
  });

  test('no rendered text has a mainland-only term', () => {
    const texts = renderedHant();
    expect(texts.length).toBeGreaterThan(Object.keys(MESSAGES.zh).length);
    const offences = texts.flatMap(({ where, text, english }) => {
      const terms = mainlandTerms(text, english);
      return terms.length ? [`${where}: «${text}» has ${terms.join(', ')}`] : [];
    });
    expect(offences).toEqual([]);
  });

  test("Taiwan's own wording keeps every placeholder of the message", () => {
    for (const [key, text] of Object.entries(ZH_HANT_OVERRIDES) as [MessageKey, string][])
      expect(placeholders(text), key).toEqual(placeholders(MESSAGES.zh[key]));
  });

  test("Taiwan's own wording is written only where the conversion reads as mainland usage", () => {
    for (const key of Object.keys(ZH_HANT_OVERRIDES) as MessageKey[])
      expect(mainlandTerms(convert(MESSAGES.zh[key]), MESSAGES.en[key]), key).not.toEqual([]);
  });
});
