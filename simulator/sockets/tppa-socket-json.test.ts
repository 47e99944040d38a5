import { describe, expect, it } from 'vitest';
import { readTppaFrame, type TppaFrame } from './tppa-socket-json';

function request(text: string): Record<string, unknown> {
  const frame: TppaFrame = readTppaFrame(text);
  if (frame.kind !== 'request') throw new Error(`${text} was read as text`);
  return frame.request as unknown as Record<string, unknown>;
}

describe('readTppaFrame (JsonConvert.DeserializeObject<TPPARequest>)', () => {
  it('reads the action and the options; missing fields are null (keep the TPPA setting)', () => {
    const read = request('{"Action":"start-alignment","TargetDistance":12,"ExposureTime":2.5,"EastDirection":false,"Filter":"L","Binning":2}');
    expect(read).toMatchObject({ Action: 'start-alignment', TargetDistance: 12, ExposureTime: 2.5, EastDirection: false, Filter: 'L', Binning: 2 });
    expect(read.ManualMode).toBeNull();
    expect(read.AltSeconds).toBeNull();
  });

  it('matches property names case-insensitively, the last duplicate winning', () => {
    expect(request('{"action":"stop-alignment","TARGETDISTANCE":3,"targetDistance":4}')).toMatchObject({ Action: 'stop-alignment', TargetDistance: 4 });
  });

  it('is as lenient as Newtonsoft: single quotes, unquoted names, comments, trailing commas', () => {
    expect(request("{ Action: 'pause-alignment', /* why */ MoveRate: 2, // rate\n }")).toMatchObject({ Action: 'pause-alignment', MoveRate: 2 });
  });

  it('converts values like Newtonsoft: numeric strings, booleans from numbers, numbers as strings', () => {
    expect(request('{"Action":"start-alignment","Gain":"100","ManualMode":1,"StartFromCurrentPosition":"True","AlignmentTolerance":"0.5","Filter":7}')).toMatchObject({
      Gain: 100,
      ManualMode: true,
      StartFromCurrentPosition: true,
      AlignmentTolerance: 0.5,
      Filter: '7',
    });
    expect(request('{"Action":"start-alignment","Gain":"","Binning":2.5}')).toMatchObject({ Gain: null, Binning: 2 });
  });

  it('leaves the action null when it is missing or null (the handler then throws)', () => {
    expect(request('{}').Action).toBeNull();
    expect(request('{"Action":null,"TargetDistance":5}').Action).toBeNull();
  });

  it('reads as legacy text what does not deserialize: plain words, JSON of another shape, bad values, trailing text', () => {
    for (const text of [
      'start-alignment',
      '"start-alignment"',
      '["start-alignment"]',
      '42',
      'null',
      '',
      '{"Action":"start-alignment","TargetDistance":1.5}',
      '{"Action":"start-alignment","Gain":true}',
      '{"Action":"start-alignment","ManualMode":"yes"}',
      '{"Action":{"name":"start-alignment"}}',
      '{"Action":"start-alignment"} x',
      '{"Action":"start-alignment"',
    ]) {
      expect(readTppaFrame(text), text).toEqual({ kind: 'text', text });
    }
  });
});
