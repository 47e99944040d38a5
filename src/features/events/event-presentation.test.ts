import { describe, expect, it } from 'vitest';
import { eventTone, summarizeData } from './event-presentation';

describe('eventTone', () => {
  it('flags failures and unsafe conditions', () => {
    expect(eventTone({ name: 'ERROR-AF', data: {} })).toBe('bad');
    expect(eventTone({ name: 'SAFETY-CHANGED', data: { IsSafe: false } })).toBe('bad');
    expect(eventTone({ name: 'SAFETY-CHANGED', data: { IsSafe: true } })).toBe('ok');
    expect(eventTone({ name: 'CAMERA-DISCONNECTED', data: {} })).toBe('warn');
    expect(eventTone({ name: 'MOUNT-PARKED', data: {}, problem: 'x' })).toBe('warn');
  });
});

describe('summarizeData', () => {
  it('lists keys with readable values', () => {
    expect(summarizeData({ HFR: 2.34567, Position: 12345, Filter: 'Ha' })).toBe('HFR: 2.346 · Position: 12345 · Filter: Ha');
  });

  it('shortens nested values', () => {
    const summary = summarizeData({ Nested: { text: 'x'.repeat(500) } });
    expect(summary.length).toBeLessThan(140);
    expect(summary.endsWith('…')).toBe(true);
  });
});
