// NINA's enums with their numeric values: names go out on REST, numbers on the socket.

import { defineNetEnum } from '../wire/net-values';

/** NINA.Core.Enum.PierSide (ASCOM PointingState plus Unknown). */
export const PierSide = defineNetEnum({ pierUnknown: -1, pierEast: 0, pierWest: 1 });

/** NINA.Core.Enum.TrackingMode. */
export const TrackingMode = defineNetEnum({ Sidereal: 0, Lunar: 1, Solar: 2, King: 3, Custom: 4, Stopped: 5 });
export type TrackingModeName = keyof typeof TrackingMode;

/** NINA.Astrometry.Epoch. */
export const Epoch = defineNetEnum({ JNOW: 0, B1950: 1, J2000: 2, J2050: 3 });

/** NINA.Core.Enum.AlignmentMode. */
export const AlignmentMode = defineNetEnum({ AltAz: 0, Polar: 1, GermanPolar: 2 });

/** NINA.Core.Enum.CameraStates. */
export const CameraStates = defineNetEnum({
  NoState: -1,
  Idle: 0,
  Waiting: 1,
  Exposing: 2,
  Reading: 3,
  Download: 4,
  Error: 5,
  LoadingFile: 6,
});

/** NINA.Core.Enum.SensorType. */
export const SensorType = defineNetEnum({
  Monochrome: 0,
  Color: 1,
  RGGB: 2,
  CMYG: 3,
  CMYG2: 4,
  LRGB: 5,
  BGGR: 6,
  GBRG: 7,
  GRBG: 8,
  GRGB: 9,
  GBGR: 10,
  RGBG: 11,
  BGRG: 12,
});

/** NINA.Equipment.Interfaces.ShutterState. */
export const ShutterState = defineNetEnum({
  ShutterNone: -1,
  ShutterOpen: 0,
  ShutterClosed: 1,
  ShutterOpening: 2,
  ShutterClosing: 3,
  ShutterError: 4,
});
export type ShutterStateName = keyof typeof ShutterState;

/** NINA.Equipment.Interfaces.CoverState. */
export const CoverState = defineNetEnum({
  Unknown: 0,
  NeitherOpenNorClosed: 1,
  Closed: 2,
  Open: 3,
  Error: 4,
  NotPresent: 5,
});
export type CoverStateName = keyof typeof CoverState;
