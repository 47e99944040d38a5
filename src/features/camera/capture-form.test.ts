import { describe, expect, it } from 'vitest';
import type { CameraInfo } from '../../nina/schemas/equipment';
import { gainZeroNotice, validateCaptureForm, type CaptureFormValues } from './capture-form';

const camera = { Connected: true, GainMin: 0, GainMax: 700, DefaultGain: 100, ExposureMin: 0.000032, ExposureMax: 2000 } as CameraInfo;
const values: CaptureFormValues = { exposureText: '2', gainText: '', binning: '1x1', filterId: 1, imageType: 'LIGHT', save: true, targetName: 'M42' };

describe('the capture form', () => {
  it('turns the form into a capture request', () => {
    expect(validateCaptureForm({ ...values, exposureText: '0,5', gainText: '120' }, camera)).toEqual({
      ok: true,
      request: { durationS: 0.5, gain: 120, binning: '1x1', filterId: 1, imageType: 'LIGHT', save: true, targetName: 'M42' },
    });
  });

  it('refuses exposures NINA would misread or the camera cannot take', () => {
    const error = (exposureText: string) => {
      const result = validateCaptureForm({ ...values, exposureText }, camera);
      return result.ok ? undefined : result.errors.exposure;
    };
    expect(error('0')).toBe('The exposure must be longer than 0 s');
    expect(error('-3')).toBe('The exposure must be longer than 0 s');
    expect(error('abc')).toMatch(/^Type the exposure in seconds/);
    expect(error('3000')).toBe('This camera exposes for at most 2000 s');
  });

  it('checks the gain against the camera’s range', () => {
    const result = validateCaptureForm({ ...values, gainText: '701' }, camera);
    expect(result.ok ? undefined : result.errors.gain).toBe('The gain must be between 0 and 700');
    const fractional = validateCaptureForm({ ...values, gainText: '1.5' }, camera);
    expect(fractional.ok).toBe(false);
  });

  it('sends no gain for 0, which NINA cannot apply, and says why', () => {
    const result = validateCaptureForm({ ...values, gainText: '0' }, camera);
    expect(result.ok && result.request.gain).toBeUndefined();
    expect(gainZeroNotice('0', camera)).toBe('NINA cannot be asked for gain 0: it will use the camera’s default gain (100) instead.');
    expect(gainZeroNotice('', camera)).toBeUndefined();
    expect(gainZeroNotice('10', camera)).toBeUndefined();
  });
});
