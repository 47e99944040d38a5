import { z } from 'zod';
import { maybe, ninaNumber } from './common';

/**
 * `GET /sequence/json` (notes §12): `[{GlobalTriggers}, Start_Container, Targets_Container,
 * End_Container]`, each container `{Name, Status, Items, Conditions, Triggers}` and each item
 * `{Name, Status, …keys of its type}`. Names are NINA's localized UI strings, so an item's kind is
 * read from the keys its type writes, never from its name. Take Many Exposures and Smart Exposure
 * come as single items. Anything unreadable becomes a node that says so; the tree never fails whole.
 */

export const ENTITY_STATUSES = ['CREATED', 'RUNNING', 'FINISHED', 'FAILED', 'SKIPPED', 'DISABLED'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number] | 'UNKNOWN';

export type SequenceNodeKind =
  | 'container'
  | 'smart-exposure'
  | 'take-many-exposures'
  | 'take-exposure'
  | 'switch-filter'
  | 'instruction'
  | 'unreadable';

export interface ExposureSettings {
  exposureTimeS: number;
  /** TakeExposure's progress counter: frames taken since the item was made, never reset (notes §18). */
  exposureCount: number;
  /** -1 = the camera's default. */
  gain?: number;
  offset?: number;
  binning?: string;
  imageType?: string;
  /** Frames to take (the loop's Iterations) for Take Many Exposures and Smart Exposure. */
  iterations?: number;
  /** Frames done in this run; only Smart Exposure reports it. */
  completedIterations?: number;
  /** Smart Exposure's filter name, or "Current". */
  filter?: string;
  /** Take Many Exposures: the ExposureCount while the item last waited (set by nina/api/sequence.ts). */
  countAtStart?: number;
}

export interface SequenceEntity {
  /** The name as NINA shows it, without the plugin's `_Container`/`_Trigger`/`_Condition` suffix. */
  name: string;
  status: EntityStatus;
  /** The status text as NINA sent it, for statuses this client does not know. */
  statusText: string;
}

export interface SequenceCondition extends SequenceEntity {
  iterations?: number;
  completedIterations?: number;
  remainingTime?: string;
}

export interface SequenceTrigger extends SequenceEntity {
  /** Dither and AF-after-exposures: light frames counted towards the next run, of how many. */
  progressExposures?: number;
  targetExposures?: number;
}

export interface SequenceNode extends SequenceEntity {
  /** The path of indices from the top ("1.0.3"): stable while the same sequence stays loaded. */
  id: string;
  kind: SequenceNodeKind;
  items: SequenceNode[];
  conditions: SequenceCondition[];
  triggers: SequenceTrigger[];
  exposure?: ExposureSettings;
  /** Switch Filter's filter name. */
  filter?: string;
  temperatureC?: number;
  /** Cool/warm duration in minutes (MinCoolingTime / MinWarmingTime). */
  durationMin?: number;
  coordinates?: { raText?: string; decText?: string };
  forceCalibration?: boolean;
  /** Wait for Time Span: seconds. */
  delayS?: number;
  /** Wait for Time: NINA's local time text. */
  targetTime?: string;
  text?: string;
  /** Why an entry could not be read. */
  problem?: string;
}

export interface SequenceTree {
  globalTriggers: SequenceTrigger[];
  /** Start, Targets and End, in NINA's order. */
  areas: SequenceNode[];
}

/** A key with an unexpected type is dropped, not the whole entry: a newer plugin may change one. */
const tolerant = <T extends z.ZodType>(schema: T) => maybe(schema).catch(undefined);
const optNumber = tolerant(ninaNumber);
const optString = tolerant(z.string());
const optList = tolerant(z.array(z.unknown()));

/** The keys the plugin writes per type (notes §12); extra keys are ignored, missing ones are fine. */
const entrySchema = z.object({
  Name: optString,
  Status: optString,
  Items: optList,
  Conditions: optList,
  Triggers: optList,
  ExposureTime: optNumber,
  ExposureCount: optNumber,
  Gain: optNumber,
  Offset: optNumber,
  Binning: tolerant(z.object({ Name: optString, X: optNumber, Y: optNumber })),
  Type: optString,
  Iterations: optNumber,
  CompletedIterations: optNumber,
  Filter: optString,
  Temperature: optNumber,
  MinCoolingTime: optNumber,
  MinWarmingTime: optNumber,
  Coordinates: tolerant(z.object({ RAString: optString, DecString: optString })),
  ForceCalibration: tolerant(z.boolean()),
  Delay: optNumber,
  TargetTime: optString,
  Text: optString,
  RemainingTime: optString,
  Exposures: optNumber,
  TargetExposures: optNumber,
  DeltaExposures: optNumber,
});
type Entry = z.infer<typeof entrySchema>;

const SUFFIXES = ['_Container', '_Trigger', '_Condition'] as const;

function displayName(name: string | undefined): string {
  if (name === undefined || name === '') return '(unnamed)';
  const suffix = SUFFIXES.find((candidate) => name.endsWith(candidate));
  return suffix ? name.slice(0, -suffix.length) : name;
}

function statusOf(text: string | undefined): EntityStatus {
  const upper = text?.toUpperCase();
  return (ENTITY_STATUSES as readonly string[]).includes(upper ?? '') ? (upper as EntityStatus) : 'UNKNOWN';
}

function entity(entry: Entry): SequenceEntity {
  return { name: displayName(entry.Name), status: statusOf(entry.Status), statusText: entry.Status ?? '' };
}

function readEntry(raw: unknown): { ok: true; entry: Entry } | { ok: false; problem: string } {
  const parsed = entrySchema.safeParse(raw);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, problem: `${where}${issue?.message ?? 'unreadable'}` };
}

function unreadable(id: string, raw: unknown, problem: string): SequenceNode {
  console.warn(`[skydeck] unreadable sequence entry ${id}: ${problem}`, raw);
  const name = typeof raw === 'object' && raw !== null && typeof (raw as { Name?: unknown }).Name === 'string' ? (raw as { Name: string }).Name : undefined;
  return { id, kind: 'unreadable', name: displayName(name), status: 'UNKNOWN', statusText: '', items: [], conditions: [], triggers: [], problem };
}

function kindOf(entry: Entry): SequenceNodeKind {
  if (entry.Items !== undefined) return 'container';
  if (entry.ExposureTime !== undefined && entry.Iterations !== undefined) {
    return entry.CompletedIterations !== undefined || entry.Filter !== undefined ? 'smart-exposure' : 'take-many-exposures';
  }
  if (entry.ExposureTime !== undefined) return 'take-exposure';
  if (entry.Filter !== undefined) return 'switch-filter';
  return 'instruction';
}

function readCondition(raw: unknown): SequenceCondition {
  const read = readEntry(raw);
  if (!read.ok) return { name: '(unreadable condition)', status: 'UNKNOWN', statusText: '' };
  const { entry } = read;
  return { ...entity(entry), iterations: entry.Iterations, completedIterations: entry.CompletedIterations, remainingTime: entry.RemainingTime };
}

function readTrigger(raw: unknown): SequenceTrigger {
  const read = readEntry(raw);
  if (!read.ok) return { name: '(unreadable trigger)', status: 'UNKNOWN', statusText: '' };
  const { entry } = read;
  return { ...entity(entry), progressExposures: entry.Exposures, targetExposures: entry.TargetExposures ?? entry.DeltaExposures };
}

function readNode(raw: unknown, id: string): SequenceNode {
  const read = readEntry(raw);
  if (!read.ok) return unreadable(id, raw, read.problem);
  const { entry } = read;
  const kind = kindOf(entry);
  const node: SequenceNode = {
    ...entity(entry),
    id,
    kind,
    items: (entry.Items ?? []).map((child, index) => readNode(child, `${id}.${index}`)),
    conditions: (entry.Conditions ?? []).map(readCondition),
    triggers: (entry.Triggers ?? []).map(readTrigger),
  };
  if (entry.ExposureTime !== undefined) {
    node.exposure = {
      exposureTimeS: entry.ExposureTime,
      exposureCount: entry.ExposureCount ?? 0,
      gain: entry.Gain,
      offset: entry.Offset,
      binning: entry.Binning?.Name ?? (entry.Binning?.X !== undefined && entry.Binning.Y !== undefined ? `${entry.Binning.X}x${entry.Binning.Y}` : undefined),
      imageType: entry.Type,
      iterations: entry.Iterations,
      completedIterations: entry.CompletedIterations,
      filter: entry.Filter,
    };
  } else if (entry.Filter !== undefined) {
    node.filter = entry.Filter;
  }
  node.temperatureC = entry.Temperature;
  node.durationMin = entry.MinCoolingTime ?? entry.MinWarmingTime;
  if (entry.Coordinates) node.coordinates = { raText: entry.Coordinates.RAString, decText: entry.Coordinates.DecString };
  node.forceCalibration = entry.ForceCalibration;
  node.delayS = entry.Delay;
  node.targetTime = entry.TargetTime;
  node.text = entry.Text;
  return node;
}

export function readSequenceTree(response: readonly unknown[]): SequenceTree {
  const [first, ...rest] = response;
  const head = typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as { GlobalTriggers?: unknown }) : undefined;
  const hasGlobalTriggers = head !== undefined && 'GlobalTriggers' in head;
  const globalTriggers = hasGlobalTriggers && Array.isArray(head.GlobalTriggers) ? head.GlobalTriggers.map(readTrigger) : [];
  const areas = hasGlobalTriggers ? rest : response;
  return { globalTriggers, areas: areas.map((raw, index) => readNode(raw, String(index))) };
}

export const sequenceTreeSchema = z.array(z.unknown()).transform(readSequenceTree);

/** NINA marks the areas (and the root) RUNNING for as long as the run lasts. */
export function isSequenceRunning(tree: SequenceTree): boolean {
  return tree.areas.some((area) => area.status === 'RUNNING');
}

/** `list-available`: names relative to the sequence folder, subfolders as `sub/Name` (notes §12). */
export const sequenceListSchema = z.array(z.string());
