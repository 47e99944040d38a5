/** Display helpers: every missing or non-finite value shows as an em dash, never "NaN". */

export const DASH = '—';

export function isPresent(value: number | undefined | null): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatNumber(value: number | undefined | null, fractionDigits = 1): string {
  return isPresent(value) ? value.toFixed(fractionDigits) : DASH;
}

/** Signed with a real minus, as for temperatures: −10.2 */
export function formatSigned(value: number | undefined | null, fractionDigits = 1): string {
  if (!isPresent(value)) return DASH;
  const text = Math.abs(value).toFixed(fractionDigits);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

export function formatInteger(value: number | undefined | null): string {
  return isPresent(value) ? Math.round(value).toLocaleString('en-US') : DASH;
}

/** Local wall-clock time of an epoch-ms instant, HH:MM:SS. */
export function formatClockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Clock ticks for a time axis: minutes for a span of ten minutes or more, seconds for a short one, so ticks differ. */
export function clockTickFormatter(spanMs: number): (atMs: number) => string {
  return spanMs >= 10 * 60_000 ? (atMs) => formatClockTime(atMs).slice(0, 5) : formatClockTime;
}
