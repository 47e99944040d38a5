import { describe, expect, it, vi } from 'vitest';
import m42Sample from './sequence-m42.sample.json';
import smartSample from './sequence-smart.sample.json';
import { isSequenceRunning, sequenceTreeSchema, type SequenceNode } from './sequence';

// Both samples are `sequence/json` replies of the simulator, mid-run: the shipped "M42 LRGB"
// (Take Many Exposures after Switch Filters) and a Skydeck-built plan (Smart Exposures).

const parse = (response: unknown) => sequenceTreeSchema.parse(response);

const find = (nodes: readonly SequenceNode[], test: (node: SequenceNode) => boolean): SequenceNode | undefined => {
  for (const node of nodes) {
    if (test(node)) return node;
    const inner = find(node.items, test);
    if (inner) return inner;
  }
  return undefined;
};

describe('sequenceTreeSchema', () => {
  it('reads the global triggers and the three areas, without the plugin’s name suffixes', () => {
    const tree = parse(m42Sample);
    expect(tree.globalTriggers).toEqual([{ name: 'Send Error to WebSocket', status: 'CREATED', statusText: 'CREATED' }]);
    expect(tree.areas.map((area) => [area.name, area.status])).toEqual([
      ['Start', 'FINISHED'],
      ['Targets', 'RUNNING'],
      ['End', 'CREATED'],
    ]);
    expect(isSequenceRunning(tree)).toBe(true);
    const target = tree.areas[1]?.items[0];
    expect(target).toMatchObject({ id: '1.0', name: 'M42', kind: 'container', status: 'RUNNING' });
    expect(target?.triggers.map((trigger) => trigger.name)).toEqual(['Dither after Exposures', 'AF After Time']);
    expect(target?.triggers[0]).toMatchObject({ progressExposures: 0, targetExposures: 3 });
  });

  it('tells the kinds of items apart by the keys NINA writes, not by their localized names', () => {
    const target = parse(m42Sample).areas[1]?.items[0];
    expect(target?.items.map((item) => item.kind)).toEqual([
      'instruction',
      'instruction',
      'instruction',
      'switch-filter',
      'take-many-exposures',
      'switch-filter',
      'take-many-exposures',
      'switch-filter',
      'take-many-exposures',
      'switch-filter',
      'take-many-exposures',
    ]);
    expect(target?.items[3]).toMatchObject({ filter: 'L' });
    expect(target?.items[6]).toMatchObject({
      status: 'RUNNING',
      exposure: { exposureTimeS: 60, exposureCount: 2, iterations: 5, gain: -1, offset: -1, binning: '1x1', imageType: 'LIGHT' },
    });
    expect(target?.items[0]).toMatchObject({ name: 'Slew and center', coordinates: { raText: '05:35:17' } });
    expect(parse(m42Sample).areas[0]?.items[0]).toMatchObject({ name: 'Cool Camera', temperatureC: -10, durationMin: 2 });
  });

  it('reads Smart Exposure with its filter and the frames it completed', () => {
    const tree = parse(smartSample);
    const running = find(tree.areas, (node) => node.kind === 'smart-exposure' && node.status === 'RUNNING');
    expect(running?.exposure).toMatchObject({ filter: 'G', exposureTimeS: 30, iterations: 4, completedIterations: 1, gain: 100, offset: 10, binning: '2x2' });
  });

  it('keeps unknown items, unknown statuses and odd keys instead of failing the tree', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tree = parse([
      { GlobalTriggers: [] },
      {
        Name: 'Start_Container',
        Status: 'RUNNING',
        Conditions: [{ Name: 'Loop For Iterations_Condition', Status: 'CREATED', Iterations: 3, CompletedIterations: 1 }],
        Triggers: [],
        Items: [
          { Name: 'Some Plugin Thing', Status: 'PAUSED', Widget: { deep: [1, 2] } },
          'not an item',
          { Name: 'Take Exposure', Status: 'CREATED', ExposureTime: 'soon', Gain: 'high' },
          { Name: 'Wait for Time Span', Status: 'CREATED', Delay: 30 },
        ],
      },
    ]);
    warn.mockRestore();
    const [area] = tree.areas;
    expect(area?.conditions).toEqual([{ name: 'Loop For Iterations', status: 'CREATED', statusText: 'CREATED', iterations: 3, completedIterations: 1, remainingTime: undefined }]);
    expect(area?.items.map((item) => [item.name, item.kind, item.status])).toEqual([
      ['Some Plugin Thing', 'instruction', 'UNKNOWN'],
      ['(unnamed)', 'unreadable', 'UNKNOWN'],
      ['Take Exposure', 'instruction', 'CREATED'],
      ['Wait for Time Span', 'instruction', 'CREATED'],
    ]);
    expect(area?.items[0]?.statusText).toBe('PAUSED');
    expect(area?.items[1]?.problem).toBeDefined();
    expect(area?.items[3]?.delayS).toBe(30);
  });

  it('reads a reply without the global triggers entry as areas only', () => {
    const tree = parse([{ Name: 'Start_Container', Status: 'CREATED', Items: [] }]);
    expect(tree.globalTriggers).toEqual([]);
    expect(tree.areas.map((area) => area.name)).toEqual(['Start']);
    expect(isSequenceRunning(tree)).toBe(false);
  });

  it('refuses a reply that is not a list', () => {
    expect(sequenceTreeSchema.safeParse({ GlobalTriggers: [] }).success).toBe(false);
  });
});
