import type { StackCounts } from '../../nina/schemas/livestack';
import type { SavedFrames } from '../../store/livestack-frames';

/**
 * Integration time of a stack: the frames it holds times how long each exposed. The live stack
 * counts frames but not their exposure; that comes from the frames saved for the same target and
 * filter. When they were not all the same length, the count times their mean is an estimate.
 */
export interface Integration {
  seconds: number;
  /** Every saved frame of this stack had the same exposure. */
  exact: boolean;
  shortestS: number;
  longestS: number;
}

export function integrationOf(counts: StackCounts | undefined, saved: SavedFrames | undefined): Integration | undefined {
  if (counts?.kind !== 'mono' || !saved || saved.exposures.length === 0) return undefined;
  const frames = saved.exposures.reduce((sum, entry) => sum + entry.frames, 0);
  if (frames <= 0) return undefined;
  const meanS = saved.exposures.reduce((sum, entry) => sum + entry.exposureS * entry.frames, 0) / frames;
  const lengths = saved.exposures.map((entry) => entry.exposureS);
  return { seconds: counts.frames * meanS, exact: saved.exposures.length === 1, shortestS: Math.min(...lengths), longestS: Math.max(...lengths) };
}

/** The sum of several stacks' integration; an estimate if any part is. */
export function totalIntegration(parts: readonly (Integration | undefined)[]): Integration | undefined {
  const known = parts.filter((part): part is Integration => part !== undefined);
  if (known.length === 0) return undefined;
  return {
    seconds: known.reduce((sum, part) => sum + part.seconds, 0),
    exact: known.length === parts.length && known.every((part) => part.exact),
    shortestS: Math.min(...known.map((part) => part.shortestS)),
    longestS: Math.max(...known.map((part) => part.longestS)),
  };
}

/** 45 → "45 s", 750 → "12 min 30 s", 5_400 → "1 h 30 min": to the second under an hour, to the minute above. */
export function formatDurationS(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3_600) {
    const minutes = Math.floor(total / 60);
    const rest = total % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  const totalMinutes = Math.round(total / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `${hours} h ${String(minutes).padStart(2, '0')} min`;
}

/** An exposure as NINA users write it: "300 s", "0.5 s", "2.25 s". */
export function formatExposureS(seconds: number): string {
  return `${Number(seconds.toFixed(3))} s`;
}

/** The sub-exposure of a stack: one length, or the range when it changed. */
export function formatSubExposure(integration: Integration): string {
  return integration.exact ? formatExposureS(integration.shortestS) : `${formatExposureS(integration.shortestS)}–${formatExposureS(integration.longestS)}`;
}

/** "1 h 30 min", or "≈ 1 h 30 min" when the frames' lengths differed. */
export function formatIntegration(integration: Integration | undefined): string {
  if (!integration) return '—';
  return `${integration.exact ? '' : '≈ '}${formatDurationS(integration.seconds)}`;
}

/** "24 frames", "1 frame", or a colour stack's channels: "R 12 · G 11 · B 10". */
export function formatCounts(counts: StackCounts | undefined): string {
  if (!counts) return '—';
  if (counts.kind === 'mono') return `${counts.frames} ${counts.frames === 1 ? 'frame' : 'frames'}`;
  return `R ${counts.red} · G ${counts.green} · B ${counts.blue}`;
}
