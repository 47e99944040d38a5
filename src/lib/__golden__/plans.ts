import type { TargetPlan } from '../sequence-builder';

// The plans whose JSON the golden files next to this hold (see sequence-builder.test.ts).

export const seedTarget = { raHours: 21 + 44 / 60 + 48.408 / 3600, decDeg: -(11 + 8 / 60 + 52.08 / 3600) };

/** The seed's FAKE-01 with everything on: center, cooling, autofocus, guiding, dither, two filters. */
export const fakeTargetPlan: TargetPlan = {
  targetName: 'FAKE-01',
  ...seedTarget,
  positionAngleDeg: 0,
  move: 'center',
  cooling: { temperatureC: -10, durationMin: 5 },
  autofocusAtStart: true,
  guiding: true,
  ditherEveryFrames: 3,
  reportFailures: true,
  exposures: [
    { filter: { name: 'R', position: 1 }, exposureTimeS: 120, count: 2, gain: -1, offset: -1, binning: { x: 1, y: 1 } },
    { filter: { name: 'G', position: 2 }, exposureTimeS: 90.5, count: 3, gain: 100, offset: 10, binning: { x: 2, y: 2 } },
  ],
};

/** No filter wheel: frames on the current filter, a slew without centering, a target just south of the equator. */
export const currentFilterPlan: TargetPlan = {
  targetName: 'Equator field',
  raHours: 23 + 59 / 60 + 59.9996 / 3600,
  decDeg: -0.25 / 3600,
  positionAngleDeg: 0,
  move: 'slew',
  autofocusAtStart: false,
  guiding: false,
  ditherEveryFrames: 2,
  reportFailures: false,
  exposures: [{ exposureTimeS: 1, count: 3, gain: -1, offset: -1, binning: { x: 1, y: 1 } }],
};

/** One line on a filter, one on whatever is in place: Take Many Exposures after a Switch Filter. */
export const mixedPlan: TargetPlan = {
  targetName: 'NGC 7000',
  raHours: 20 + 59 / 60 + 17.1 / 3600,
  decDeg: 44 + 31 / 60 + 44 / 3600,
  positionAngleDeg: 0,
  move: 'none',
  autofocusAtStart: false,
  guiding: false,
  ditherEveryFrames: 0,
  reportFailures: true,
  exposures: [
    { filter: { name: 'Ha', position: 4 }, exposureTimeS: 300, count: 12, gain: 200, offset: 50, binning: { x: 1, y: 1 } },
    { exposureTimeS: 10, count: 5, gain: -1, offset: -1, binning: { x: 1, y: 1 } },
  ],
};
