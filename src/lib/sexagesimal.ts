/**
 * Sexagesimal formatting and parsing for coordinates. Units are in the names because NINA mixes
 * them: mount info gives RA in hours, slew parameters take RA in degrees.
 */

interface Parts {
  negative: boolean;
  whole: number;
  minutes: number;
  seconds: number;
}

function split(value: number, secondsDecimals: number): Parts {
  const negative = value < 0;
  const factor = 10 ** secondsDecimals;
  // Round once, on the total, so 59.99 s carries into the minutes instead of showing "60".
  const totalUnits = Math.round(Math.abs(value) * 3600 * factor);
  const whole = Math.floor(totalUnits / (3600 * factor));
  const minutes = Math.floor((totalUnits % (3600 * factor)) / (60 * factor));
  const seconds = (totalUnits % (60 * factor)) / factor;
  return { negative, whole, minutes, seconds };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const padSeconds = (s: number, decimals: number) =>
  decimals > 0 ? s.toFixed(decimals).padStart(3 + decimals, '0') : pad(s);

/** 5.5753 → "05h 34m 31s" */
export function formatRaHours(raHours: number, secondsDecimals = 0): string {
  if (!Number.isFinite(raHours)) return '—';
  const normalized = ((raHours % 24) + 24) % 24;
  const { whole, minutes, seconds } = split(normalized, secondsDecimals);
  return `${pad(whole % 24)}h ${pad(minutes)}m ${padSeconds(seconds, secondsDecimals)}s`;
}

/** 22.0144 → "+22° 00′ 52″" */
export function formatDecDeg(decDeg: number, secondsDecimals = 0): string {
  if (!Number.isFinite(decDeg)) return '—';
  const { negative, whole, minutes, seconds } = split(decDeg, secondsDecimals);
  return `${negative ? '−' : '+'}${pad(whole)}° ${pad(minutes)}′ ${padSeconds(seconds, secondsDecimals)}″`;
}

/** Unsigned degrees such as azimuth or altitude: 123.5 → "123° 30′ 00″" */
export function formatDeg(deg: number, secondsDecimals = 0): string {
  if (!Number.isFinite(deg)) return '—';
  const { negative, whole, minutes, seconds } = split(deg, secondsDecimals);
  return `${negative ? '−' : ''}${whole}° ${pad(minutes)}′ ${padSeconds(seconds, secondsDecimals)}″`;
}

/** Hours as a duration: 1.5 → "1h 30m", -0.25 → "−0h 15m" */
export function formatHoursDuration(hours: number): string {
  if (!Number.isFinite(hours)) return '—';
  const { negative, whole, minutes } = split(hours, 0);
  return `${negative ? '−' : ''}${whole}h ${pad(minutes)}m`;
}

export type ParseResult = { ok: true; value: number } | { ok: false; error: string };

/** Digits with any of the separators people type between hours/degrees, minutes and seconds. */
const SEXAGESIMAL_CHARS = /^[-+−]?[\d\s.,:hHmMsSdD°′″'"]+$/;

function parseSexagesimal(text: string): { sign: number; whole: number; minutes: number; seconds: number } | null {
  const trimmed = text.trim();
  if (!SEXAGESIMAL_CHARS.test(trimmed)) return null;
  const numbers = trimmed.match(/\d+(?:[.,]\d+)?/g) ?? [];
  if (numbers.length === 0 || numbers.length > 3) return null;
  // Only the last part may have decimals: "5 34.5" is 5h 34.5m, "5.5 30" is nonsense.
  if (numbers.slice(0, -1).some((part) => /[.,]/.test(part))) return null;
  const [whole = 0, minutes = 0, seconds = 0] = numbers.map((part) => Number(part.replace(',', '.')));
  if (minutes >= 60 || seconds >= 60) return null;
  return { sign: /^[-−]/.test(trimmed) ? -1 : 1, whole, minutes, seconds };
}

const DECIMAL = /^[-+−]?\d+(?:[.,]\d+)?$/;
const toDecimal = (text: string) => Number(text.trim().replace('−', '-').replace(',', '.'));

/**
 * Right ascension typed by a person: "5 34 31.9", "05:34:31.9", "5h34m31.9s" or decimal hours "5.5755".
 * Returns hours in [0, 24).
 */
export function parseRaHours(text: string): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a right ascension, e.g. 05h 34m 32s or 5.576' };
  let hours: number;
  if (DECIMAL.test(trimmed) && !/\s/.test(trimmed)) hours = toDecimal(trimmed);
  else {
    const parts = parseSexagesimal(trimmed);
    if (!parts) return { ok: false, error: `“${trimmed}” is not a right ascension: use 05h 34m 32s, 05:34:32 or decimal hours` };
    if (parts.sign < 0) return { ok: false, error: 'Right ascension cannot be negative' };
    hours = parts.whole + parts.minutes / 60 + parts.seconds / 3600;
  }
  if (!(hours >= 0 && hours < 24)) return { ok: false, error: 'Right ascension must be between 0h and 24h' };
  return { ok: true, value: hours };
}

/** Declination typed by a person: "+22 00 52", "-05:23:28", "22°00′52″" or decimal degrees "22.014". */
export function parseDecDeg(text: string): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a declination, e.g. +22° 00′ 52″ or 22.014' };
  let deg: number;
  if (DECIMAL.test(trimmed)) deg = toDecimal(trimmed);
  else {
    const parts = parseSexagesimal(trimmed);
    if (!parts) return { ok: false, error: `“${trimmed}” is not a declination: use +22° 00′ 52″, +22:00:52 or decimal degrees` };
    deg = parts.sign * (parts.whole + parts.minutes / 60 + parts.seconds / 3600);
  }
  if (!(deg >= -90 && deg <= 90)) return { ok: false, error: 'Declination must be between −90° and +90°' };
  return { ok: true, value: deg };
}
