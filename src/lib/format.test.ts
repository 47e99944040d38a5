import { describe, expect, it } from 'vitest';
import { clockTickFormatter, formatInteger, formatNumber, formatSigned } from './format';

describe('format', () => {
  it('shows a dash for values NINA sends as "NaN" or omits', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatSigned(Number.NEGATIVE_INFINITY)).toBe('—');
    expect(formatInteger(null)).toBe('—');
  });

  it('uses a true minus and never shows −0.0', () => {
    expect(formatSigned(-10.24)).toBe('−10.2');
    expect(formatSigned(-0.01)).toBe('0.0');
    expect(formatSigned(3)).toBe('3.0');
  });

  it('groups thousands in integers', () => {
    expect(formatInteger(12345.4)).toBe('12,345');
  });
});

describe('clockTickFormatter', () => {
  it('shows seconds only on short spans', () => {
    const at = new Date(2026, 0, 1, 22, 5, 9).getTime();
    expect(clockTickFormatter(60_000)(at)).toBe('22:05:09');
    expect(clockTickFormatter(3_600_000)(at)).toBe('22:05');
  });
});
