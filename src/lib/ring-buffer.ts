/**
 * A fixed-capacity FIFO that drops the oldest entries. Appends are O(1) and never reallocate,
 * so a night of socket events cannot grow memory.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(item: T): void {
    const end = (this.start + this.length) % this.capacity;
    this.items[end] = item;
    if (this.length < this.capacity) this.length += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  pushAll(items: Iterable<T>): void {
    for (const item of items) this.push(item);
  }

  /** Oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i += 1) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.length = 0;
  }
}
