import { describe, expect, it } from 'vitest';
import { fromInputCoordinates, toInputCoordinates } from './coordinates';
import { formatDecDeg, formatRaHours, parseDecDeg, parseRaHours } from './sexagesimal';

const parsed = (result: ReturnType<typeof parseRaHours>): number => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('toInputCoordinates / fromInputCoordinates', () => {
  it('splits the seed’s FAKE-01 position (RA 21h44m48.408s, Dec −11°08′52.08″) and joins it again', () => {
    const raHours = parsed(parseRaHours('21h44m48.408s'));
    const decDeg = parsed(parseDecDeg('−11°08′52.08″'));
    expect(raHours).toBeCloseTo(21 + 44 / 60 + 48.408 / 3600, 12);
    expect(decDeg).toBeCloseTo(-(11 + 8 / 60 + 52.08 / 3600), 12);

    const parts = toInputCoordinates(raHours, decDeg);
    expect(parts).toEqual({ raHours: 21, raMinutes: 44, raSeconds: 48.408, negativeDec: true, decDegrees: -11, decMinutes: 8, decSeconds: 52.08 });

    const back = fromInputCoordinates(parts);
    expect(back.raHours).toBeCloseTo(raHours, 9);
    expect(back.decDeg).toBeCloseTo(decDeg, 9);
    expect(formatRaHours(back.raHours, 3)).toBe('21h 44m 48.408s');
    expect(formatDecDeg(back.decDeg, 2)).toBe('−11° 08′ 52.08″');
  });

  it('keeps the sign of a declination just below 0° in NegativeDec, since DecDegrees is 0', () => {
    const parts = toInputCoordinates(6, -0.25 / 3600);
    expect(parts).toMatchObject({ negativeDec: true, decDegrees: 0, decMinutes: 0, decSeconds: 0.25 });
    expect(Object.is(parts.decDegrees, -0)).toBe(false);
    expect(fromInputCoordinates(parts).decDeg).toBeCloseTo(-0.25 / 3600, 12);

    const halfDegree = toInputCoordinates(6, -0.5);
    expect(halfDegree).toMatchObject({ negativeDec: true, decDegrees: 0, decMinutes: 30, decSeconds: 0 });
    expect(fromInputCoordinates(halfDegree).decDeg).toBe(-0.5);
  });

  it('drops the sign of a declination that rounds to exactly 0°', () => {
    expect(toInputCoordinates(6, -0.001 / 3600)).toMatchObject({ negativeDec: false, decDegrees: 0, decMinutes: 0, decSeconds: 0 });
  });

  it('wraps an RA that rounds up to 24h to 0h, and keeps one just below it', () => {
    expect(toInputCoordinates(24 - 0.0001 / 3600, 10)).toMatchObject({ raHours: 0, raMinutes: 0, raSeconds: 0 });
    expect(toInputCoordinates(23 + 59 / 60 + 59.998 / 3600, 10)).toMatchObject({ raHours: 23, raMinutes: 59, raSeconds: 59.998 });
    expect(toInputCoordinates(-1, 10)).toMatchObject({ raHours: 23, raMinutes: 0, raSeconds: 0 });
  });

  it('carries seconds that round up to 60 into the minutes and the hours or degrees', () => {
    expect(toInputCoordinates(1 + 59 / 60 + 59.9996 / 3600, 0)).toMatchObject({ raHours: 2, raMinutes: 0, raSeconds: 0 });
    expect(toInputCoordinates(5 + 14 / 60 + 59.9999 / 3600, 0)).toMatchObject({ raHours: 5, raMinutes: 15, raSeconds: 0 });
    expect(toInputCoordinates(0, 10 + 59 / 60 + 59.996 / 3600)).toMatchObject({ decDegrees: 11, decMinutes: 0, decSeconds: 0 });
    expect(toInputCoordinates(0, -(10 + 59 / 60 + 59.996 / 3600))).toMatchObject({ negativeDec: true, decDegrees: -11, decMinutes: 0, decSeconds: 0 });
  });

  it('reads a sign carried by DecDegrees alone, as hand-written files have it', () => {
    expect(fromInputCoordinates({ raHours: 0, raMinutes: 0, raSeconds: 0, negativeDec: false, decDegrees: -5, decMinutes: 30, decSeconds: 0 }).decDeg).toBe(-5.5);
  });

  it('handles the poles and refuses what is not a position', () => {
    expect(toInputCoordinates(0, 90)).toMatchObject({ decDegrees: 90, decMinutes: 0, decSeconds: 0 });
    expect(toInputCoordinates(0, -90)).toMatchObject({ negativeDec: true, decDegrees: -90 });
    expect(() => toInputCoordinates(0, 91)).toThrow(RangeError);
    expect(() => toInputCoordinates(Number.NaN, 0)).toThrow(RangeError);
  });
});
