// Where the mount's RA axis really points, relative to the celestial pole, and how the Three Point
// Polar Alignment plugin reports that as signed errors. The two mount "knobs" (the azimuth and
// altitude adjusters) move the axis; TPPA only measures it.
//
// Sign convention (TPPA's PolarErrorDetermination.CalculateMountAxisError and its direction texts):
// - AzimuthError = azimuth of the measured axis − azimuth of the pole (0° north, 180° south), wrapped
//   to ±180°. Positive means the axis points clockwise of the pole seen from above: EAST of the north
//   celestial pole in the northern hemisphere, WEST of the south celestial pole in the southern one.
//   Either way TPPA tells the user "Move left" (facing the pole): "Move left/west" in the north,
//   "Move left/east" in the south; negative is "Move right/east" (north), "Move right/west" (south).
// - AltitudeError is axis altitude − pole altitude in the northern hemisphere but pole − axis in the
//   southern one. Positive means the axis is too HIGH in the north ("Move down") and too LOW in the
//   south ("Move up"); negative the reverse.
// - TotalError is the hypotenuse of the two, never negative. All three are degrees on the wire.
// TPPA calls latitude > 0 northern, so a site on the equator counts as southern.
//
// The model keeps the physical offsets of the axis (azimuth clockwise, altitude up, in arcminutes),
// which do not depend on the hemisphere; the hemisphere only enters when they are reported.

import type { SeededRandom } from './random';

/** "Between a few arcminutes and a degree": a freshly set-up tripod. */
const INITIAL_TOTAL_ARCMIN = [3, 60] as const;
/** Scatter of one TPPA reading: the plate solves' precision and the seeing, per axis. */
const READING_SCATTER_ARCMIN = 3 / 60;
/** A person at the mount corrects part of the error per reading, the larger axis first. */
const DEMO_TURN_FRACTION = [0.4, 0.8] as const;
/** The demo person is satisfied below this total (when TPPA has no tolerance that ends the run). */
const DEMO_SATISFIED_ARCMIN = 0.5;

export interface AxisOffsets {
  /** Axis azimuth − pole azimuth, arcminutes; positive is clockwise seen from above. */
  azimuthArcmin: number;
  /** Axis altitude − pole altitude, arcminutes; positive is too high. */
  altitudeArcmin: number;
}

/** One TPPA error reading in TPPA's terms: signed degrees. */
export interface AlignmentErrorDeg {
  azimuthDeg: number;
  altitudeDeg: number;
  totalDeg: number;
}

/** TPPA's `Northern`: the profile latitude is above 0. */
export function isNorthern(latitudeDeg: number): boolean {
  return latitudeDeg > 0;
}

/** How TPPA reports the axis offsets at a site of `latitudeDeg`. */
export function tppaErrors(offsets: AxisOffsets, latitudeDeg: number): AlignmentErrorDeg {
  const azimuthDeg = offsets.azimuthArcmin / 60;
  const altitudeDeg = (isNorthern(latitudeDeg) ? offsets.altitudeArcmin : -offsets.altitudeArcmin) / 60;
  return { azimuthDeg, altitudeDeg, totalDeg: Math.hypot(azimuthDeg, altitudeDeg) };
}

export class PolarAxis {
  private offsets: AxisOffsets;

  constructor(private readonly random: SeededRandom) {
    const [minimum, maximum] = INITIAL_TOTAL_ARCMIN;
    const totalArcmin = minimum * (maximum / minimum) ** random.next();
    const directionRad = 2 * Math.PI * random.next();
    this.offsets = { azimuthArcmin: totalArcmin * Math.cos(directionRad), altitudeArcmin: totalArcmin * Math.sin(directionRad) };
  }

  get current(): AxisOffsets {
    return { ...this.offsets };
  }

  set(offsets: AxisOffsets): void {
    this.offsets = { ...offsets };
  }

  /** Turning the knobs: the axis moves by these amounts (azimuth clockwise, altitude up). */
  turn(by: AxisOffsets): void {
    this.offsets = {
      azimuthArcmin: this.offsets.azimuthArcmin + by.azimuthArcmin,
      altitudeArcmin: this.offsets.altitudeArcmin + by.altitudeArcmin,
    };
  }

  /** A measurement as TPPA makes it after a solve: the truth plus the scatter of one reading. */
  measure(latitudeDeg: number): AlignmentErrorDeg {
    return tppaErrors(
      {
        azimuthArcmin: this.offsets.azimuthArcmin + READING_SCATTER_ARCMIN * this.random.gaussian(),
        altitudeArcmin: this.offsets.altitudeArcmin + READING_SCATTER_ARCMIN * this.random.gaussian(),
      },
      latitudeDeg,
    );
  }

  /**
   * The demo's person at the mount, after reading `reading`: turns the knob of the larger error part
   * of the way back, which converges in a minute or two of readings. Satisfied below the run's
   * tolerance (well inside it, so TPPA's auto-finish triggers) or half an arcminute.
   */
  demoTurn(reading: AlignmentErrorDeg, latitudeDeg: number, toleranceArcmin: number): void {
    const satisfiedArcmin = toleranceArcmin > 0 ? toleranceArcmin * 0.6 : DEMO_SATISFIED_ARCMIN;
    if (reading.totalDeg * 60 <= satisfiedArcmin) return;
    const [minimum, maximum] = DEMO_TURN_FRACTION;
    const fraction = minimum + (maximum - minimum) * this.random.next();
    // Undo the hemisphere's sign so the turn acts on the physical offset the reading shows.
    const altitudeArcmin = (isNorthern(latitudeDeg) ? reading.altitudeDeg : -reading.altitudeDeg) * 60;
    const azimuthArcmin = reading.azimuthDeg * 60;
    if (Math.abs(azimuthArcmin) >= Math.abs(altitudeArcmin)) this.turn({ azimuthArcmin: -fraction * azimuthArcmin, altitudeArcmin: 0 });
    else this.turn({ azimuthArcmin: 0, altitudeArcmin: -fraction * altitudeArcmin });
  }
}
