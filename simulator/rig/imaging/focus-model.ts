// How sharp the stars are: the HFR of a star as a function of the focuser position, the tube
// temperature, the filter and the seeing. The camera's frames and the autofocus routine both read
// it, so an AF run finds exactly the best focus the frames show.
//
// HFR here is what NINA's star detection measures: the flux-weighted mean distance of a star's
// pixels from its centroid, in unbinned pixels. Defocus adds in quadrature to the in-focus size,
// which makes the V-curve a hyperbola: HFR = sqrt(hfrMin² + (k·Δ)²).

import { FILTER_FOCUS_OFFSETS_STEPS } from './profile';

/** Where focus is at the reference temperature, through L. */
const BEST_FOCUS_AT_REFERENCE_STEPS = 15_362;
const REFERENCE_TEMPERATURE_C = 11.5;
/** The tube shrinks as it cools and focus moves out: about 22 steps per °C. */
const FOCUS_SHIFT_STEPS_PER_DEG_C = 22;
/** HFR growth per step away from focus (unbinned px): an f/5 light cone on a 5.6 µm-per-step focuser. */
const DEFOCUS_HFR_PX_PER_STEP = 0.02;
/** The optics' own in-focus spot, flux-weighted mean radius in pixels. */
const OPTICS_HFR_PX = 1.45;
/** Flux-weighted mean radius of a Gaussian over its FWHM: 1.2533σ / 2.3548σ. */
const MEAN_RADIUS_PER_FWHM = 0.532;
/** Frame-to-frame scatter of the seeing term, relative. */
const SEEING_JITTER = 0.08;

export interface FocusConditions {
  positionSteps: number;
  temperatureC: number;
  filterName: string | null;
  seeingFwhmArcsec: number;
  pixelScaleArcsecPerPx: number;
  /** A standard-normal draw for this frame's seeing. */
  seeingNoise: number;
}

export class FocusModel {
  /** Test control: shifts the best focus, as if the focuser had slipped. */
  bestFocusOffsetSteps = 0;
  /** Test control: replaces the environment's seeing. */
  seeingOverrideArcsec: number | null = null;

  bestFocusSteps(temperatureC: number, filterName: string | null): number {
    const filterOffset = filterName === null ? 0 : (FILTER_FOCUS_OFFSETS_STEPS[filterName] ?? 0);
    return (
      BEST_FOCUS_AT_REFERENCE_STEPS +
      FOCUS_SHIFT_STEPS_PER_DEG_C * (REFERENCE_TEMPERATURE_C - temperatureC) +
      filterOffset +
      this.bestFocusOffsetSteps
    );
  }

  seeingFwhmArcsec(environmentFwhmArcsec: number): number {
    return this.seeingOverrideArcsec ?? environmentFwhmArcsec;
  }

  /** The smallest HFR this seeing allows, in unbinned pixels. */
  minimumHfrPx(seeingFwhmArcsec: number, pixelScaleArcsecPerPx: number, seeingNoise = 0): number {
    const seeingPx = ((seeingFwhmArcsec * MEAN_RADIUS_PER_FWHM) / pixelScaleArcsecPerPx) * (1 + SEEING_JITTER * seeingNoise);
    return Math.hypot(OPTICS_HFR_PX, Math.max(0, seeingPx));
  }

  hfrPx(conditions: FocusConditions): number {
    const minimum = this.minimumHfrPx(conditions.seeingFwhmArcsec, conditions.pixelScaleArcsecPerPx, conditions.seeingNoise);
    const defocusSteps = conditions.positionSteps - this.bestFocusSteps(conditions.temperatureC, conditions.filterName);
    return Math.hypot(minimum, DEFOCUS_HFR_PX_PER_STEP * defocusSteps);
  }
}
