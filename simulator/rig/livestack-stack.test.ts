import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { CapturedFrame } from './imaging/imaging';
import { STRETCH_DEFAULTS } from './imaging/profile';
import { affineBetween, colorPicture, encodeRgb, geometryOf, MonoStack } from './livestack-stack';
import { DEFAULT_SITE, Rig } from './rig';
import { SimClock } from './sim-clock';

describe('live stacks', () => {
  let clock: SimClock;
  let rig: Rig;
  const frames: CapturedFrame[] = [];

  beforeAll(async () => {
    clock = new SimClock(2000);
    rig = new Rig(clock, DEFAULT_SITE, 5);
    await rig.connectAllAtStartup();
    for (let i = 0; i < 4; i++) frames.push(await rig.imaging.capture({ durationS: 60, imageType: 'LIGHT', targetName: 'M31' }));
  });
  afterAll(() => clock.dispose());

  const stackOf = (count: number): MonoStack => {
    const [first, ...rest] = frames.slice(0, count);
    if (first === undefined) throw new Error('no frames');
    const rendered = rig.imaging.render(first);
    const stack = new MonoStack('M31', 'L', rendered, geometryOf(first.params, rendered));
    for (const frame of rest) {
      const next = rig.imaging.render(frame);
      expect(stack.add(next, geometryOf(frame.params, next))).toBe(true);
    }
    return stack;
  };

  it('registers a frame of the same pointing onto the reference with the identity', () => {
    const [first] = frames;
    if (first === undefined) throw new Error('no frames');
    const geometry = geometryOf(first.params, rig.imaging.render(first));
    const affine = affineBetween(geometry, geometry);
    expect(affine?.map((value) => Number(value.toFixed(6)) + 0)).toEqual([0, 1, 0, 0, 0, 1]);
  });

  it('averages the frames, so the noise falls about as 1/√N', () => {
    const one = stackOf(1).noiseAdu();
    const four = stackOf(4);
    expect(four.count).toBe(4);
    expect(four.noiseAdu()).toBeLessThan(one * 0.65);
    expect(four.noiseAdu()).toBeGreaterThan(one * 0.4);
  });

  it('renders a colour combination and encodes it as colour PNG or JPEG, resized like BitmapHelper', () => {
    const stack = stackOf(2);
    const snapshot = stack.snapshot();
    const picture = colorPicture(snapshot, snapshot, snapshot, { ...STRETCH_DEFAULTS });
    if (picture === null) throw new Error('no picture');
    const png = encodeRgb(picture, { kind: 'none' }, -1);
    expect(png.png).toBe(true);
    const decoded = PNG.sync.read(png.bytes);
    expect(decoded.width).toBe(stack.geometry.width);
    expect(png.bytes[25]).toBe(2);
    const jpeg = encodeRgb(picture, { kind: 'scale', scale: 0.5 }, 80);
    expect(jpeg.png).toBe(false);
    expect(jpeg.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });
});
