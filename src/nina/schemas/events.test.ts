import { describe, expect, it } from 'vitest';
import { parseSocketFrame } from './events';

const frame = (response: unknown) => JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' });

describe('parseSocketFrame', () => {
  it('reads an event with no data, whatever the key order', () => {
    const text = JSON.stringify({ Type: 'Socket', Success: true, StatusCode: 200, Error: '', Response: { Event: 'CAMERA-DISCONNECTED' } });
    expect(parseSocketFrame(text)).toEqual({ kind: 'event', event: { name: 'CAMERA-DISCONNECTED', known: true, data: {} } });
  });

  it('reads FILTERWHEEL-CHANGED with Id, and with the spec’s Íd', () => {
    const real = parseSocketFrame(frame({ Event: 'FILTERWHEEL-CHANGED', Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } }));
    expect(real).toMatchObject({ kind: 'event', event: { data: { Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } } } });
    const specSpelling = parseSocketFrame(frame({ Event: 'FILTERWHEEL-CHANGED', Previous: { Name: 'L', Íd: 0 }, New: { Name: 'Ha', Íd: 4 } }));
    expect(specSpelling).toMatchObject({ kind: 'event', event: { data: { New: { Name: 'Ha', Id: 4 } } } });
  });

  it('reads AUTOFOCUS-POINT-ADDED top-level (as sent) and nested (as the spec says)', () => {
    expect(parseSocketFrame(frame({ Event: 'AUTOFOCUS-POINT-ADDED', HFR: 2.5, Position: 12345.0 }))).toMatchObject({
      event: { data: { HFR: 2.5, Position: 12345 } },
    });
    expect(parseSocketFrame(frame({ Event: 'AUTOFOCUS-POINT-ADDED', ImageStatistics: { HFR: 'NaN', Position: 10 } }))).toMatchObject({
      event: { data: { HFR: Number.NaN, Position: 10 } },
    });
  });

  it('decodes "NaN" in IMAGE-SAVE statistics and keeps null fields as absent', () => {
    const parsed = parseSocketFrame(frame({ Event: 'IMAGE-SAVE', ImageStatistics: { ExposureTime: 300.0, HFR: 'NaN', Filter: null, Stars: 0 } }));
    expect(parsed.kind).toBe('event');
    if (parsed.kind !== 'event' || !parsed.event.known || parsed.event.name !== 'IMAGE-SAVE') throw new Error('not IMAGE-SAVE');
    expect(parsed.event.data.ImageStatistics.HFR).toBeNaN();
    expect(parsed.event.data.ImageStatistics.Filter).toBeUndefined();
  });

  it('keeps an unknown event instead of throwing', () => {
    expect(parseSocketFrame(frame({ Event: 'SOMETHING-NEW', Detail: 3 }))).toEqual({
      kind: 'event',
      event: { name: 'SOMETHING-NEW', known: false, data: { Detail: 3 } },
    });
  });

  it('reads the Send-WebSocket-Event instruction’s bare string', () => {
    expect(parseSocketFrame(frame('Test event'))).toEqual({ kind: 'message', text: 'Test event' });
  });

  it('reports non-JSON frames, non-envelopes and known events with bad data as invalid', () => {
    expect(parseSocketFrame('not json')).toMatchObject({ kind: 'invalid', reason: 'the frame is not JSON' });
    expect(parseSocketFrame('{"x":1}')).toMatchObject({ kind: 'invalid' });
    expect(parseSocketFrame(frame({ Event: 'SAFETY-CHANGED', IsSafe: 'maybe' }))).toMatchObject({ kind: 'invalid', name: 'SAFETY-CHANGED' });
    expect(parseSocketFrame(frame({ NoEvent: true }))).toMatchObject({ kind: 'invalid', reason: 'the event has no Event name' });
  });
});
