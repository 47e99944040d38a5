import { z } from 'zod';
import { maybe } from './common';

/**
 * The Livestack plugin as the Advanced API relays it (notes §11). The status is a free string:
 * `"stopped"` until the plugin's first broadcast, then its enum name `"Running"` / `"Stopped"`.
 */
export const liveStackStatusSchema = z.string();

/** Compared case-insensitively: NINA's first answer is lowercase, later ones are capitalized. */
export const isLiveStackRunning = (status: string | undefined): boolean => status?.trim().toLowerCase() === 'running';

/** `image/available`: one entry per (target, filter) the plugin has stacked since NINA started. */
export const liveStackAvailableSchema = z.array(z.object({ Target: z.string(), Filter: z.string() }));
export type LiveStackPair = z.infer<typeof liveStackAvailableSchema>[number];

/**
 * What a stack holds: a mono tab counts its frames, a colour combination counts each channel's.
 * REST omits the null counts and the socket writes them as `null` (notes §11); both become undefined.
 */
const stackCountsShape = {
  IsMonochrome: maybe(z.boolean()),
  StackCount: maybe(z.number()),
  RedStackCount: maybe(z.number()),
  GreenStackCount: maybe(z.number()),
  BlueStackCount: maybe(z.number()),
};

/** `image/{target}/{filter}/info`. */
export const liveStackInfoSchema = z.object({ ...stackCountsShape, Target: maybe(z.string()), Filter: maybe(z.string()) });
export type LiveStackInfo = z.infer<typeof liveStackInfoSchema>;

export type StackCounts =
  | { kind: 'mono'; frames: number }
  | { kind: 'color'; red: number; green: number; blue: number };

/** A colour stack carries channel counts and no StackCount; trust the counts over the flag. */
export function stackCountsOf(info: Pick<LiveStackInfo, keyof typeof stackCountsShape>): StackCounts | undefined {
  const { IsMonochrome, StackCount, RedStackCount, GreenStackCount, BlueStackCount } = info;
  const hasChannels = RedStackCount !== undefined || GreenStackCount !== undefined || BlueStackCount !== undefined;
  if (hasChannels && (IsMonochrome === false || StackCount === undefined)) {
    return { kind: 'color', red: RedStackCount ?? 0, green: GreenStackCount ?? 0, blue: BlueStackCount ?? 0 };
  }
  if (StackCount !== undefined) return { kind: 'mono', frames: StackCount };
  return undefined;
}

/** One stack tab, as the view and the stores name it. */
export function stackKey(target: string, filter: string): string {
  return JSON.stringify([target, filter]);
}

/**
 * The tab a saved frame goes to: the plugin files a frame without a target or a filter under
 * "No_target" / "No_filter".
 */
const NO_TARGET = 'No_target';
const NO_FILTER = 'No_filter';

export function stackPairOfFrame(targetName: string | undefined, filterName: string | undefined): LiveStackPair {
  const target = targetName?.trim() ? targetName : NO_TARGET;
  const filter = filterName?.trim() ? filterName : NO_FILTER;
  return { Target: target, Filter: filter };
}

/** The frames the Livestack plugin takes from NINA's image-save pipeline. */
const STACKED_TYPES: ReadonlySet<string> = new Set(['LIGHT', 'SNAPSHOT']);

export function isStackedImageType(imageType: string | undefined): boolean {
  return STACKED_TYPES.has(imageType?.toUpperCase() ?? '');
}
