import { describe, expect, it } from 'vitest';
import { readHistoryRow, reconcileHistory, type HistoryRow } from './event-history';

const rows = (...names: string[]): HistoryRow[] => names.map((name) => ({ name, data: {}, droppedNested: false }));

describe('reconcileHistory', () => {
  it('returns the rows past the cursor as missed', () => {
    const result = reconcileHistory(rows('A', 'B', 'C', 'D'), 2, []);
    expect(result.missed.map((r) => r.name)).toEqual(['C', 'D']);
    expect(result.cursor).toBe(4);
  });

  it('does not count events that also arrived live after the socket reopened', () => {
    // C and D were missed during the outage; E arrived live and is already in the history reply.
    const result = reconcileHistory(rows('A', 'B', 'C', 'D', 'E'), 2, ['E']);
    expect(result.missed.map((r) => r.name)).toEqual(['C', 'D']);
    expect(result.cursor).toBe(5);
  });

  it('advances the cursor for live events newer than the history reply', () => {
    // The reply was built before F and G happened.
    const result = reconcileHistory(rows('A', 'B', 'C'), 2, ['F', 'G']);
    expect(result.missed.map((r) => r.name)).toEqual(['C']);
    expect(result.cursor).toBe(5);
  });

  it('handles a live burst that partly overlaps the reply', () => {
    const result = reconcileHistory(rows('A', 'B', 'C', 'X', 'Y'), 2, ['X', 'Y', 'Z']);
    expect(result.missed.map((r) => r.name)).toEqual(['C']);
    expect(result.cursor).toBe(6);
  });

  it('knows the live events sent before the request are in the reply', () => {
    // E arrived before the request went out, so it is the reply's last row, not a newer E.
    expect(reconcileHistory(rows('A', 'B', 'C', 'E'), 2, ['E'], 1)).toEqual({ missed: rows('C'), cursor: 4, ambiguous: false });
  });

  it('says when the reply may or may not end with a live event of the same name', () => {
    // P arrived while the reply travelled: the reply's last P may be it, or the one before it.
    const result = reconcileHistory(rows('A', 'B', 'P'), 2, ['P'], 0);
    expect(result.ambiguous).toBe(true);
    // Asked again once P had arrived, the reply holds it for sure.
    expect(reconcileHistory(rows('A', 'B', 'P', 'P'), 2, ['P'], 1)).toEqual({ missed: rows('P'), cursor: 4, ambiguous: false });
  });

  it('treats a history shorter than the cursor as a restarted NINA: every row is new', () => {
    const result = reconcileHistory(rows('A', 'B'), 10, []);
    expect(result.missed.map((r) => r.name)).toEqual(['A', 'B']);
    expect(result.cursor).toBe(2);
  });
});

describe('readHistoryRow', () => {
  it('keeps scalars and the NINA time', () => {
    expect(readHistoryRow({ Time: '2025-07-20T09:43:44+02:00', Event: 'SAFETY-CHANGED', IsSafe: false })).toEqual({
      name: 'SAFETY-CHANGED',
      time: '2025-07-20T09:43:44+02:00',
      data: { IsSafe: false },
      droppedNested: false,
    });
  });

  it('drops the mangled nested values NINA stores and says so', () => {
    const row = readHistoryRow({ Event: 'FILTERWHEEL-CHANGED', Time: 't', Previous: { Name: [], Id: [] }, New: { Name: [], Id: [] } });
    expect(row).toMatchObject({ name: 'FILTERWHEEL-CHANGED', data: {}, droppedNested: true });
  });

  it('rejects rows without an event name', () => {
    expect(readHistoryRow({ Time: 't' })).toBeUndefined();
    expect(readHistoryRow('IMAGE-SAVE')).toBeUndefined();
  });
});
