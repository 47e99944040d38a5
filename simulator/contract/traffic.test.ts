import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { err, event, ok, rest } from './notes-payloads';
import { coverageSummary, violationSummary, type Checked } from './report';
import { contract } from './spec';
import { readTraffic } from './traffic';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function trafficDirWith(files: Record<string, string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'skydeck-traffic-'));
  dirs.push(dir);
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

describe('readTraffic', () => {
  it('reads every record of every .jsonl file and reports lines that are not records', () => {
    const dir = trafficDirWith({
      'sim-1-100-5000.jsonl': [JSON.stringify(rest('/version', ok('2.2.15.0'))), '', JSON.stringify(event('CAMERA-CONNECTED'))],
      'sim-2-200-5001.jsonl': ['{"kind":"rest","method":"GET"', JSON.stringify({ kind: 'log', text: 'hello' })],
      'notes.txt': ['not traffic'],
    });
    const traffic = readTraffic(dir);
    expect(traffic.files).toEqual(['sim-1-100-5000.jsonl', 'sim-2-200-5001.jsonl']);
    expect(traffic.items.map((entry) => entry.source)).toEqual(['sim-1-100-5000.jsonl:1', 'sim-1-100-5000.jsonl:3']);
    expect(traffic.unreadable.map((entry) => entry.source)).toEqual(['sim-2-200-5001.jsonl:1', 'sim-2-200-5001.jsonl:2']);
  });

  it('finds nothing in a directory that does not exist', () => {
    expect(readTraffic(join(tmpdir(), 'skydeck-no-such-traffic-dir')).items).toEqual([]);
  });
});

describe('the summaries', () => {
  const check = (items: ReturnType<typeof rest>[]): Checked[] =>
    items.map((item, index) => ({ item, source: `sim.jsonl:${index + 1}`, result: contract().validate(item) }));

  it('group violations by operation, each distinct error once with a count and its first example', () => {
    const checked = check([
      rest('/equipment/camera/cool', err('Camera on fire', 409)),
      rest('/equipment/camera/cool', err('Camera on fire', 409)),
      rest('/equipment/camera/info', err('Camera not connected', 409)),
      rest('/version', ok('2.2.15.0')),
    ]);
    const summary = violationSummary(checked);
    expect(summary).toContain('3 of 4 replies/messages violate the contract, in 2 operations/events:');
    expect(summary).toContain('GET /equipment/camera/cool → 409  (2 failing)');
    expect(summary).toMatch(/2× \/Error: must be equal to one of the allowed values .*\n\s+first: GET \/v2\/api\/equipment\/camera\/cool value "Camera on fire" \(sim.jsonl:1\)/);
    expect(summary).toContain('GET /equipment/camera/info → 409  (1 failing)');
    expect(violationSummary(check([rest('/version', ok('2.2.15.0'))]))).toBe('');
  });

  it('count the operations and socket events covered', () => {
    const checked: Checked[] = [...check([rest('/version', ok('2.2.15.0'))]), { item: event('CAMERA-CONNECTED'), result: contract().validate(event('CAMERA-CONNECTED')) }];
    const coverage = coverageSummary(contract(), checked);
    expect(coverage).toContain('Coverage: 1 of 157 spec operations answered');
    expect(coverage).toContain('1 of 68 documented socket events seen');
    expect(coverage).toMatch(/\n {2}version {17}1\/2 {4}\/nina/);
  });
});
