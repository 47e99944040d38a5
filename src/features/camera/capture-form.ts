import { isPresent } from '../../lib/format';
import type { CaptureRequest, ImageType } from '../../nina/api/camera';
import type { CameraInfo } from '../../nina/schemas/equipment';

export interface CaptureFormValues {
  exposureText: string;
  /** Empty: the camera's default gain. */
  gainText: string;
  binning: string;
  /** Undefined: no filter wheel, or leave it where it is. */
  filterId?: number;
  imageType: ImageType;
  save: boolean;
  targetName: string;
}

export type CaptureFormResult =
  | { ok: true; request: CaptureRequest }
  | { ok: false; errors: { exposure?: string; gain?: string; binning?: string } };

const parseDecimal = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/**
 * NINA applies a gain only when it is above 0 (notes §6.1): 0 cannot be asked for, the camera's
 * default gain is used instead. Shown as soon as the person types 0.
 */
export function gainZeroNotice(gainText: string, camera: CameraInfo | undefined): string | undefined {
  if (gainText.trim() === '' || parseDecimal(gainText) !== 0) return undefined;
  const fallback = isPresent(camera?.DefaultGain) && camera.DefaultGain >= 0 ? ` (${camera.DefaultGain})` : '';
  return `NINA cannot be asked for gain 0: it will use the camera’s default gain${fallback} instead.`;
}

export function validateCaptureForm(values: CaptureFormValues, camera: CameraInfo | undefined): CaptureFormResult {
  const errors: { exposure?: string; gain?: string; binning?: string } = {};

  const durationS = parseDecimal(values.exposureText);
  const minS = isPresent(camera?.ExposureMin) && camera.ExposureMin > 0 ? camera.ExposureMin : undefined;
  const maxS = isPresent(camera?.ExposureMax) && camera.ExposureMax > 0 ? camera.ExposureMax : undefined;
  if (!Number.isFinite(durationS)) errors.exposure = 'Type the exposure in seconds, e.g. 2 or 0.5';
  // NINA reads 0 or less as "use the plate-solve exposure time" (notes §6.1), never what was meant.
  else if (durationS <= 0) errors.exposure = 'The exposure must be longer than 0 s';
  else if (minS !== undefined && durationS < minS) errors.exposure = `This camera exposes for at least ${minS} s`;
  else if (maxS !== undefined && durationS > maxS) errors.exposure = `This camera exposes for at most ${maxS} s`;

  let gain: number | undefined;
  if (values.gainText.trim() !== '') {
    const value = parseDecimal(values.gainText);
    const min = isPresent(camera?.GainMin) ? camera.GainMin : undefined;
    const max = isPresent(camera?.GainMax) && camera.GainMax > 0 ? camera.GainMax : undefined;
    if (!Number.isInteger(value)) errors.gain = 'The gain is a whole number; leave it empty for the camera’s default';
    else if (min !== undefined && max !== undefined && (value < min || value > max)) errors.gain = `The gain must be between ${min} and ${max}`;
    else if (value > 0) gain = value;
  }

  if (!/^\d+x\d+$/.test(values.binning)) errors.binning = 'Choose a binning';

  if (errors.exposure || errors.gain || errors.binning) return { ok: false, errors };
  return {
    ok: true,
    request: {
      durationS,
      gain,
      binning: values.binning,
      filterId: values.filterId,
      imageType: values.imageType,
      save: values.save,
      targetName: values.targetName,
    },
  };
}
