// 繁體 as written in Taiwan, where OpenCC's conversion of the Simplified text (cn → twp, phrases
// included) still reads as mainland usage. Every other message is converted. Keys only from
// messages.ts: one message system, with per-language text where conversion is not enough.
import type { MessageKey } from './messages.ts';

export const ZH_HANT_OVERRIDES: Partial<Record<MessageKey, string>> = {
  // OpenCC turns 文件 (a plan document) into 檔案 (a computer file), and 来源文件 into 來原始檔.
  briefSources: '來源文件',
  logisticsCaveat: '直線距離，指向規劃文件中提到的設施，並非現有的全部設施。',
};
