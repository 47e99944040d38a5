import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrafficItem } from './spec';

export interface RecordedItem {
  /** `<file>:<line>`, for pointing a reader at the raw record. */
  source: string;
  item: TrafficItem;
}

export interface RecordedTraffic {
  dir: string;
  files: string[];
  items: RecordedItem[];
  /** Lines that are not a traffic record: the recorder itself is broken (or a write was cut off). */
  unreadable: { source: string; reason: string }[];
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function trafficDir(): string {
  return process.env.SKYDECK_TRAFFIC_DIR ?? join(REPO_ROOT, '.traffic');
}

function isTrafficItem(value: unknown): value is TrafficItem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.kind === 'rest') return typeof record.method === 'string' && typeof record.path === 'string' && typeof record.httpStatus === 'number';
  if (record.kind === 'ws') return typeof record.channel === 'string' && (record.direction === 'out' || record.direction === 'in');
  return false;
}

/** Reads every `*.jsonl` of the traffic directory (one JSON record per line, as the simulator writes them). */
export function readTraffic(dir = trafficDir()): RecordedTraffic {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort() : [];
  const items: RecordedItem[] = [];
  const unreadable: RecordedTraffic['unreadable'] = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const source = `${file}:${index + 1}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        unreadable.push({ source, reason: `not JSON (${(error as Error).message})` });
        return;
      }
      if (isTrafficItem(parsed)) items.push({ source, item: parsed });
      else unreadable.push({ source, reason: `not a traffic record: ${line.slice(0, 120)}` });
    });
  }
  return { dir, files, items, unreadable };
}
