import { describe, expect, it } from 'vitest';
import { j2000ToJNow, jNowToJ2000, julianDate } from './precession';

describe('precession', () => {
  it('reproduces Meeus example 21.b (θ Persei, J2000 → 2028 Nov 13.19 TD) within 1.5″', () => {
    // Meeus gives α = 2h 46m 11.331s, δ = +49° 20′ 54.54″ at JD 2462088.69 from α0 = 2h 44m 11.986s, δ0 = +49° 13′ 42.48″
    // (proper motion applied first; we start from his moved position).
    const epochMs = (2462088.69 - 2440587.5) * 86_400_000;
    expect(julianDate(epochMs)).toBeCloseTo(2462088.69, 6);
    const moved = { raHours: 2 + 44 / 60 + 12.975 / 3600, decDeg: 49 + 13 / 60 + 39.9 / 3600 };
    const now = j2000ToJNow(moved, epochMs);
    expect(now.raHours * 3600 * 15).toBeCloseTo((2 + 46 / 60 + 11.331 / 3600) * 3600 * 15, -0.5);
    expect(now.decDeg * 3600).toBeCloseTo((49 + 20 / 60 + 54.54 / 3600) * 3600, -0.5);
  });

  it('round-trips JNow → J2000 → JNow to well under an arcsecond, across the sky', () => {
    const epochMs = Date.UTC(2026, 10, 20);
    for (const raHours of [0.01, 5.5, 12, 18.2, 23.99]) {
      for (const decDeg of [-80, -11.15, 0, 22, 85]) {
        const back = j2000ToJNow(jNowToJ2000({ raHours, decDeg }, epochMs), epochMs);
        expect(Math.abs(back.decDeg - decDeg) * 3600).toBeLessThan(0.01);
        const dRa = Math.abs(((back.raHours - raHours + 36) % 24) - 12) * 15 * 3600 * Math.cos((decDeg * Math.PI) / 180);
        expect(dRa).toBeLessThan(0.01);
      }
    }
  });

  it('moves a star by about a third of a degree between 2000 and 2026', () => {
    const now = j2000ToJNow({ raHours: 5.5, decDeg: 0 }, Date.UTC(2026, 0, 1));
    expect((now.raHours - 5.5) * 15).toBeGreaterThan(0.3);
    expect((now.raHours - 5.5) * 15).toBeLessThan(0.4);
  });
});
