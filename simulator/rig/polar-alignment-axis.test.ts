import { describe, expect, it } from 'vitest';
import { PolarAxis, tppaErrors } from './polar-alignment-axis';
import { SeededRandom } from './random';

const NORTH = 48;
const SOUTH = -33;

describe('TPPA error signs (PolarErrorDetermination)', () => {
  it('in the north: azimuth + = axis east of the pole ("Move left/west"), altitude + = axis too high ("Move down")', () => {
    expect(tppaErrors({ azimuthArcmin: 6, altitudeArcmin: 0 }, NORTH).azimuthDeg).toBeCloseTo(0.1, 12);
    expect(tppaErrors({ azimuthArcmin: 0, altitudeArcmin: 6 }, NORTH).altitudeDeg).toBeCloseTo(0.1, 12);
    expect(tppaErrors({ azimuthArcmin: -6, altitudeArcmin: -3 }, NORTH)).toMatchObject({ azimuthDeg: -0.1, altitudeDeg: -0.05 });
  });

  it('in the south: azimuth + = axis west of the pole (still clockwise, "Move left/east"), altitude + = axis too LOW ("Move up")', () => {
    // An axis clockwise of the south pole (azimuth above 180°) points west of it.
    expect(tppaErrors({ azimuthArcmin: 6, altitudeArcmin: 0 }, SOUTH).azimuthDeg).toBeCloseTo(0.1, 12);
    // An axis above the south pole reports a negative altitude error.
    expect(tppaErrors({ azimuthArcmin: 0, altitudeArcmin: 6 }, SOUTH).altitudeDeg).toBeCloseTo(-0.1, 12);
  });

  it('counts the equator as southern, like TPPA (latitude > 0 is northern)', () => {
    expect(tppaErrors({ azimuthArcmin: 0, altitudeArcmin: 6 }, 0).altitudeDeg).toBeCloseTo(-0.1, 12);
  });

  it('reports the total as the hypotenuse, never negative', () => {
    expect(tppaErrors({ azimuthArcmin: -18, altitudeArcmin: -24 }, SOUTH).totalDeg).toBeCloseTo(0.5, 12);
  });
});

describe('PolarAxis', () => {
  it('starts between a few arcminutes and a degree off, differently per seed', () => {
    const totals = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const { azimuthArcmin, altitudeArcmin } = new PolarAxis(new SeededRandom(seed)).current;
      return Math.hypot(azimuthArcmin, altitudeArcmin);
    });
    for (const total of totals) expect(total).toBeGreaterThanOrEqual(3);
    for (const total of totals) expect(total).toBeLessThanOrEqual(60);
    expect(new Set(totals.map((total) => total.toFixed(3))).size).toBe(totals.length);
  });

  it('measures the offsets with a few arcseconds of scatter, and the knobs move them', () => {
    const axis = new PolarAxis(new SeededRandom(1));
    axis.set({ azimuthArcmin: 10, altitudeArcmin: -5 });
    axis.turn({ azimuthArcmin: -4, altitudeArcmin: 2 });
    expect(axis.current).toEqual({ azimuthArcmin: 6, altitudeArcmin: -3 });
    const reading = axis.measure(NORTH);
    expect(reading.azimuthDeg * 60).toBeCloseTo(6, 0);
    expect(reading.altitudeDeg * 60).toBeCloseTo(-3, 0);
  });

  it.each([NORTH, SOUTH])('the demo person turns the knobs toward the pole at latitude %d and stops when satisfied', (latitude) => {
    const axis = new PolarAxis(new SeededRandom(9));
    axis.set({ azimuthArcmin: 40, altitudeArcmin: -30 });
    const totals: number[] = [];
    for (let reading = 0; reading < 40; reading++) {
      const measured = axis.measure(latitude);
      totals.push(measured.totalDeg * 60);
      axis.demoTurn(measured, latitude, 0);
    }
    expect(totals[0]).toBeGreaterThan(45);
    expect(totals.at(-1)).toBeLessThan(0.7);
    expect(Math.hypot(axis.current.azimuthArcmin, axis.current.altitudeArcmin)).toBeLessThan(0.7);
  });
});
