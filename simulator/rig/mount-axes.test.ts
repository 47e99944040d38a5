import { describe, expect, it } from 'vitest';
import { expectedPierSide } from './mount';
import {
  axesFor,
  clampSecondaryDeg,
  MAX_AXIS_RATE_DEG_PER_S,
  moveDurationS,
  moveProgressDeg,
  pointingOf,
  primaryAngleDeg,
  type PierSideName,
} from './mount-axes';

const NORTH = 28.76;
const SOUTH = -31.27;

describe('axis positions and where they point', () => {
  it.each([
    [NORTH, 'pierEast'],
    [NORTH, 'pierWest'],
    [SOUTH, 'pierEast'],
    [SOUTH, 'pierWest'],
  ] as const)('round-trips a target on either side of the pier (latitude %s, %s)', (latitudeDeg, side: PierSideName) => {
    for (const target of [
      { raHours: 5.5, decDeg: 22 },
      { raHours: 23.9, decDeg: -60 },
      { raHours: 0.1, decDeg: 89.5 },
    ]) {
      const pointing = pointingOf(axesFor(target, side, latitudeDeg), latitudeDeg);
      expect(pointing.pierSide).toBe(side);
      expect(pointing.raHours).toBeCloseTo(target.raHours, 12);
      expect(pointing.decDeg).toBeCloseTo(target.decDeg, 12);
    }
  });

  it('puts the tube over the pole on the west side: the same sky point is 12 h round on the RA axis', () => {
    const east = axesFor({ raHours: 3, decDeg: 40 }, 'pierEast', NORTH);
    const west = axesFor({ raHours: 3, decDeg: 40 }, 'pierWest', NORTH);
    expect(east).toEqual({ axisRaHours: 3, secondaryDeg: 40 });
    expect(west).toEqual({ axisRaHours: 15, secondaryDeg: 140 });
  });

  it('keeps the counterweight down on the side NINA expects, in both hemispheres', () => {
    const lst = 10;
    for (const latitudeDeg of [NORTH, SOUTH]) {
      for (const raHours of [7, 9.5, 10.5, 13]) {
        const side = expectedPierSide(raHours, lst);
        const primary = primaryAngleDeg(axesFor({ raHours, decDeg: 10 }, side, latitudeDeg).axisRaHours, lst);
        expect(primary).toBeGreaterThanOrEqual(0);
        expect(primary).toBeLessThanOrEqual(180);
      }
    }
  });

  it('measures the RA axis in [-90°, 270°) so a slew never swings through counterweight-up', () => {
    expect(primaryAngleDeg(10, 10)).toBe(0);
    expect(primaryAngleDeg(10, 4)).toBeCloseTo(-90, 9);
    expect(primaryAngleDeg(10, 3.5)).toBeCloseTo(262.5, 9);
  });

  it('stops the Dec axis at the opposite pole on either side', () => {
    expect(clampSecondaryDeg(-120)).toBe(-90);
    expect(clampSecondaryDeg(300)).toBe(270);
    expect(clampSecondaryDeg(135)).toBe(135);
  });
});

describe('a goto on one axis', () => {
  it('ramps up, cruises at 800× sidereal and ramps down', () => {
    expect(MAX_AXIS_RATE_DEG_PER_S).toBeCloseTo(3.3425, 4);
    const durationS = moveDurationS(90);
    expect(durationS).toBeCloseTo(90 / MAX_AXIS_RATE_DEG_PER_S + MAX_AXIS_RATE_DEG_PER_S / 1.5, 9);
    expect(moveProgressDeg(90, 0)).toBe(0);
    expect(moveProgressDeg(90, durationS)).toBe(90);
    expect(moveProgressDeg(90, durationS / 2)).toBeCloseTo(45, 9);
    let previous = 0;
    for (let t = 0.5; t < durationS; t += 0.5) {
      const progress = moveProgressDeg(90, t);
      expect(progress).toBeGreaterThan(previous);
      expect(progress - previous).toBeLessThanOrEqual(MAX_AXIS_RATE_DEG_PER_S * 0.5 + 1e-9);
      previous = progress;
    }
  });

  it('never reaches full speed on a short hop', () => {
    expect(moveDurationS(1)).toBeCloseTo(2 * Math.sqrt(1 / 1.5), 9);
    expect(moveProgressDeg(-1, moveDurationS(1) / 2)).toBeCloseTo(0.5, 9);
    expect(moveDurationS(0)).toBe(0);
  });
});
