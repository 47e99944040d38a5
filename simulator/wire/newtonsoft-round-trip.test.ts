import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyRow, parseNewtonsoftDate } from './newtonsoft-round-trip';
import { dateTimeLocal, double, hashtable, int, netEnum } from './net-values';
import { toStj } from './serializer';

const parsedRow = (entries: Parameters<typeof historyRow>[0]): Record<string, unknown> =>
  JSON.parse(toStj(historyRow(entries))) as Record<string, unknown>;

describe('event-history rows (Newtonsoft round trip, then STJ)', () => {
  let savedTimeZone: string | undefined;
  beforeEach(() => {
    savedTimeZone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
  });
  afterEach(() => {
    process.env.TZ = savedTimeZone;
  });

  it('mangles a nested object into its keys with [] leaves, as FILTERWHEEL-CHANGED Previous/New', () => {
    const row = parsedRow({
      Event: 'FILTERWHEEL-CHANGED',
      Time: dateTimeLocal(Date.UTC(2025, 6, 20, 7, 43, 44, 351)),
      Previous: { Name: 'L', Id: int(0) },
      New: { Name: 'Ha', Id: int(4) },
    });
    expect(row).toEqual({
      Event: 'FILTERWHEEL-CHANGED',
      Time: '2025-07-20T09:43:44.351+02:00',
      Previous: { Name: [], Id: [] },
      New: { Name: [], Id: [] },
    });
  });

  it('enumerates deeper levels as JToken children: objects become arrays of their properties', () => {
    const row = parsedRow({ Event: 'TS-TARGETSTART', Coordinates: { RA: double(5.5), Inner: { A: 1 } }, List: [1, { B: 2 }] });
    expect(row.Coordinates).toEqual({ RA: [], Inner: [[[]]] });
    expect(row.List).toEqual([[], [[[]]]]);
  });

  it('keeps top-level scalars: doubles lose .0, NaN stays a string, enums become numbers, nulls stay', () => {
    const row = parsedRow({ Event: 'X', Position: double(12345), Hfr: double(Number.NaN), Side: netEnum('pierWest', 1), Nothing: null });
    expect(row).toEqual({ Event: 'X', Position: 12345, Hfr: 'NaN', Side: 1, Nothing: null });
    expect(toStj(historyRow({ Position: double(12345) }))).toBe('{"Position":12345}');
  });

  it('re-reads ISO-looking strings as DateTime: an offset becomes local time, Z stays UTC', () => {
    const row = parsedRow({ Event: 'X', Local: '2025-07-20T05:00:00.5-02:00', Utc: '2025-07-20T07:00:00Z', Plain: 'not a date' });
    expect(row.Local).toBe('2025-07-20T09:00:00.5+02:00');
    expect(row.Utc).toBe('2025-07-20T07:00:00Z');
    expect(row.Plain).toBe('not a date');
  });

  it('writes a Hashtable payload in hash order like the live event', () => {
    const live = hashtable({ Event: 'SAFETY-CHANGED', IsSafe: true });
    const stored = historyRow({ Event: 'SAFETY-CHANGED', IsSafe: true });
    expect(Object.keys(JSON.parse(toStj(stored)) as object)).toEqual(Object.keys(JSON.parse(toStj(live)) as object));
  });
});

describe('parseNewtonsoftDate', () => {
  it('accepts only the ISO 8601 shape Newtonsoft detects', () => {
    expect(parseNewtonsoftDate('2025-07-20T09:43:44')?.kind).toBe('unspecified');
    expect(parseNewtonsoftDate('2025-07-20 09:43:44')).toBeNull();
    expect(parseNewtonsoftDate('12345')).toBeNull();
  });
});
