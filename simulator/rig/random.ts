// All randomness in the simulator comes from `--seed`, so a test run is reproducible.

/** mulberry32: small, fast, good enough for simulated sensor noise. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  range(minimum: number, maximum: number): number {
    return minimum + (maximum - minimum) * this.next();
  }

  /** Standard normal, by Box–Muller. */
  gaussian(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A child generator, so one consumer drawing more numbers does not shift another's sequence. */
  fork(): SeededRandom {
    return new SeededRandom(Math.floor(this.next() * 4_294_967_296));
  }
}

function hashToUnit(seed: number, channel: number, knot: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(channel, 0xc2b2ae35) ^ Math.imul(knot, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/**
 * Smooth value noise in [-1, 1] as a function of `x`: random knots at the integers, eased in
 * between. Sensor readings are drawn from it by simulated time, so a reading depends on when it
 * is taken, not on how many times it has been polled.
 */
export function smoothNoise(seed: number, channel: number, x: number): number {
  const knot = Math.floor(x);
  const fraction = x - knot;
  const eased = (1 - Math.cos(Math.PI * fraction)) / 2;
  const a = hashToUnit(seed, channel, knot) * 2 - 1;
  const b = hashToUnit(seed, channel, knot + 1) * 2 - 1;
  return a + (b - a) * eased;
}

/** Noise that is constant within a step of `x` and jumps between steps, like a sampled sensor. */
export function steppedNoise(seed: number, channel: number, x: number): number {
  return hashToUnit(seed, channel, Math.floor(x)) * 2 - 1;
}
