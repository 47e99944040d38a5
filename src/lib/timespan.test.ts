import { describe, expect, it } from 'vitest';
import { parseTimeSpanMs } from './timespan';

describe('parseTimeSpanMs', () => {
  it('reads .NET TimeSpan texts', () => {
    expect(parseTimeSpanMs('00:01:23.4560000')).toBeCloseTo(83_456, 6);
    expect(parseTimeSpanMs('00:00:59.9820354')).toBeCloseTo(59_982.0354, 6);
    expect(parseTimeSpanMs('01:02:03')).toBe(3_723_000);
    expect(parseTimeSpanMs('1.00:00:00')).toBe(86_400_000);
    expect(parseTimeSpanMs('-00:00:01.5')).toBe(-1_500);
  });

  it('refuses anything else', () => {
    for (const text of ['', '83.4', '00:61:00', '25:00:00', '00:01', 'PT1M', '00:00:00.12345678']) expect(parseTimeSpanMs(text), text).toBeUndefined();
  });
});
