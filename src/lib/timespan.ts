/**
 * .NET writes a TimeSpan as `[-][d.]hh:mm:ss[.fffffff]` (the constant "c" format), e.g. an
 * autofocus report's `Duration` of `00:01:23.4560000` (notes §2.2).
 */
const TIME_SPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/** Milliseconds in a .NET TimeSpan text, or undefined when it is not one. */
export function parseTimeSpanMs(text: string): number | undefined {
  const match = TIME_SPAN.exec(text.trim());
  if (!match) return undefined;
  const [, sign, days = '0', hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const wholeSeconds = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
  const ms = wholeSeconds * 1000 + Number(`0.${fraction || '0'}`) * 1000;
  return sign ? -ms : ms;
}
