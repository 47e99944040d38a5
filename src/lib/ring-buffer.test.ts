import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps insertion order while below capacity', () => {
    const ring = new RingBuffer<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
  });

  it('drops the oldest entries once full', () => {
    const ring = new RingBuffer<number>(3);
    ring.pushAll([1, 2, 3, 4, 5]);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
  });

  it('empties on clear', () => {
    const ring = new RingBuffer<string>(2);
    ring.pushAll(['a', 'b', 'c']);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    ring.push('d');
    expect(ring.toArray()).toEqual(['d']);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
