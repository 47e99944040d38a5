// The file name NINA gives a saved frame, from the profile's file pattern.

import { localOffsetMinutes } from '../../wire/net-format';

export interface ImageFileFacts {
  startMs: number;
  filterName: string | null;
  sensorTemperatureC: number;
  exposureS: number;
  frameNumber: number;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** `{0:0.00}` with the invariant culture: away-from-zero rounding, "-0.00" for small negatives. */
function twoDecimals(value: number): string {
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * 100);
  const text = (Math.abs(rounded) / 100).toFixed(2);
  return value < 0 ? `-${text}` : text;
}

/** The local wall clock as ImagePatterns formats $$DATETIME$$: yyyy-MM-dd_HH-mm-ss. */
function localDateTime(epochMs: number): string {
  const wall = new Date(epochMs + localOffsetMinutes(epochMs) * 60_000);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}_` +
    `${pad(wall.getUTCHours(), 2)}-${pad(wall.getUTCMinutes(), 2)}-${pad(wall.getUTCSeconds(), 2)}`
  );
}

/**
 * ImageFileSettings.FilePattern's default, `$$DATEMINUS12$$\$$IMAGETYPE$$\$$DATETIME$$_$$FILTER$$_$$SENSORTEMP$$_$$EXPOSURETIME$$s_$$FRAMENR$$`,
 * without its directories, which are not part of the file name.
 */
export function imageFileName(facts: ImageFileFacts): string {
  const parts = [
    localDateTime(facts.startMs),
    facts.filterName ?? '',
    twoDecimals(facts.sensorTemperatureC),
    `${twoDecimals(facts.exposureS)}s`,
    pad(facts.frameNumber, 4),
  ];
  return `${parts.join('_')}.fits`;
}
