import type { ExposurePlanRow, TargetMove, TargetPlan } from '../../lib/sequence-builder';
import { parseDecDeg, parseRaHours } from '../../lib/sexagesimal';

/** One exposure line of the form as typed: texts, so a half-typed number is kept as it is. */
export interface ExposureRowDraft {
  key: string;
  /** A filter name from NINA's list; '' = whatever filter is in place. */
  filter: string;
  exposureText: string;
  countText: string;
  /** '' = the camera's default (-1 in the sequence). */
  gainText: string;
  offsetText: string;
  /** "1x1", "2x2"… */
  binning: string;
}

export interface BuilderDraft {
  targetName: string;
  raText: string;
  decText: string;
  move: TargetMove;
  cool: boolean;
  coolTempText: string;
  coolMinutesText: string;
  autofocus: boolean;
  guiding: boolean;
  /** '' or 0 = never. */
  ditherText: string;
  reportFailures: boolean;
  rows: ExposureRowDraft[];
}

export interface RowErrors {
  filter?: string;
  exposure?: string;
  count?: string;
  gain?: string;
  offset?: string;
  binning?: string;
}

export interface DraftErrors {
  targetName?: string;
  ra?: string;
  dec?: string;
  coolTemp?: string;
  coolMinutes?: string;
  dither?: string;
  rows: Record<string, RowErrors>;
  /** About the plan as a whole (no rows). */
  plan?: string;
}

/** What NINA's equipment says the form must respect. */
export interface BuilderContext {
  /** The profile's filters (`AvailableFilters`: Id = position). */
  filters: readonly { Name: string; Id: number }[];
  gainRange?: { min: number; max: number };
  offsetRange?: { min: number; max: number };
}

export const MAX_FRAMES_PER_ROW = 10_000;
/** NINA's own limits for a cooling set point are the camera's; these only catch typos. */
const COOL_MIN_C = -60;
const COOL_MAX_C = 40;

const NUMBER = /^[-+−]?(\d+(?:[.,]\d*)?|[.,]\d+)$/;
const toNumber = (text: string): number | undefined => (NUMBER.test(text.trim()) ? Number(text.trim().replace('−', '-').replace(',', '.')) : undefined);

function wholeNumber(text: string, label: string, { min, max }: { min: number; max: number }): { value?: number; error?: string } {
  const value = toNumber(text);
  if (value === undefined || !Number.isInteger(value)) return { error: `${label} must be a whole number` };
  if (value < min || value > max) return { error: `${label} must be between ${min} and ${max}` };
  return { value };
}

/** Gain or offset: blank means the camera's default. */
function cameraSetting(text: string, label: string, range: { min: number; max: number } | undefined): { value?: number; error?: string } {
  if (text.trim() === '') return { value: -1 };
  return wholeNumber(text, label, range ?? { min: 0, max: 100_000 });
}

export function parseBinning(text: string): { x: number; y: number } | undefined {
  const match = /^(\d+)x(\d+)$/i.exec(text.trim());
  if (!match) return undefined;
  const x = Number(match[1]);
  const y = Number(match[2]);
  return x >= 1 && y >= 1 ? { x, y } : undefined;
}

function readRow(row: ExposureRowDraft, context: BuilderContext): { row?: ExposurePlanRow; errors: RowErrors } {
  const errors: RowErrors = {};
  let filter: ExposurePlanRow['filter'];
  if (row.filter !== '') {
    const known = context.filters.find((candidate) => candidate.Name === row.filter);
    if (known) filter = { name: known.Name, position: known.Id };
    else errors.filter = `NINA’s filter list has no “${row.filter}”`;
  }
  const exposureTimeS = toNumber(row.exposureText);
  if (exposureTimeS === undefined || !(exposureTimeS > 0)) errors.exposure = 'Exposure must be a number of seconds above 0';
  const count = wholeNumber(row.countText, 'Frames', { min: 1, max: MAX_FRAMES_PER_ROW });
  if (count.error) errors.count = count.error;
  const gain = cameraSetting(row.gainText, 'Gain', context.gainRange);
  if (gain.error) errors.gain = gain.error;
  const offset = cameraSetting(row.offsetText, 'Offset', context.offsetRange);
  if (offset.error) errors.offset = offset.error;
  const binning = parseBinning(row.binning);
  if (!binning) errors.binning = 'Binning must look like 1x1';
  if (Object.keys(errors).length > 0 || exposureTimeS === undefined || count.value === undefined || gain.value === undefined || offset.value === undefined || !binning) {
    return { errors };
  }
  return { row: { filter, exposureTimeS, count: count.value, gain: gain.value, offset: offset.value, binning }, errors };
}

/** The typed form → a plan the builder can turn into NINA's JSON, or what to fix, per field. */
export function planFromDraft(draft: BuilderDraft, context: BuilderContext): { ok: true; plan: TargetPlan } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = { rows: {} };
  const targetName = draft.targetName.trim();
  if (targetName === '') errors.targetName = 'Give the target a name: NINA names its frames after it';

  const ra = parseRaHours(draft.raText);
  if (!ra.ok) errors.ra = ra.error;
  const dec = parseDecDeg(draft.decText);
  if (!dec.ok) errors.dec = dec.error;

  let cooling: TargetPlan['cooling'];
  if (draft.cool) {
    const temperatureC = toNumber(draft.coolTempText);
    if (temperatureC === undefined || temperatureC < COOL_MIN_C || temperatureC > COOL_MAX_C) {
      errors.coolTemp = `Set point must be a temperature between ${COOL_MIN_C} and ${COOL_MAX_C} °C`;
    }
    const durationMin = draft.coolMinutesText.trim() === '' ? 0 : toNumber(draft.coolMinutesText);
    if (durationMin === undefined || durationMin < 0 || durationMin > 120) errors.coolMinutes = 'Cooling time must be between 0 and 120 minutes';
    if (temperatureC !== undefined && durationMin !== undefined) cooling = { temperatureC, durationMin };
  }

  let ditherEveryFrames = 0;
  if (draft.ditherText.trim() !== '') {
    const dither = wholeNumber(draft.ditherText, 'Dither every', { min: 0, max: 1000 });
    if (dither.error) errors.dither = dither.error;
    else ditherEveryFrames = dither.value ?? 0;
  }

  const exposures: ExposurePlanRow[] = [];
  for (const row of draft.rows) {
    const read = readRow(row, context);
    if (Object.keys(read.errors).length > 0) errors.rows[row.key] = read.errors;
    if (read.row) exposures.push(read.row);
  }
  if (draft.rows.length === 0) errors.plan = 'Add at least one line of exposures';

  const failed = Object.keys(errors).some((key) => key !== 'rows' && errors[key as keyof DraftErrors] !== undefined) || Object.keys(errors.rows).length > 0;
  if (failed || !ra.ok || !dec.ok) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      targetName,
      raHours: ra.value,
      decDeg: dec.value,
      positionAngleDeg: 0,
      move: draft.move,
      cooling,
      autofocusAtStart: draft.autofocus,
      guiding: draft.guiding,
      ditherEveryFrames,
      reportFailures: draft.reportFailures,
      exposures,
    },
  };
}

/** Total exposure time of a plan, for the summary under the form. */
export function planExposureS(plan: TargetPlan): number {
  return plan.exposures.reduce((sum, row) => sum + row.exposureTimeS * row.count, 0);
}
