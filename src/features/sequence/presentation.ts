import type { Tone } from '../../components/StatusPill';
import { formatSigned } from '../../lib/format';
import type { EntityStatus, SequenceNode } from '../../nina/schemas/sequence';

/** Words first: under the red night theme every status has the same hue. */
export const statusPresentation: Record<EntityStatus, { label: string; tone: Tone; mark: string }> = {
  CREATED: { label: 'Waiting', tone: 'idle', mark: '○' },
  RUNNING: { label: 'Running', tone: 'info', mark: '▶' },
  FINISHED: { label: 'Done', tone: 'ok', mark: '✓' },
  FAILED: { label: 'Failed', tone: 'bad', mark: '✕' },
  SKIPPED: { label: 'Skipped', tone: 'warn', mark: '↷' },
  DISABLED: { label: 'Disabled', tone: 'idle', mark: '–' },
  UNKNOWN: { label: 'Unknown', tone: 'warn', mark: '?' },
};

/** 42 → "42 s", 3725 → "1 h 02 min", 125 → "2 min 05 s". */
export function formatDurationS(totalS: number): string {
  if (!Number.isFinite(totalS)) return '—';
  const seconds = Math.max(0, Math.round(totalS));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(rest).padStart(2, '0')} s`;
  return `${rest} s`;
}

/** 60 → "60 s", 0.5 → "0.5 s", 300 → "300 s": exposure times as NINA's sequencer writes them. */
export function formatExposureS(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(3))} s`;
}

function cameraSettings(gain: number | undefined, offset: number | undefined, binning: string | undefined): string[] {
  return [
    gain !== undefined && gain >= 0 ? `gain ${gain}` : undefined,
    offset !== undefined && offset >= 0 ? `offset ${offset}` : undefined,
    binning && binning !== '1x1' ? `bin ${binning}` : undefined,
  ].filter((part): part is string => part !== undefined);
}

/** The facts NINA reports about an item, as one short line ("R · 60 s × 10 · gain 100"). */
export function nodeDetails(node: SequenceNode): string {
  const parts: string[] = [];
  const exposure = node.exposure;
  if (exposure) {
    if (exposure.filter !== undefined) parts.push(exposure.filter === 'Current' ? 'current filter' : exposure.filter);
    parts.push(exposure.iterations !== undefined ? `${formatExposureS(exposure.exposureTimeS)} × ${exposure.iterations}` : formatExposureS(exposure.exposureTimeS));
    if (exposure.imageType && exposure.imageType !== 'LIGHT') parts.push(exposure.imageType.toLowerCase());
    parts.push(...cameraSettings(exposure.gain, exposure.offset, exposure.binning));
  }
  if (node.filter !== undefined) parts.push(node.filter === 'Current' ? 'no filter chosen' : node.filter);
  if (node.temperatureC !== undefined) parts.push(`${formatSigned(node.temperatureC)} °C`);
  if (node.durationMin !== undefined && node.durationMin > 0) parts.push(`over ${node.durationMin} min`);
  if (node.coordinates?.raText || node.coordinates?.decText) parts.push([node.coordinates.raText, node.coordinates.decText].filter(Boolean).join(' '));
  if (node.forceCalibration) parts.push('force calibration');
  if (node.delayS !== undefined) parts.push(formatDurationS(node.delayS));
  if (node.targetTime) parts.push(`until ${node.targetTime.replace(/^.*T(\d\d:\d\d).*$/, '$1')}`);
  if (node.text) parts.push(`“${node.text}”`);
  if (node.problem) parts.push(`unreadable: ${node.problem}`);
  return parts.join(' · ');
}
