// The parts of NINA's active profile ("Default") that imaging, autofocus and plate solving read.

/** The optical train: a Takahashi FSQ-106EDX4, 106 mm at f/5, on the ASI2600MM Pro (3.76 µm pixels). */
export const TELESCOPE = {
  name: 'Takahashi FSQ-106EDX4',
  focalLengthMm: 530,
  focalRatio: 5,
} as const;

/** arcsec per unbinned pixel: 206.265 × pixel size (µm) / focal length (mm). */
export function pixelScaleArcsecPerPx(pixelSizeUm: number, binning = 1): number {
  return ((206.265 * pixelSizeUm) / TELESCOPE.focalLengthMm) * binning;
}

/** ImageSettings: NINA's defaults for the auto-stretch. */
export const STRETCH_DEFAULTS = {
  factor: 0.2,
  blackClipping: -2.8,
} as const;

/** PlateSolveSettings.ExposureTime: what capture?duration<=0 exposes for. */
export const PLATE_SOLVE_EXPOSURE_S = 5;

/** CameraSettings.CoolingDuration / WarmingDuration, used by cool/warm?minutes=-1. */
export const COOLING_DURATION_MIN = 10;
export const WARMING_DURATION_MIN = 10;

/** FocuserSettings as this profile has them (NINA defaults, with a step size fitted to this focuser). */
export const AUTOFOCUS_SETTINGS = {
  method: 'STARHFR',
  curveFitting: 'HYPERBOLIC',
  stepSizeSteps: 60,
  initialOffsetSteps: 4,
  framesPerPoint: 1,
  exposureS: 2,
  binning: 1,
  rSquaredThreshold: 0.7,
  backlashModel: 'ABSOLUTE',
  backlashIn: 0,
  backlashOut: 0,
} as const;

/** FilterWheelSettings: per-filter focus offsets as NINA stores them (measured by the user). */
export const FILTER_FOCUS_OFFSETS_STEPS: Readonly<Record<string, number>> = {
  L: 0,
  R: 14,
  G: 6,
  B: -9,
  Ha: 27,
  OIII: -12,
  SII: 33,
};
