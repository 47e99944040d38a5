import { describe, expect, it } from 'vitest';
import { StarCatalogue } from './star-catalogue';
import { galacticLatitudeDeg, gnomonic, inverseGnomonic, j2000ToJnow, jnowToJ2000, separationDeg } from './sky';

describe('sky geometry and the star catalogue', () => {
  it('precesses by about 50" a year and back', () => {
    const epochMs = Date.UTC(2025, 0, 1);
    const j2000 = { raDeg: 83.822, decDeg: -5.391 };
    const now = j2000ToJnow(j2000, epochMs);
    expect(separationDeg(j2000, now) * 3600).toBeGreaterThan(25 * 15);
    expect(separationDeg(j2000, now) * 3600).toBeLessThan(25 * 55);
    const back = jnowToJ2000(now, epochMs);
    expect(separationDeg(j2000, back) * 3600).toBeLessThan(0.01);
  });

  it('projects and unprojects on the tangent plane', () => {
    const center = { raDeg: 10.68, decDeg: 41.27 };
    const star = { raDeg: 11.2, decDeg: 40.9 };
    const projected = gnomonic(center, star);
    expect(projected).not.toBeNull();
    const back = inverseGnomonic(center, projected?.xi ?? 0, projected?.eta ?? 0);
    expect(separationDeg(star, back) * 3600).toBeLessThan(0.001);
    expect(Math.abs(galacticLatitudeDeg({ raDeg: 266.4, decDeg: -28.9 }))).toBeLessThan(1);
  });

  it('gives the same stars for the same seed, more near the Milky Way', () => {
    const a = new StarCatalogue(7).around({ raDeg: 300, decDeg: 35 }, 1.5);
    const b = new StarCatalogue(7).around({ raDeg: 300, decDeg: 35 }, 1.5);
    expect(a).toEqual(b);
    const pole = new StarCatalogue(7).around({ raDeg: 192.86, decDeg: 27.13 }, 1.5);
    expect(a.length).toBeGreaterThan(2 * pole.length);
    expect(new StarCatalogue(8).around({ raDeg: 300, decDeg: 35 }, 1.5)).not.toEqual(a);
  });
});
