import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatDouble, formatFloat, formatTimeSpan } from './net-format';

describe('formatDouble (.NET Core double.ToString())', () => {
  it.each([
    [1, '1'],
    [0.78, '0.78'],
    [0.1 + 0.2, '0.30000000000000004'],
    [0.0001, '0.0001'],
    [0.00001, '1E-05'],
    [0.000032, '3.2E-05'],
    [-2.25e-7, '-2.25E-07'],
    [1e14, '100000000000000'],
    [1e15, '1E+15'],
    [123456789012345680000, '1.2345678901234568E+20'],
    [-0, '-0'],
    [5e-324, '5E-324'],
  ])('%s → %s', (value, text) => {
    expect(formatDouble(value)).toBe(text);
  });
});

describe('formatFloat (.NET Core float.ToString())', () => {
  it.each([
    [0.1, '0.1'],
    [92.31, '92.31'],
    [1e7, '1E+07'],
    [3.4028234663852886e38, '3.4028235E+38'],
  ])('%s → %s', (value, text) => {
    expect(formatFloat(value)).toBe(text);
  });
});

describe('formatTimeSpan (the "c" format)', () => {
  it('writes seven fractional digits when there is a fraction, as in the AF report Duration', () => {
    expect(formatTimeSpan(83_456)).toBe('00:01:23.4560000');
  });

  it('writes days, a sign and no fraction when whole', () => {
    expect(formatTimeSpan(90_061_001.5)).toBe('1.01:01:01.0015000');
    expect(formatTimeSpan(-60_000)).toBe('-00:01:00');
  });
});

describe('formatDateTime', () => {
  let savedTimeZone: string | undefined;
  beforeEach(() => {
    savedTimeZone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
  });
  afterEach(() => {
    process.env.TZ = savedTimeZone;
  });

  it('writes local time with the process offset and trims trailing zeros, like the spec example', () => {
    const instant = Date.UTC(2025, 6, 20, 7, 43, 44, 351) + 0.798;
    expect(formatDateTime(instant, 'local')).toBe('2025-07-20T09:43:44.351798+02:00');
  });

  it('writes Z for UTC, nothing for Unspecified and no fraction for whole seconds', () => {
    const instant = Date.UTC(2025, 0, 5, 22, 0, 0);
    expect(formatDateTime(instant, 'utc')).toBe('2025-01-05T22:00:00Z');
    expect(formatDateTime(instant, 'local')).toBe('2025-01-05T23:00:00+01:00');
    expect(formatDateTime(instant, 'unspecified')).toBe('2025-01-05T22:00:00');
  });
});
