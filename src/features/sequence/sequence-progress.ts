import type { EntityStatus, SequenceNode, SequenceTree } from '../../nina/schemas/sequence';
import type { EventLogEntry } from '../../store/event-log';

/** One line of exposures in the loaded sequence, however it was built: N frames of one filter and time. */
export interface PlanRowProgress {
  id: string;
  /** The instruction set it belongs to: the target's name, or the area's. */
  group: string;
  filter?: string;
  exposureTimeS: number;
  imageType?: string;
  gain?: number;
  offset?: number;
  binning?: string;
  done: number;
  total: number;
  status: EntityStatus;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function loopOf(container: SequenceNode | undefined): { iterations: number; completed: number } | undefined {
  const loop = container?.conditions.find((condition) => condition.iterations !== undefined);
  return loop?.iterations === undefined ? undefined : { iterations: loop.iterations, completed: loop.completedIterations ?? 0 };
}

function framesOf(node: SequenceNode, parent: SequenceNode | undefined): { done: number; total: number } {
  const exposure = node.exposure;
  if (!exposure) return { done: 0, total: 0 };
  const finished = node.status === 'FINISHED';
  switch (node.kind) {
    case 'smart-exposure': {
      const total = exposure.iterations ?? 1;
      return { total, done: finished ? total : clamp(exposure.completedIterations ?? 0, 0, total) };
    }
    case 'take-many-exposures': {
      const total = exposure.iterations ?? 1;
      if (finished) return { total, done: total };
      if (node.status === 'CREATED') return { total, done: 0 };
      return { total, done: clamp(exposure.exposureCount - (exposure.countAtStart ?? 0), 0, total) };
    }
    default: {
      // A single Take Exposure repeats only through a loop on the set around it.
      const loop = loopOf(parent);
      if (loop) return { total: loop.iterations, done: clamp(loop.completed, 0, loop.iterations) };
      return { total: 1, done: finished ? 1 : 0 };
    }
  }
}

const isExposure = (node: SequenceNode) => node.kind === 'smart-exposure' || node.kind === 'take-many-exposures' || node.kind === 'take-exposure';

/** Every enabled exposure line in tree order, with the filter it takes (its own, or the last Switch Filter before it). */
export function planRows(tree: SequenceTree | undefined): PlanRowProgress[] {
  const rows: PlanRowProgress[] = [];
  const visit = (container: SequenceNode, group: string) => {
    let filter: string | undefined;
    for (const node of container.items) {
      if (node.status === 'DISABLED') continue;
      if (node.kind === 'switch-filter') filter = node.filter;
      if (node.kind === 'container') {
        visit(node, node.name);
        continue;
      }
      if (!isExposure(node) || !node.exposure) continue;
      const ownFilter = node.kind === 'smart-exposure' ? node.exposure.filter : filter;
      // A Smart Exposure leaves its filter in place for what follows it.
      if (node.kind === 'smart-exposure' && ownFilter !== undefined && ownFilter !== 'Current') filter = ownFilter;
      rows.push({
        id: node.id,
        group,
        filter: ownFilter,
        exposureTimeS: node.exposure.exposureTimeS,
        imageType: node.exposure.imageType,
        gain: node.exposure.gain,
        offset: node.exposure.offset,
        binning: node.exposure.binning,
        ...framesOf(node, container),
        status: node.status,
      });
    }
  };
  for (const area of tree?.areas ?? []) visit(area, area.name);
  return rows;
}

/** The instructions working now: RUNNING nodes without a RUNNING child (a Smart Exposure counts as one). */
export function currentItems(tree: SequenceTree | undefined): SequenceNode[] {
  const found: SequenceNode[] = [];
  const visit = (node: SequenceNode) => {
    if (node.status !== 'RUNNING') return;
    const running = node.items.filter((child) => child.status === 'RUNNING');
    if (running.length === 0) found.push(node);
    else running.forEach(visit);
  };
  tree?.areas.forEach(visit);
  return found;
}

function someNode(tree: SequenceTree | undefined, test: (node: SequenceNode) => boolean): boolean {
  const visit = (node: SequenceNode): boolean => test(node) || node.items.some(visit);
  return tree?.areas.some(visit) ?? false;
}

/** Nothing to run: every area is empty. */
export function isEmptySequence(tree: SequenceTree | undefined): boolean {
  return tree !== undefined && tree.areas.every((area) => area.items.length === 0);
}

/** Items already ran: NINA skips them on the next start until the sequence is reset. */
export function hasProgress(tree: SequenceTree | undefined): boolean {
  return someNode(tree, (node) => node.status === 'FINISHED' || node.status === 'FAILED' || node.status === 'SKIPPED');
}

/** Every item still waits: a start that ended like this did not run anything. */
export function nothingRan(tree: SequenceTree | undefined): boolean {
  return tree !== undefined && !someNode(tree, (node) => node.status !== 'CREATED' && node.status !== 'DISABLED');
}

export function frameTotals(rows: readonly PlanRowProgress[]): { done: number; total: number } {
  return rows.reduce((sum, row) => ({ done: sum.done + row.done, total: sum.total + row.total }), { done: 0, total: 0 });
}

/** Exposure time still ahead, each frame plus the overhead per frame (download, save, dither). */
export function remainingS(rows: readonly PlanRowProgress[], overheadPerFrameS: number): number {
  return rows
    .filter((row) => row.status === 'CREATED' || row.status === 'RUNNING')
    .reduce((sum, row) => sum + (row.total - row.done) * (row.exposureTimeS + overheadPerFrameS), 0);
}

export interface SavedFrame {
  atMs: number;
  exposureS: number;
}

/**
 * The time a frame costs beyond its exposure, from the gaps between saved frames: the median, so
 * the gaps that hold a slew, an autofocus or a filter change do not count.
 */
export function perFrameOverheadS(frames: readonly SavedFrame[]): number | undefined {
  const samples: number[] = [];
  for (let index = 1; index < frames.length; index += 1) {
    const previous = frames[index - 1];
    const frame = frames[index];
    if (!previous || !frame) continue;
    samples.push((frame.atMs - previous.atMs) / 1000 - frame.exposureS);
  }
  if (samples.length === 0) return undefined;
  samples.sort((a, b) => a - b);
  const middle = Math.floor(samples.length / 2);
  const median = samples.length % 2 === 1 ? (samples[middle] ?? 0) : ((samples[middle - 1] ?? 0) + (samples[middle] ?? 0)) / 2;
  return Math.max(0, median);
}

export interface RunFailure {
  entity: string;
  error: string;
  atMs: number;
}

/** The latest sequence run as NINA's events tell it. */
export interface RunFromEvents {
  startedAtMs?: number;
  finishedAtMs?: number;
  failures: RunFailure[];
  frames: SavedFrame[];
}

/** When an event happened: NINA's own time for rows recovered from its history, else when it arrived. */
function eventTimeMs(entry: EventLogEntry): number {
  if (entry.source === 'history' && entry.ninaTime) {
    const parsed = Date.parse(entry.ninaTime);
    if (Number.isFinite(parsed)) return parsed;
  }
  return entry.receivedAtMs;
}

function exposureOf(entry: EventLogEntry): number | undefined {
  const statistics = entry.data.ImageStatistics;
  if (typeof statistics !== 'object' || statistics === null) return undefined;
  const exposure = (statistics as { ExposureTime?: unknown }).ExposureTime;
  return typeof exposure === 'number' && Number.isFinite(exposure) ? exposure : undefined;
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);

/** Reads the event log back to the last SEQUENCE-STARTING. */
export function runFromEventLog(entries: readonly EventLogEntry[]): RunFromEvents {
  let start = -1;
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    if (entries[index]?.name === 'SEQUENCE-STARTING') {
      start = index;
      break;
    }
  }
  const run: RunFromEvents = { failures: [], frames: [] };
  if (start < 0) return run;
  run.startedAtMs = eventTimeMs(entries[start] as EventLogEntry);
  for (const entry of entries.slice(start + 1)) {
    const atMs = eventTimeMs(entry);
    if (entry.name === 'SEQUENCE-FINISHED') run.finishedAtMs ??= atMs;
    else if (entry.name === 'SEQUENCE-ENTITY-FAILED') {
      run.failures.push({ entity: text(entry.data.Entity, 'A sequence item'), error: text(entry.data.Error, 'No reason given'), atMs });
    } else if (entry.name === 'IMAGE-SAVE' && run.finishedAtMs === undefined) {
      const exposureS = exposureOf(entry);
      if (exposureS !== undefined) run.frames.push({ atMs, exposureS });
    }
  }
  return run;
}
