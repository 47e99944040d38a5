import { describe, expect, it } from 'vitest';
import { FocusModel } from './focus-model';

describe('focus model', () => {
  const conditions = { temperatureC: 10, filterName: 'L', seeingFwhmArcsec: 2, pixelScaleArcsecPerPx: 1.46, seeingNoise: 0 };

  it('moves best focus by tens of steps per °C and by each filter offset', () => {
    const model = new FocusModel();
    const warm = model.bestFocusSteps(10, 'L');
    expect(model.bestFocusSteps(9, 'L') - warm).toBeGreaterThanOrEqual(10);
    expect(model.bestFocusSteps(9, 'L') - warm).toBeLessThanOrEqual(50);
    expect(model.bestFocusSteps(10, 'Ha') - warm).toBe(27);
    model.bestFocusOffsetSteps = 300;
    expect(model.bestFocusSteps(10, 'L') - warm).toBe(300);
  });

  it('is a hyperbola: smallest at best focus, symmetric, growing with seeing', () => {
    const model = new FocusModel();
    const best = model.bestFocusSteps(10, 'L');
    const at = (offset: number, seeing = 2) => model.hfrPx({ ...conditions, positionSteps: best + offset, seeingFwhmArcsec: seeing });
    expect(at(0)).toBeLessThan(at(20));
    expect(at(-100)).toBeCloseTo(at(100), 9);
    expect(at(400)).toBeGreaterThan(3 * at(0));
    expect(at(0, 4)).toBeGreaterThan(at(0, 2));
  });
});
