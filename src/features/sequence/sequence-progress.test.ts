import { describe, expect, it } from 'vitest';
import { carryExposureBaselines } from '../../nina/api/sequence';
import m42Sample from '../../nina/schemas/sequence-m42.sample.json';
import smartSample from '../../nina/schemas/sequence-smart.sample.json';
import { sequenceTreeSchema } from '../../nina/schemas/sequence';
import type { EventLogEntry } from '../../store/event-log';
import {
  currentItems,
  frameTotals,
  hasProgress,
  isEmptySequence,
  nothingRan,
  perFrameOverheadS,
  planRows,
  remainingS,
  runFromEventLog,
} from './sequence-progress';

const m42 = carryExposureBaselines(undefined, sequenceTreeSchema.parse(m42Sample));
const smart = sequenceTreeSchema.parse(smartSample);

describe('planRows', () => {
  it('lists Take Many Exposures with the filter of the Switch Filter before each', () => {
    expect(planRows(m42).map(({ group, filter, exposureTimeS, done, total, status }) => ({ group, filter, exposureTimeS, done, total, status }))).toEqual([
      { group: 'M42', filter: 'L', exposureTimeS: 60, done: 10, total: 10, status: 'FINISHED' },
      { group: 'M42', filter: 'R', exposureTimeS: 60, done: 2, total: 5, status: 'RUNNING' },
      { group: 'M42', filter: 'G', exposureTimeS: 60, done: 0, total: 5, status: 'CREATED' },
      { group: 'M42', filter: 'B', exposureTimeS: 60, done: 0, total: 5, status: 'CREATED' },
    ]);
  });

  it('counts Smart Exposure by the iterations it completed', () => {
    expect(planRows(smart).map(({ filter, done, total, gain, binning }) => ({ filter, done, total, gain, binning }))).toEqual([
      { filter: 'R', done: 3, total: 3, gain: -1, binning: '1x1' },
      { filter: 'G', done: 1, total: 4, gain: 100, binning: '2x2' },
    ]);
  });

  it('counts a lone Take Exposure by the loop on its set, and leaves out disabled lines', () => {
    const tree = sequenceTreeSchema.parse([
      { GlobalTriggers: [] },
      {
        Name: 'Targets_Container',
        Status: 'RUNNING',
        Items: [
          {
            Name: 'Darks_Container',
            Status: 'RUNNING',
            Conditions: [{ Name: 'Loop For Iterations_Condition', Status: 'CREATED', Iterations: 20, CompletedIterations: 7 }],
            Items: [{ Name: 'Take Exposure', Status: 'RUNNING', ExposureTime: 120, ExposureCount: 40, Type: 'DARK' }],
          },
          { Name: 'Take Many Exposures', Status: 'DISABLED', ExposureTime: 10, ExposureCount: 0, Iterations: 3 },
        ],
      },
    ]);
    expect(planRows(tree)).toMatchObject([{ group: 'Darks', filter: undefined, done: 7, total: 20, imageType: 'DARK' }]);
  });

  it('adds up frames and the time still ahead', () => {
    const rows = planRows(m42);
    expect(frameTotals(rows)).toEqual({ done: 12, total: 25 });
    expect(remainingS(rows, 0)).toBe(13 * 60);
    expect(remainingS(rows, 5)).toBe(13 * 65);
  });
});

describe('the state of a loaded sequence', () => {
  it('finds what runs now: the innermost running items', () => {
    expect(currentItems(m42).map((node) => [node.name, node.id])).toEqual([['Take Many Exposures', '1.0.6']]);
    expect(currentItems(smart).map((node) => node.exposure?.filter)).toEqual(['G']);
  });

  it('tells an empty sequencer, one that has not run and one that has', () => {
    const empty = sequenceTreeSchema.parse([{ GlobalTriggers: [] }, { Name: 'Start_Container', Status: 'CREATED', Items: [] }]);
    expect(isEmptySequence(empty)).toBe(true);
    expect(isEmptySequence(m42)).toBe(false);
    expect(hasProgress(m42)).toBe(true);
    expect(nothingRan(m42)).toBe(false);
    const waiting = sequenceTreeSchema.parse([{ GlobalTriggers: [] }, { Name: 'Start_Container', Status: 'CREATED', Items: [{ Name: 'Cool Camera', Status: 'CREATED' }, { Name: 'Annotation', Status: 'DISABLED' }] }]);
    expect(nothingRan(waiting)).toBe(true);
    expect(hasProgress(waiting)).toBe(false);
  });
});

describe('perFrameOverheadS', () => {
  it('takes the median gap beyond the exposure, so a slew between frames does not count', () => {
    const frames = [0, 62, 124, 300, 362].map((s) => ({ atMs: s * 1000, exposureS: 60 }));
    expect(perFrameOverheadS(frames)).toBe(2);
  });

  it('knows nothing before the second frame, and never goes below 0', () => {
    expect(perFrameOverheadS([{ atMs: 0, exposureS: 60 }])).toBeUndefined();
    expect(perFrameOverheadS([{ atMs: 0, exposureS: 60 }, { atMs: 30_000, exposureS: 60 }])).toBe(0);
  });
});

let nextId = 1;
const entry = (name: string, receivedAtMs: number, data: Record<string, unknown> = {}, extra: Partial<EventLogEntry> = {}): EventLogEntry => ({
  id: nextId++,
  name,
  receivedAtMs,
  source: 'live',
  data,
  ...extra,
});

describe('runFromEventLog', () => {
  it('reads the last run: its start, its frames, its failures and its end', () => {
    const run = runFromEventLog([
      entry('SEQUENCE-STARTING', 1_000),
      entry('SEQUENCE-FINISHED', 2_000),
      entry('SEQUENCE-STARTING', 10_000),
      entry('IMAGE-SAVE', 72_000, { ImageStatistics: { ExposureTime: 60, Filter: 'R' } }),
      entry('SEQUENCE-ENTITY-FAILED', 80_000, { Entity: 'Run Autofocus', Error: 'Autofocus failed to run' }),
      entry('IMAGE-SAVE', 134_000, { ImageStatistics: { ExposureTime: 60, Filter: 'R' } }),
      entry('SEQUENCE-FINISHED', 140_000),
    ]);
    expect(run).toEqual({
      startedAtMs: 10_000,
      finishedAtMs: 140_000,
      failures: [{ entity: 'Run Autofocus', error: 'Autofocus failed to run', atMs: 80_000 }],
      frames: [
        { atMs: 72_000, exposureS: 60 },
        { atMs: 134_000, exposureS: 60 },
      ],
    });
  });

  it('times rows recovered from NINA’s event history by NINA’s clock', () => {
    const run = runFromEventLog([entry('SEQUENCE-STARTING', 99_999_999, {}, { source: 'history', ninaTime: '2026-11-21T01:00:00+00:00' })]);
    expect(run.startedAtMs).toBe(Date.parse('2026-11-21T01:00:00Z'));
    expect(run.finishedAtMs).toBeUndefined();
  });

  it('knows no run when the log has no start', () => {
    expect(runFromEventLog([entry('IMAGE-SAVE', 5)])).toEqual({ failures: [], frames: [] });
  });
});
