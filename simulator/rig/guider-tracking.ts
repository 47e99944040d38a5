// Where the guide star sits relative to PHD2's lock position, one exposure at a time, and the
// corrections PHD2 sends for it. The mount drifts (periodic error of the RA worm, a slow random
// walk, a constant Dec drift from polar misalignment), the seeing moves the measured centroid,
// and each frame PHD2 sends a pulse proportional to the measured distance, which removes most of
// the error before the next frame.
//
// Time here is the frame count × the exposure, not the clock: a seed then gives the same guide
// graph however the timers of a test run happen to fire.

import type { GuideStep } from './guider';
import type { SeededRandom } from './random';

/** PHD2's exposure, and so the interval between guide steps. */
export const GUIDE_EXPOSURE_MS = 2000;

/** The mount's guide rate, 0.5× sidereal (EQMOD's default), as PHD2's calibration measures it. */
const GUIDE_RATE_ARCSEC_PER_S = 15.0411 / 2;
/** PHD2's default maximum pulse per axis. */
const MAX_PULSE_MS = 2500;

/** The EQ6-R's worm period and its uncorrected periodic error (peak, arcsec). */
const WORM_PERIOD_S = 479;
const PERIODIC_ERROR_ARCSEC = 3.5;
const PERIODIC_HARMONIC_ARCSEC = 0.9;
/** Per-frame random walk of the mount (arcsec, 1σ) and the seeing's centroid jitter (arcsec, 1σ). */
const RA_WALK_ARCSEC = 0.15;
const DEC_WALK_ARCSEC = 0.08;
const SEEING_ARCSEC = 0.32;
/** Polar misalignment of a few arcminutes shows up as a steady Dec drift. */
const DEC_DRIFT_ARCSEC_PER_S = 0.025;

/** PHD2's default algorithms: RA hysteresis, Dec resist-switch, with their aggressiveness and minimum move. */
const RA_AGGRESSIVENESS = 0.7;
const RA_HYSTERESIS = 0.1;
const DEC_AGGRESSIVENESS = 0.9;
const MIN_MOVE_PX = 0.08;

interface AxisPulse {
  /** The pulse length in ms, signed like the algorithm's result (0 below the minimum move). */
  signedMs: number;
  /** How far the pulse moves the star back, px. */
  correctionPx: number;
}

export class GuideStarTracking {
  /** Multiplies every source of error: 0 gives a perfectly still star, 1 a typical night. */
  errorScale = 1;
  /** The star's offset from the lock position along the guide axes, px, PHD2's signs. */
  private raOffsetPx = 0;
  private decOffsetPx = 0;
  private previousRaResultPx = 0;
  private frame = 0;
  private readonly periodicPhase: number;

  constructor(
    private readonly random: SeededRandom,
    private readonly pixelScaleArcsecPerPx: number,
  ) {
    this.periodicPhase = random.range(0, 2 * Math.PI);
  }

  /** Where the star is, px from the lock position (PHD2's signs), for settling. */
  distancePx(): number {
    return Math.hypot(this.raOffsetPx, this.decOffsetPx);
  }

  /** PHD2 sets the lock position on the star when guiding starts. */
  lockOnStar(): void {
    this.raOffsetPx = 0;
    this.decOffsetPx = 0;
    this.previousRaResultPx = 0;
  }

  /** A dither moves the lock position; the star is then that far from it, the other way. */
  shiftLock(raPx: number, decPx: number): void {
    this.raOffsetPx -= raPx;
    this.decOffsetPx -= decPx;
  }

  /** A frame that is not guided (looping, calibrating, star lost): only the worm turns. */
  skipFrame(): void {
    this.frame++;
  }

  private periodicErrorArcsec(frame: number): number {
    const angle = (2 * Math.PI * frame * GUIDE_EXPOSURE_MS) / 1000 / WORM_PERIOD_S + this.periodicPhase;
    return PERIODIC_ERROR_ARCSEC * Math.sin(angle) + PERIODIC_HARMONIC_ARCSEC * Math.sin(2 * angle + 1.1);
  }

  private pulse(resultPx: number): AxisPulse {
    if (Math.abs(resultPx) < MIN_MOVE_PX) return { signedMs: 0, correctionPx: 0 };
    const ratePxPerMs = GUIDE_RATE_ARCSEC_PER_S / this.pixelScaleArcsecPerPx / 1000;
    const signedMs = Math.sign(resultPx) * Math.min(MAX_PULSE_MS, Math.round(Math.abs(resultPx) / ratePxPerMs));
    return { signedMs, correctionPx: signedMs * ratePxPerMs };
  }

  /**
   * One guided exposure: the mount drifts, PHD2 measures the star and pulses. The step is what
   * NINA's PhdEventGuideStep makes of PHD2's GuideStep: RA distance negated, and durations signed
   * by direction (East and South negative). PHD2 pulses West for a positive RA distance and South
   * for a positive Dec distance (Mount::MoveOffset), so after NINA's negation both durations carry
   * the opposite sign of their distance.
   */
  guide(): GuideStep {
    const scale = this.errorScale;
    const toPx = (arcsec: number): number => arcsec / this.pixelScaleArcsecPerPx;
    const periodicDeltaArcsec = this.periodicErrorArcsec(this.frame + 1) - this.periodicErrorArcsec(this.frame);
    this.frame++;
    this.raOffsetPx += scale * toPx(periodicDeltaArcsec + RA_WALK_ARCSEC * this.random.gaussian());
    this.decOffsetPx += scale * toPx((DEC_DRIFT_ARCSEC_PER_S * GUIDE_EXPOSURE_MS) / 1000 + DEC_WALK_ARCSEC * this.random.gaussian());
    const raMeasuredPx = this.raOffsetPx + scale * toPx(SEEING_ARCSEC * this.random.gaussian());
    const decMeasuredPx = this.decOffsetPx + scale * toPx(SEEING_ARCSEC * this.random.gaussian());

    const raResultPx = RA_AGGRESSIVENESS * ((1 - RA_HYSTERESIS) * raMeasuredPx + RA_HYSTERESIS * this.previousRaResultPx);
    this.previousRaResultPx = raResultPx;
    const ra = this.pulse(raResultPx);
    const dec = this.pulse(DEC_AGGRESSIVENESS * decMeasuredPx);
    this.raOffsetPx -= ra.correctionPx;
    this.decOffsetPx -= dec.correctionPx;
    return {
      raDistanceRawPx: -raMeasuredPx,
      decDistanceRawPx: decMeasuredPx,
      raDurationMs: ra.signedMs,
      decDurationMs: dec.signedMs === 0 ? 0 : -dec.signedMs,
    };
  }
}
