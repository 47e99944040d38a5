import { z } from 'zod';
import { tppaStartOptionsSchema, type TppaStartOptions } from '../../nina/schemas/tppa';

/**
 * The start form as typed. Every field may stay empty, which leaves it out of the request so
 * TPPA keeps its own setting (notes §10.1); what is sent changes TPPA's setting for good.
 */

const choice = z.enum(['', 'true', 'false']);
export type Choice = z.infer<typeof choice>;

export const optionsDraftSchema = z.object({
  manualMode: choice,
  startFromCurrentPosition: choice,
  eastDirection: choice,
  targetDistanceDeg: z.string(),
  moveRateDegPerS: z.string(),
  exposureS: z.string(),
  gain: z.string(),
  offset: z.string(),
  binning: z.string(),
  filter: z.string(),
  toleranceArcmin: z.string(),
  searchRadiusDeg: z.string(),
});
export type OptionsDraft = z.infer<typeof optionsDraftSchema>;
export type NumericField = 'targetDistanceDeg' | 'moveRateDegPerS' | 'exposureS' | 'gain' | 'offset' | 'binning' | 'toleranceArcmin' | 'searchRadiusDeg';

/**
 * Only the tolerance is filled in: Skydeck must know it to say "aligned", and TPPA's own default
 * of 0 never finishes by itself.
 */
export const DEFAULT_TOLERANCE_ARCMIN = 1;

export const emptyDraft: OptionsDraft = {
  manualMode: '',
  startFromCurrentPosition: '',
  eastDirection: '',
  targetDistanceDeg: '',
  moveRateDegPerS: '',
  exposureS: '',
  gain: '',
  offset: '',
  binning: '',
  filter: '',
  toleranceArcmin: String(DEFAULT_TOLERANCE_ARCMIN),
  searchRadiusDeg: '',
};

const wireNames: Record<NumericField, keyof TppaStartOptions> = {
  targetDistanceDeg: 'TargetDistance',
  moveRateDegPerS: 'MoveRate',
  exposureS: 'ExposureTime',
  gain: 'Gain',
  offset: 'Offset',
  binning: 'Binning',
  toleranceArcmin: 'AlignmentTolerance',
  searchRadiusDeg: 'SearchRadius',
};

const labels: Record<NumericField, string> = {
  targetDistanceDeg: 'Target distance',
  moveRateDegPerS: 'Move rate',
  exposureS: 'Exposure',
  gain: 'Gain',
  offset: 'Offset',
  binning: 'Binning',
  toleranceArcmin: 'Tolerance',
  searchRadiusDeg: 'Search radius',
};

export type DraftErrors = Partial<Record<NumericField, string>>;
export type ParsedDraft = { ok: true; options: TppaStartOptions } | { ok: false; errors: DraftErrors };

/** Accepts a decimal comma, as phones in many locales type it. */
function readNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const fromChoice = (value: Choice): boolean | undefined => (value === '' ? undefined : value === 'true');

export function parseDraft(draft: OptionsDraft): ParsedDraft {
  const errors: DraftErrors = {};
  const options: Record<string, unknown> = {
    ManualMode: fromChoice(draft.manualMode),
    StartFromCurrentPosition: fromChoice(draft.startFromCurrentPosition),
    EastDirection: fromChoice(draft.eastDirection),
    Filter: draft.filter === '' ? undefined : draft.filter,
  };
  for (const field of Object.keys(wireNames) as NumericField[]) {
    const value = readNumber(draft[field]);
    if (Number.isNaN(value)) errors[field] = `${labels[field]} must be a number`;
    else options[wireNames[field]] = value;
  }
  const checked = tppaStartOptionsSchema.safeParse(options);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = (Object.keys(wireNames) as NumericField[]).find((name) => wireNames[name] === issue.path[0]);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !checked.success) return { ok: false, errors };
  const sent = Object.fromEntries(Object.entries(checked.data).filter(([, value]) => value !== undefined));
  return { ok: true, options: sent as TppaStartOptions };
}

/** What a start will send, in a few words: "tolerance 1′, exposure 2 s; the rest as set in TPPA". */
export function describeOptions(options: TppaStartOptions): string {
  const parts: string[] = [];
  if (options.ManualMode !== undefined) parts.push(options.ManualMode ? 'manual' : 'automatic');
  if (options.StartFromCurrentPosition !== undefined) parts.push(options.StartFromCurrentPosition ? 'from where it points' : 'from near the pole');
  if (options.EastDirection !== undefined) parts.push(options.EastDirection ? 'east' : 'west');
  if (options.TargetDistance !== undefined) parts.push(`${options.TargetDistance}° apart`);
  if (options.MoveRate !== undefined) parts.push(`${options.MoveRate}°/s`);
  if (options.ExposureTime !== undefined) parts.push(`${options.ExposureTime} s exposures`);
  if (options.Gain !== undefined) parts.push(`gain ${options.Gain}`);
  if (options.Offset !== undefined) parts.push(`offset ${options.Offset}`);
  if (options.Binning !== undefined) parts.push(`bin ${options.Binning}`);
  if (options.Filter !== undefined) parts.push(`filter ${options.Filter}`);
  if (options.AlignmentTolerance !== undefined) parts.push(`tolerance ${options.AlignmentTolerance}′`);
  if (options.SearchRadius !== undefined) parts.push(`search ${options.SearchRadius}°`);
  if (parts.length === 0) return 'All options as set in TPPA';
  return parts.length === 12 ? capitalise(parts.join(', ')) : `${capitalise(parts.join(', '))}; the rest as set in TPPA`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
