/**
 * A J2000 position as NINA's sequence files store it (NINA.Astrometry.InputCoordinates): whole
 * hours and minutes of RA, whole degrees and minutes of Dec, fractional seconds, and NegativeDec
 * for the sign, which DecDegrees cannot carry between −1° and 0° (an int has no −0).
 */
export interface InputCoordinatesParts {
  raHours: number;
  raMinutes: number;
  raSeconds: number;
  negativeDec: boolean;
  decDegrees: number;
  decMinutes: number;
  decSeconds: number;
}

/** 1 ms of time in RA (15 mas) and 0.01″ in Dec: far below what a plate solve centers to. */
export const RA_SECONDS_DECIMALS = 3;
export const DEC_SECONDS_DECIMALS = 2;

const SECONDS_PER_HOUR = 3600;
const HOURS_PER_DAY = 24;

/** Splits a non-negative value into whole units, minutes and seconds, rounding once on the total. */
function splitRounded(value: number, secondsDecimals: number): { whole: number; minutes: number; seconds: number; totalUnits: number } {
  const factor = 10 ** secondsDecimals;
  // Rounding the total (not the seconds alone) turns 59.9996 s into the next minute instead of "60".
  const totalUnits = Math.round(value * SECONDS_PER_HOUR * factor);
  const whole = Math.floor(totalUnits / (SECONDS_PER_HOUR * factor));
  const minutes = Math.floor((totalUnits % (SECONDS_PER_HOUR * factor)) / (60 * factor));
  const seconds = (totalUnits % (60 * factor)) / factor;
  return { whole, minutes, seconds, totalUnits };
}

/** RA in hours and Dec in degrees (J2000) → InputCoordinates fields. */
export function toInputCoordinates(raHours: number, decDeg: number): InputCoordinatesParts {
  if (!Number.isFinite(raHours)) throw new RangeError(`Right ascension ${raHours} h is not a number`);
  if (!Number.isFinite(decDeg) || decDeg < -90 || decDeg > 90) throw new RangeError(`Declination ${decDeg}° is outside ±90°`);
  const normalizedRa = ((raHours % HOURS_PER_DAY) + HOURS_PER_DAY) % HOURS_PER_DAY;
  const ra = splitRounded(normalizedRa, RA_SECONDS_DECIMALS);
  const dec = splitRounded(Math.abs(decDeg), DEC_SECONDS_DECIMALS);
  // A value that rounds to exactly 0 has no sign; 23h59m59.9996s rounds to 24h, which is 0h.
  const negativeDec = decDeg < 0 && dec.totalUnits > 0;
  return {
    raHours: ra.whole % HOURS_PER_DAY,
    raMinutes: ra.minutes,
    raSeconds: ra.seconds,
    negativeDec,
    decDegrees: negativeDec && dec.whole !== 0 ? -dec.whole : dec.whole,
    decMinutes: dec.minutes,
    decSeconds: dec.seconds,
  };
}

/** InputCoordinates fields → RA in hours and Dec in degrees. The sign is NegativeDec's or DecDegrees'. */
export function fromInputCoordinates(parts: InputCoordinatesParts): { raHours: number; decDeg: number } {
  const raHours = parts.raHours + parts.raMinutes / 60 + parts.raSeconds / SECONDS_PER_HOUR;
  const decMagnitude = Math.abs(parts.decDegrees) + parts.decMinutes / 60 + parts.decSeconds / SECONDS_PER_HOUR;
  const negative = parts.negativeDec || parts.decDegrees < 0;
  return { raHours, decDeg: negative ? -decMagnitude : decMagnitude };
}
