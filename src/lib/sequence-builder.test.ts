import { describe, expect, it } from 'vitest';
import { fromInputCoordinates } from './coordinates';
import { buildTargetSequence, sequenceJsonText, type JsonObject } from './sequence-builder';
import currentFilterGolden from './__golden__/current-filter-take-many-exposures.json';
import fakeTargetGolden from './__golden__/fake-01-smart-exposures.json';
import mixedGolden from './__golden__/mixed-filters-stay-put.json';
import { currentFilterPlan, fakeTargetPlan, mixedPlan, seedTarget } from './__golden__/plans';

/**
 * Golden files: the builder's JSON for three plans, read line by line against seed 003 (the
 * format NINA's POST /sequence/load takes) and notes §18 (N frames = TakeManyExposures or
 * SmartExposure with a LoopCondition; ExposureCount starts at 0). A change to the builder that
 * changes them must be checked the same way before the files are updated.
 */

function objects(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((child) => objects(child, found));
  else if (typeof value === 'object' && value !== null) {
    found.push(value as Record<string, unknown>);
    Object.values(value).forEach((child) => objects(child, found));
  }
  return found;
}

const ofType = (json: JsonObject, shortName: string) => objects(json).filter((o) => typeof o.$type === 'string' && o.$type.split(',')[0]?.endsWith(`.${shortName}`));

describe('buildTargetSequence', () => {
  it.each([
    ['fake-01-smart-exposures', fakeTargetPlan, fakeTargetGolden],
    ['current-filter-take-many-exposures', currentFilterPlan, currentFilterGolden],
    ['mixed-filters-stay-put', mixedPlan, mixedGolden],
  ])('writes %s exactly as the golden file', (_name, plan, golden) => {
    expect(buildTargetSequence(plan)).toEqual(golden);
  });

  it.each([fakeTargetPlan, currentFilterPlan, mixedPlan])('gives every object one $id, in writing order, and every $ref an earlier one', (plan) => {
    const text = sequenceJsonText(plan);
    const ids = [...text.matchAll(/"\$id": "(\d+)"/g)].map((match) => Number(match[1]));
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    for (const match of text.matchAll(/"\$ref": "(\d+)"/g)) {
      expect(text.indexOf(`"$id": "${match[1]}"`)).toBeLessThan(match.index);
    }
  });

  it('is one SequenceRootContainer with Start, Targets and End, never an array (seed 003, Common Errors)', () => {
    const json = buildTargetSequence(fakeTargetPlan);
    expect(json.$type).toBe('NINA.Sequencer.Container.SequenceRootContainer, NINA.Sequencer');
    expect(json.Parent).toBeNull();
    const areas = (json.Items as JsonObject).$values as JsonObject[];
    expect(areas.map((area) => area.$type)).toEqual([
      'NINA.Sequencer.Container.StartAreaContainer, NINA.Sequencer',
      'NINA.Sequencer.Container.TargetAreaContainer, NINA.Sequencer',
      'NINA.Sequencer.Container.EndAreaContainer, NINA.Sequencer',
    ]);
  });

  it('takes N frames with a loop of N iterations around one TakeExposure whose ExposureCount is 0 (notes §18)', () => {
    for (const plan of [fakeTargetPlan, currentFilterPlan, mixedPlan]) {
      const json = buildTargetSequence(plan);
      const loops = ofType(json, 'LoopCondition');
      expect(loops.map((loop) => loop.Iterations)).toEqual(plan.exposures.map((row) => row.count));
      expect(loops.every((loop) => loop.CompletedIterations === 0)).toBe(true);
      const exposures = ofType(json, 'TakeExposure');
      expect(exposures).toHaveLength(plan.exposures.length);
      for (const exposure of exposures) {
        expect(exposure).toMatchObject({ ExposureCount: 0, ImageType: 'LIGHT' });
        expect(exposure.Binning).toMatchObject({ $type: 'NINA.Core.Model.Equipment.BinningMode, NINA.Core' });
      }
    }
  });

  it('uses Smart Exposure when every line has a filter, Take Many Exposures otherwise', () => {
    expect(ofType(buildTargetSequence(fakeTargetPlan), 'SmartExposure')).toHaveLength(2);
    expect(ofType(buildTargetSequence(fakeTargetPlan), 'TakeManyExposures')).toHaveLength(0);
    expect(ofType(buildTargetSequence(mixedPlan), 'SmartExposure')).toHaveLength(0);
    expect(ofType(buildTargetSequence(mixedPlan), 'TakeManyExposures')).toHaveLength(2);
    expect(ofType(buildTargetSequence(mixedPlan), 'SwitchFilter')).toHaveLength(1);
  });

  it('keeps -1 for the camera’s default gain and offset, and the numbers given otherwise', () => {
    const [first, second] = ofType(buildTargetSequence(fakeTargetPlan), 'TakeExposure');
    expect(first).toMatchObject({ Gain: -1, Offset: -1, ExposureTime: 120 });
    expect(second).toMatchObject({ Gain: 100, Offset: 10, ExposureTime: 90.5, Binning: { X: 2, Y: 2 } });
  });

  it('stores the target as HMS/DMS InputCoordinates that read back as the position given', () => {
    const [coordinates] = ofType(buildTargetSequence(fakeTargetPlan), 'InputCoordinates');
    expect(coordinates).toMatchObject({ RAHours: 21, RAMinutes: 44, RASeconds: 48.408, NegativeDec: true, DecDegrees: -11, DecMinutes: 8, DecSeconds: 52.08 });
    const back = fromInputCoordinates({
      raHours: coordinates?.RAHours as number,
      raMinutes: coordinates?.RAMinutes as number,
      raSeconds: coordinates?.RASeconds as number,
      negativeDec: coordinates?.NegativeDec as boolean,
      decDegrees: coordinates?.DecDegrees as number,
      decMinutes: coordinates?.DecMinutes as number,
      decSeconds: coordinates?.DecSeconds as number,
    });
    expect(back.raHours).toBeCloseTo(seedTarget.raHours, 7);
    expect(back.decDeg).toBeCloseTo(seedTarget.decDeg, 7);
  });

  it('centers with Inherited set, so the target’s coordinates are used', () => {
    const [center] = ofType(buildTargetSequence(fakeTargetPlan), 'Center');
    expect(center).toMatchObject({ Inherited: true });
  });

  it('refuses plans NINA could not run', () => {
    expect(() => buildTargetSequence({ ...mixedPlan, targetName: ' ' })).toThrow(RangeError);
    expect(() => buildTargetSequence({ ...mixedPlan, exposures: [] })).toThrow(RangeError);
    expect(() => buildTargetSequence({ ...mixedPlan, exposures: [{ ...currentFilterPlan.exposures[0]!, count: 0 }] })).toThrow(RangeError);
    expect(() => buildTargetSequence({ ...mixedPlan, exposures: [{ ...currentFilterPlan.exposures[0]!, exposureTimeS: 0 }] })).toThrow(RangeError);
    expect(() => buildTargetSequence({ ...mixedPlan, ditherEveryFrames: -1 })).toThrow(RangeError);
  });
});
