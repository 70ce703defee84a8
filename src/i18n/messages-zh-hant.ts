// 繁體 as written in Taiwan, where OpenCC's conversion of the Simplified text (cn → twp, phrases
// included) still reads as mainland usage. Every other message is converted. Keys only from
// messages.ts: one message system, with per-language text where conversion is not enough.
import type { MessageKey } from './messages.ts';

export const ZH_HANT_OVERRIDES: Partial<Record<MessageKey, string>> = {};
