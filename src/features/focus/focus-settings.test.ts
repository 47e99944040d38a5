import { describe, expect, it } from 'vitest';
import { parseSteps, positionStepsSchema, stepStepsSchema } from './focus-settings';

describe('parseSteps', () => {
  it('reads whole steps, with thousands separators people type', () => {
    expect(parseSteps('15320', positionStepsSchema)).toEqual({ ok: true, value: 15_320 });
    expect(parseSteps(' 15 320 ', positionStepsSchema)).toEqual({ ok: true, value: 15_320 });
    expect(parseSteps('15,320', positionStepsSchema)).toEqual({ ok: true, value: 15_320 });
    expect(parseSteps('0', positionStepsSchema)).toEqual({ ok: true, value: 0 });
  });

  it('says what is wrong', () => {
    expect(parseSteps('', positionStepsSchema)).toEqual({ ok: false, error: 'Enter a number of steps' });
    expect(parseSteps('15.5', positionStepsSchema)).toEqual({ ok: false, error: 'Enter a whole number of steps' });
    expect(parseSteps('abc', positionStepsSchema)).toEqual({ ok: false, error: 'Enter a whole number of steps' });
    expect(parseSteps('-20', positionStepsSchema)).toEqual({ ok: false, error: 'A focuser position cannot be below 0' });
    expect(parseSteps('3000000000', positionStepsSchema)).toEqual({ ok: false, error: 'That position is beyond any focuser' });
    expect(parseSteps('0', stepStepsSchema)).toEqual({ ok: false, error: 'At least 1 step' });
    expect(parseSteps('20000', stepStepsSchema)).toEqual({ ok: false, error: 'At most 10 000 steps' });
  });
});
