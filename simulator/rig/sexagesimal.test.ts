import { describe, expect, it } from 'vitest';
import { degreesToDms, hoursToHms } from './sexagesimal';

describe("NINA's sexagesimal strings (AstroUtil.HoursToHMS / DegreesToDMS)", () => {
  it('writes hours as HH:MM:SS', () => {
    expect(hoursToHms(5 + 34 / 60 + 31 / 3600)).toBe('05:34:31');
    expect(hoursToHms(24)).toBe('24:00:00');
  });

  it('writes degrees with °, \' and " and no plus sign', () => {
    expect(degreesToDms(22 + 52 / 3600)).toBe(`22° 00' 52"`);
    expect(degreesToDms(103.4217)).toBe(`103° 25' 18"`);
  });

  it('puts a minus sign in front of negative values', () => {
    expect(degreesToDms(-(5 + 23 / 60 + 28 / 3600))).toBe(`-05° 23' 28"`);
  });

  it('carries a second rounded up to 60 into the minutes and hours', () => {
    expect(hoursToHms(1 - 0.1 / 3600)).toBe('01:00:00');
  });

  it('rounds half-seconds to even like .NET Math.Round', () => {
    expect(hoursToHms(0.5 / 3600)).toBe('00:00:00');
    expect(hoursToHms(1.5 / 3600)).toBe('00:00:02');
  });
});
