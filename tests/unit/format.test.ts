import { describe, expect, it } from 'vitest';
import { formatInteger } from '../../src/i18n/format.ts';

describe('formatInteger', () => {
  it('writes every count as Intl writes it in en-US, the small ones included', () => {
    const intl = new Intl.NumberFormat('en-US');
    const samples = [
      ...Array.from({ length: 2100 }, (_, i) => i),
      9_999,
      10_000,
      50_001,
      123_456_789,
      -1,
      -999,
      -1_000,
      0.5,
      999.5,
    ];
    for (const n of samples) expect(formatInteger(n), String(n)).toBe(intl.format(n));
  });

  it('groups thousands', () => {
    expect(formatInteger(1_000)).toBe('1,000');
    expect(formatInteger(100_000)).toBe('100,000');
  });
});
