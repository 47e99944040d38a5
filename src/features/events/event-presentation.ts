import type { Tone } from '../../components/StatusPill';
import type { EventLogEntry } from '../../store/event-log';

/** How alarming an event is to someone running a night. */
export function eventTone(entry: Pick<EventLogEntry, 'name' | 'data' | 'problem'>): Tone {
  const { name, data } = entry;
  if (name.startsWith('ERROR-') || name === 'SEQUENCE-ENTITY-FAILED' || name === 'CAMERA-DOWNLOAD-TIMEOUT') return 'bad';
  if (name === 'SAFETY-CHANGED') return data.IsSafe === false ? 'bad' : 'ok';
  if (entry.problem || name === 'UNREADABLE' || name === 'HISTORY-UNAVAILABLE') return 'warn';
  if (name.endsWith('-DISCONNECTED') || name === 'GUIDER-STOP') return 'warn';
  if (name.endsWith('-CONNECTED') || name.endsWith('-FINISHED')) return 'ok';
  return 'info';
}

const MAX_VALUE_LENGTH = 120;

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > MAX_VALUE_LENGTH ? `${json.slice(0, MAX_VALUE_LENGTH)}…` : json;
}

/** `Key: value` pairs for one line; NINA's strings stay strings (React renders them as text). */
export function summarizeData(data: Readonly<Record<string, unknown>>): string {
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${formatValue(value)}`)
    .join(' · ');
}
