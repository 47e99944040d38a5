// Text forms of .NET primitives, as .NET (Core 3.0+) writes them with the invariant culture.

import type { DateTimeKind } from './net-values';

/**
 * Shortest round-trip text of a finite double, laid out like .NET's `double.ToString()`:
 * scientific (`1E+15`, `1E-05`) when the decimal exponent is >= `precision` or <= -5, else fixed.
 * `precision` is 15 for Double and 7 for Single, the widths .NET's "G" format decides by.
 */
function formatShortest(value: number, digitsAndExponent: { digits: string; exponent: number }, precision: number): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const { digits, exponent } = digitsAndExponent;
  if (value === 0) return `${sign}0`;
  if (exponent >= precision || exponent <= -5) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exponentText = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}E${exponent < 0 ? '-' : '+'}${exponentText}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

function decompose(exponential: string): { digits: string; exponent: number } {
  const [mantissa = '0', exponent = '0'] = exponential.replace(/^-/, '').split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

export function formatDouble(value: number): string {
  return formatShortest(value, decompose(value.toExponential()), 15);
}

export function formatFloat(value: number): string {
  const single = Math.fround(value);
  for (let significant = 1; significant <= 9; significant++) {
    const candidate = single.toExponential(significant - 1);
    if (Math.fround(Number(candidate)) === single) {
      const parts = decompose(candidate);
      return formatShortest(single, { digits: parts.digits.replace(/0+$/, '') || '0', exponent: parts.exponent }, 7);
    }
  }
  return formatShortest(single, decompose(single.toExponential()), 7);
}

const TICKS_PER_MS = 10_000;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The process time zone's offset from UTC at that instant, in minutes (east positive). */
export function localOffsetMinutes(epochMs: number): number {
  return -new Date(epochMs).getTimezoneOffset();
}

/**
 * ISO 8601 as both STJ and Newtonsoft write a DateTime: seconds, then up to seven fractional
 * digits with trailing zeros trimmed, then `+hh:mm` (Local), `Z` (Utc) or nothing (Unspecified).
 */
export function formatDateTime(epochMs: number, kind: DateTimeKind): string {
  // An epoch-milliseconds double resolves about 0.25 µs, so sub-millisecond parts are kept to the
  // microsecond; finer digits would be rounding noise, not time.
  const wholeMs = Math.floor(epochMs);
  let subMsTicks = Math.round((epochMs - wholeMs) * 1000) * 10;
  let baseMs = wholeMs;
  if (subMsTicks === TICKS_PER_MS) {
    baseMs += 1;
    subMsTicks = 0;
  }
  const offsetMinutes = kind === 'local' ? localOffsetMinutes(baseMs) : 0;
  const wall = new Date(baseMs + offsetMinutes * 60_000);
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}`;
  const time = `${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}`;
  const fractionTicks = wall.getUTCMilliseconds() * TICKS_PER_MS + subMsTicks;
  const fraction = fractionTicks === 0 ? '' : `.${pad(fractionTicks, 7).replace(/0+$/, '')}`;
  let zone = '';
  if (kind === 'utc') zone = 'Z';
  if (kind === 'local') {
    const sign = offsetMinutes < 0 ? '-' : '+';
    const absolute = Math.abs(offsetMinutes);
    zone = `${sign}${pad(Math.floor(absolute / 60), 2)}:${pad(absolute % 60, 2)}`;
  }
  return `${date}T${time}${fraction}${zone}`;
}

/** TimeSpan's constant ("c") format: `[-][d.]hh:mm:ss[.fffffff]`, all seven digits when there is a fraction. */
export function formatTimeSpan(ms: number): string {
  const negative = ms < 0;
  const totalTicks = Math.round(Math.abs(ms) * TICKS_PER_MS);
  const ticksPerSecond = 1000 * TICKS_PER_MS;
  const fractionTicks = totalTicks % ticksPerSecond;
  const totalSeconds = Math.floor(totalTicks / ticksPerSecond);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const dayPart = days > 0 ? `${days}.` : '';
  const fractionPart = fractionTicks > 0 ? `.${pad(fractionTicks, 7)}` : '';
  return `${negative ? '-' : ''}${dayPart}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fractionPart}`;
}
