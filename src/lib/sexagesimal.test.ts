import { describe, expect, it } from 'vitest';
import { formatDecDeg, formatDeg, formatHoursDuration, formatRaHours, parseDecDeg, parseRaHours } from './sexagesimal';

describe('formatting', () => {
  it('formats RA hours as h m s and wraps into [0, 24)', () => {
    expect(formatRaHours(5.575555)).toBe('05h 34m 32s');
    expect(formatRaHours(-1)).toBe('23h 00m 00s');
    expect(formatRaHours(23.99999999)).toBe('00h 00m 00s');
  });

  it('carries rounded seconds into minutes', () => {
    expect(formatDecDeg(10 + 59 / 60 + 59.9999 / 3600)).toBe('+11° 00′ 00″');
  });

  it('signs declinations, including small negative ones', () => {
    expect(formatDecDeg(22.0144)).toBe('+22° 00′ 52″');
    expect(formatDecDeg(-0.5)).toBe('−00° 30′ 00″');
  });

  it('formats plain degrees and durations', () => {
    expect(formatDeg(123.5)).toBe('123° 30′ 00″');
    expect(formatHoursDuration(1.5)).toBe('1h 30m');
    expect(formatHoursDuration(-0.25)).toBe('−0h 15m');
  });

  it('shows a dash for values NINA could not give', () => {
    expect(formatRaHours(Number.NaN)).toBe('—');
    expect(formatDecDeg(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('parsing', () => {
  it('reads RA in the forms people type', () => {
    for (const text of ['5 34 32', '05:34:32', '5h34m32s', '05h 34m 32s', '5h 34.533333333m']) {
      const parsed = parseRaHours(text);
      expect(parsed.ok && parsed.value).toBeCloseTo(5 + 34 / 60 + 32 / 3600, 9);
    }
    expect(parseRaHours('5.5')).toEqual({ ok: true, value: 5.5 });
    expect(parseRaHours('5,5')).toEqual({ ok: true, value: 5.5 });
  });

  it('reads hours and minutes without seconds', () => {
    expect(parseRaHours('5h 30m')).toEqual({ ok: true, value: 5.5 });
    expect(parseDecDeg('-5° 30′')).toEqual({ ok: true, value: -5.5 });
  });

  it('rejects RA out of range or garbled, with a reason', () => {
    expect(parseRaHours('25h 00m')).toMatchObject({ ok: false, error: 'Right ascension must be between 0h and 24h' });
    expect(parseRaHours('5.5 30')).toMatchObject({ ok: false });
    expect(parseRaHours('5 30 20 10')).toMatchObject({ ok: false });
    expect(parseRaHours('24')).toMatchObject({ ok: false });
    expect(parseRaHours('5 61 00')).toMatchObject({ ok: false });
    expect(parseRaHours('abc')).toMatchObject({ ok: false, error: expect.stringContaining('not a right ascension') });
    expect(parseRaHours('')).toMatchObject({ ok: false });
  });

  it('reads signed declinations', () => {
    const south = parseDecDeg('-05:23:28');
    expect(south.ok && south.value).toBeCloseTo(-(5 + 23 / 60 + 28 / 3600), 9);
    const north = parseDecDeg('+22° 00′ 52″');
    expect(north.ok && north.value).toBeCloseTo(22 + 52 / 3600, 9);
    expect(parseDecDeg('−12.5')).toEqual({ ok: true, value: -12.5 });
  });

  it('rejects declinations beyond the poles', () => {
    expect(parseDecDeg('91')).toMatchObject({ ok: false, error: expect.stringContaining('between') });
    expect(parseDecDeg('-90 30 00')).toMatchObject({ ok: false });
  });
});
