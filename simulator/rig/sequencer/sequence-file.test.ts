import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForTimeTargetMs } from './instructions';
import { Container, fromEquatorial, toEquatorial, type Leaf, type SequenceItem } from './model';
import { DEFAULT_SEQUENCE_FOLDER, listSequences, readSequence } from './saved-sequences';
import { asRootContainer, deserializeSequence, DotNetError, wrapTarget } from './sequence-file';

const T = (name: string): string => `NINA.Sequencer.${name}, NINA.Sequencer`;

function shape(item: SequenceItem): unknown {
  if (item instanceof Container) return { name: item.name, kind: item.kind, items: item.items.map(shape), conditions: item.conditions.map((c) => c.data) };
  return { name: item.name, instruction: (item as Leaf).instruction };
}

function thrown(work: () => unknown): DotNetError {
  try {
    work();
  } catch (error) {
    if (error instanceof DotNetError) return error;
    throw error;
  }
  throw new Error('Nothing was thrown');
}

describe('reading NINA sequence files', () => {
  it('reads $values collections and plain arrays alike, and takes instruction names from NINA, not the file', () => {
    const saved = deserializeSequence(readSequence(DEFAULT_SEQUENCE_FOLDER, 'sub/Test short') ?? '');
    const handWritten = deserializeSequence(
      JSON.stringify({
        $type: T('Container.SequenceRootContainer'),
        Name: 'Test short',
        Strategy: { $type: T('Container.ExecutionStrategy.SequentialStrategy') },
        Items: [
          { $type: T('Container.StartAreaContainer'), Name: 'Start', Strategy: { $type: 'x' }, Items: [] },
          {
            $type: T('Container.TargetAreaContainer'),
            Name: 'Targets',
            Strategy: { $type: 'x' },
            Items: [
              {
                $type: T('Container.DeepSkyObjectContainer'),
                Name: 'Test field',
                Strategy: { $type: 'x' },
                Target: { TargetName: 'Test field', InputCoordinates: { RAHours: 3, RAMinutes: 47, RASeconds: 24, DecDegrees: 24, DecMinutes: 7, DecSeconds: 0 } },
                Items: [
                  { $type: T('SequenceItem.FilterWheel.SwitchFilter'), Name: 'Filter to L', Filter: { Name: 'L', Position: 0 } },
                  {
                    $type: T('SequenceItem.Imaging.TakeManyExposures'),
                    Name: 'Take Many Exposures',
                    Strategy: { $type: 'x' },
                    Items: [{ $type: T('SequenceItem.Imaging.TakeExposure'), Name: 'x', ExposureTime: 2, Binning: { X: 1, Y: 1 } }],
                    Conditions: [{ $type: T('Conditions.LoopCondition'), Iterations: 3 }],
                  },
                ],
              },
            ],
          },
          { $type: T('Container.EndAreaContainer'), Name: 'End', Strategy: { $type: 'x' } },
        ],
      }),
    );
    expect(shape(handWritten)).toEqual(shape(saved));
    const target = saved.items[1] instanceof Container ? saved.items[1].items[0] : undefined;
    expect(target instanceof Container && target.target).toEqual({
      targetName: 'Test field',
      positionAngleDeg: 0,
      coordinates: { raHours: 3, raMinutes: 47, raSeconds: 24, negativeDec: false, decDegrees: 24, decMinutes: 7, decSeconds: 0 },
    });
  });

  it('resolves $ref, migrates DARKFLAT and pre-2.0 types, ignores Attempts below 1, and names unknown types as NINA does', () => {
    const root = deserializeSequence(
      JSON.stringify({
        $id: '1',
        $type: T('Container.SequenceRootContainer'),
        Strategy: { $type: 'x' },
        Items: {
          $values: [
            {
              $id: '2',
              $type: 'NINA.Sequencer.SequenceItem.Utility.WaitForTime, NINA',
              Hours: 22,
              SelectedProvider: { $id: '3', $type: 'NINA.Sequencer.Utility.DateTimeProvider.DuskProvider, NINA.Sequencer' },
              Attempts: 0,
              ErrorBehavior: 2,
            },
            { $id: '4', $type: T('SequenceItem.Utility.WaitForTime'), SelectedProvider: { $ref: '3' } },
            { $type: T('SequenceItem.Imaging.TakeExposure'), ImageType: 'DARKFLAT' },
            { $type: 'DaleGhent.NINA.GroundStation.SendToDiscordWebhook, DaleGhent.NINA.GroundStation', Message: 'hi' },
          ],
        },
      }),
    );
    const [first, second, dark, plugin] = root.items as Leaf[];
    expect([first?.name, first?.attempts, first?.errorBehavior]).toEqual(['Wait for Time', 1, 2]);
    expect(second?.instruction).toMatchObject({ kind: 'WaitForTime', provider: 'NINA.Sequencer.Utility.DateTimeProvider.DuskProvider, NINA.Sequencer' });
    expect(dark?.instruction).toMatchObject({ kind: 'TakeExposure', imageType: 'DARK', gain: -1, exposureCount: 0 });
    expect(plugin?.name).toBe('<Unknown Instruction - DaleGhent.NINA.GroundStation.SendToDiscordWebhook, DaleGhent.NINA.GroundStation> ');
    expect(plugin?.instruction).toEqual({ kind: 'unmodelled', saved: { Message: 'hi' } });
  });

  it('fails like Newtonsoft and the casts do', () => {
    expect(thrown(() => deserializeSequence('\n  [ {} ]'))).toMatchObject({
      exceptionType: 'Newtonsoft.Json.JsonReaderException',
      message: "Error reading JObject from JsonReader. Current JsonReader item is not an object: StartArray. Path '', line 2, position 3.",
    });
    expect(thrown(() => deserializeSequence('{"Name":"no type"}'))).toMatchObject({ exceptionType: 'System.NullReferenceException' });
    expect(thrown(() => deserializeSequence(`{"$type":"${T('SequenceItem.Imaging.TakeExposure')}"}`))).toMatchObject({ exceptionType: 'System.ArgumentException' });
    const dso = deserializeSequence(`{"$type":"${T('Container.DeepSkyObjectContainer')}","Name":"M 31"}`);
    expect(thrown(() => asRootContainer(dso))).toMatchObject({
      exceptionType: 'System.InvalidCastException',
      message: "Unable to cast object of type 'NINA.Sequencer.Container.DeepSkyObjectContainer' to type 'NINA.Sequencer.Container.SequenceRootContainer'.",
    });
    const wrapped = wrapTarget(dso);
    expect(wrapped.items.map((item) => item.name)).toEqual(['Start', 'Targets', 'End']);
    expect((wrapped.items[1] as Container).items).toEqual([dso]);
  });

  it('converts InputCoordinates both ways, a negative declination above -1° included', () => {
    expect(toEquatorial({ raHours: 21, raMinutes: 44, raSeconds: 48.408, negativeDec: false, decDegrees: -11, decMinutes: 8, decSeconds: 52.08 })).toEqual({
      raHours: expect.closeTo(21.74678, 5),
      decDeg: expect.closeTo(-11.14780, 5),
    });
    expect(toEquatorial({ raHours: 0, raMinutes: 0, raSeconds: 0, negativeDec: true, decDegrees: 0, decMinutes: 30, decSeconds: 0 }).decDeg).toBe(-0.5);
    const back = fromEquatorial({ raHours: 23.999, decDeg: -0.25 });
    expect(back).toMatchObject({ raHours: 23, raMinutes: 59, negativeDec: true, decDegrees: 0, decMinutes: 15 });
    expect(toEquatorial(back).decDeg).toBeCloseTo(-0.25, 9);
  });
});

describe('the sequence folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'skydeck-sequences-'));
  mkdirSync(join(folder, 'b'));
  mkdirSync(join(folder, 'a'));
  for (const file of ['z.json', 'a/x.json', 'b/y.json', 'notes.txt', 'Alpha.json']) writeFileSync(join(folder, file), '{}');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lists a folder\'s files before its subfolders, by name, without .json', () => {
    expect(listSequences(folder)).toEqual(['Alpha', 'z', 'a/x', 'b/y']);
  });

  it('reads only files inside the folder', () => {
    expect(readSequence(folder, 'a/x')).toBe('{}');
    expect(readSequence(folder, 'missing')).toBeNull();
    expect(readSequence(join(folder, 'a'), '../z')).toBeNull();
  });
});

describe('Wait for Time', () => {
  const at = (hours: number, minutes = 0): number => new Date(2025, 6, 20, hours, minutes).getTime();

  it('waits within the noon-to-noon night: 01:00 after 23:00 is tomorrow, 22:00 after 02:00 has passed', () => {
    expect(waitForTimeTargetMs(at(23), 1, 0, 0, 0)).toBe(new Date(2025, 6, 21, 1, 0).getTime());
    expect(waitForTimeTargetMs(at(2), 22, 0, 0, 0)).toBe(new Date(2025, 6, 19, 22, 0).getTime());
    expect(waitForTimeTargetMs(at(14), 18, 30, 0, -15)).toBe(at(18, 15));
  });
});
