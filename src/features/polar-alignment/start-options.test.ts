import { describe, expect, it } from 'vitest';
import { describeOptions, emptyDraft, parseDraft } from './start-options';

describe('parseDraft', () => {
  it('sends only what was filled in, so TPPA keeps the rest', () => {
    expect(parseDraft(emptyDraft)).toEqual({ ok: true, options: { AlignmentTolerance: 1 } });
    expect(parseDraft({ ...emptyDraft, toleranceArcmin: '' })).toEqual({ ok: true, options: {} });
  });

  it('reads every option in TPPA’s units, with a decimal comma allowed', () => {
    const parsed = parseDraft({
      manualMode: 'false',
      startFromCurrentPosition: 'true',
      eastDirection: 'false',
      targetDistanceDeg: '15',
      moveRateDegPerS: '2',
      exposureS: '1,5',
      gain: '-1',
      offset: '30',
      binning: '2',
      filter: 'L',
      toleranceArcmin: '0.5',
      searchRadiusDeg: '20',
    });
    expect(parsed).toEqual({
      ok: true,
      options: {
        ManualMode: false,
        StartFromCurrentPosition: true,
        EastDirection: false,
        TargetDistance: 15,
        MoveRate: 2,
        ExposureTime: 1.5,
        Gain: -1,
        Offset: 30,
        Binning: 2,
        Filter: 'L',
        AlignmentTolerance: 0.5,
        SearchRadius: 20,
      },
    });
  });

  it('explains each bad field in words', () => {
    const parsed = parseDraft({ ...emptyDraft, targetDistanceDeg: '7.5', moveRateDegPerS: 'fast', exposureS: '0', binning: '9', toleranceArcmin: '-1' });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        targetDistanceDeg: 'Target distance is a whole number of degrees',
        moveRateDegPerS: 'Move rate must be a number',
        exposureS: 'Exposure must be longer than 0 s',
        binning: 'Binning is 1 to 8',
        toleranceArcmin: 'Tolerance cannot be negative',
      },
    });
  });
});

describe('describeOptions', () => {
  it('says what a start sends and that the rest stays as TPPA has it', () => {
    expect(describeOptions({})).toBe('All options as set in TPPA');
    expect(describeOptions({ AlignmentTolerance: 1, ExposureTime: 2 })).toBe('2 s exposures, tolerance 1′; the rest as set in TPPA');
  });
});
