import { beforeEach, describe, expect, it } from 'vitest';
import { EVENT_LOG_CAPACITY, useEventLogStore, type NewEventLogEntry } from './event-log';

const entry = (name: string): NewEventLogEntry => ({ name, receivedAtMs: 0, source: 'live', data: {} });

describe('event log store', () => {
  beforeEach(() => useEventLogStore.getState().clear());

  it('appends a batch in order with increasing ids', () => {
    useEventLogStore.getState().append([entry('A'), entry('B')]);
    const { entries } = useEventLogStore.getState();
    expect(entries.map((e) => e.name)).toEqual(['A', 'B']);
    expect(entries[1]!.id).toBeGreaterThan(entries[0]!.id);
  });

  it('stays bounded and keeps the newest entries', () => {
    const batch = Array.from({ length: EVENT_LOG_CAPACITY + 500 }, (_, i) => entry(`E${i}`));
    useEventLogStore.getState().append(batch);
    const { entries, totalAppended } = useEventLogStore.getState();
    expect(entries).toHaveLength(EVENT_LOG_CAPACITY);
    expect(entries[0]!.name).toBe('E500');
    expect(entries.at(-1)!.name).toBe(`E${EVENT_LOG_CAPACITY + 499}`);
    expect(totalAppended).toBe(EVENT_LOG_CAPACITY + 500);
  });

  it('does not notify subscribers for an empty batch', () => {
    let calls = 0;
    const unsubscribe = useEventLogStore.subscribe(() => (calls += 1));
    useEventLogStore.getState().append([]);
    unsubscribe();
    expect(calls).toBe(0);
  });
});
