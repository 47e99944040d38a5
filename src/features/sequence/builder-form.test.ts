import { describe, expect, it } from 'vitest';
import { planFromDraft, type BuilderContext, type BuilderDraft } from './builder-form';

const context: BuilderContext = {
  filters: [
    { Name: 'L', Id: 0 },
    { Name: 'R', Id: 1 },
    { Name: 'Ha', Id: 4 },
  ],
  gainRange: { min: 0, max: 300 },
};

const draft = (change: Partial<BuilderDraft> = {}): BuilderDraft => ({
  targetName: 'M 42',
  raText: '05h 35m 17.3s',
  decText: '−05° 23′ 28″',
  move: 'center',
  cool: true,
  coolTempText: '-10',
  coolMinutesText: '',
  autofocus: true,
  guiding: true,
  ditherText: '3',
  reportFailures: true,
  rows: [
    { key: 'a', filter: 'Ha', exposureText: '300', countText: '12', gainText: '200', offsetText: '', binning: '1x1' },
    { key: 'b', filter: '', exposureText: '0,5', countText: '5', gainText: '', offsetText: '30', binning: '2x2' },
  ],
  ...change,
});

describe('planFromDraft', () => {
  it('turns the typed form into a plan: J2000 coordinates, filters with their positions, defaults as -1', () => {
    const result = planFromDraft(draft(), context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { plan } = result;
    expect(plan).toMatchObject({ targetName: 'M 42', move: 'center', cooling: { temperatureC: -10, durationMin: 0 }, autofocusAtStart: true, guiding: true, ditherEveryFrames: 3 });
    expect(plan.raHours).toBeCloseTo(5 + 35 / 60 + 17.3 / 3600, 9);
    expect(plan.decDeg).toBeCloseTo(-(5 + 23 / 60 + 28 / 3600), 9);
    expect(plan.exposures).toEqual([
      { filter: { name: 'Ha', position: 4 }, exposureTimeS: 300, count: 12, gain: 200, offset: -1, binning: { x: 1, y: 1 } },
      { filter: undefined, exposureTimeS: 0.5, count: 5, gain: -1, offset: 30, binning: { x: 2, y: 2 } },
    ]);
  });

  it('accepts decimal coordinates and no dithering', () => {
    const result = planFromDraft(draft({ raText: '5.588', decText: '-5.391', ditherText: '', cool: false }), context);
    expect(result.ok && [result.plan.raHours, result.plan.decDeg, result.plan.ditherEveryFrames, result.plan.cooling]).toEqual([5.588, -5.391, 0, undefined]);
  });

  it('says what to fix, field by field and line by line', () => {
    const result = planFromDraft(
      draft({
        targetName: ' ',
        raText: '25h',
        decText: '',
        coolTempText: 'cold',
        ditherText: '1.5',
        rows: [
          { key: 'a', filter: 'OIII', exposureText: '0', countText: '2.5', gainText: '999', offsetText: 'x', binning: 'big' },
          { key: 'b', filter: 'L', exposureText: '60', countText: '10', gainText: '', offsetText: '', binning: '1x1' },
        ],
      }),
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      targetName: expect.stringContaining('name'),
      ra: 'Right ascension must be between 0h and 24h',
      dec: expect.stringContaining('Enter a declination'),
      coolTemp: expect.stringContaining('Set point'),
      dither: 'Dither every must be a whole number',
      rows: {
        a: {
          filter: 'NINA’s filter list has no “OIII”',
          exposure: expect.stringContaining('above 0'),
          count: 'Frames must be a whole number',
          gain: 'Gain must be between 0 and 300',
          offset: 'Offset must be a whole number',
          binning: 'Binning must look like 1x1',
        },
      },
    });
    expect(result.errors.rows.b).toBeUndefined();
  });

  it('needs at least one line of exposures', () => {
    const result = planFromDraft(draft({ rows: [] }), context);
    expect(!result.ok && result.errors.plan).toBe('Add at least one line of exposures');
  });
});
