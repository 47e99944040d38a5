import { describe, expect, it } from 'vitest';
import {
  cameraInfoConnected,
  cameraInfoDisconnected,
  deviceList,
  domeInfo,
  equipmentInfo,
  err,
  event,
  filterWheelInfo,
  focuserInfo,
  guiderInfo,
  imageStatistics,
  mountInfoConnected,
  mountInfoDisconnected,
  ok,
  rest,
  rotatorInfo,
  socket,
  switchInfo,
  weatherInfo,
} from './notes-payloads';
import { contract, formatResult, type TrafficItem } from './spec';

function check(item: TrafficItem) {
  const result = contract().validate(item);
  return { result, report: formatResult(item, result) };
}

function expectValid(item: TrafficItem): string[] {
  const { result, report } = check(item);
  expect(result.errors, report).toEqual([]);
  expect(result.ok).toBe(true);
  return result.exceptionsApplied;
}

/** Asserts the item is rejected and that one error mentions every given fragment. */
function expectInvalid(item: TrafficItem, ...fragments: string[]): void {
  const { result, report } = check(item);
  expect(result.ok, `expected a violation:\n${report}`).toBe(false);
  if (fragments.length > 0) {
    const lines = result.errors.map((error) => `${error.at}: ${error.message} ${error.value ?? ''}`);
    expect(lines.some((line) => fragments.every((fragment) => line.includes(fragment))), report).toBe(true);
  }
}

describe('the published spec', () => {
  it('compiles completely with the exceptions applied', () => {
    expect(contract().compileAll()).toBeGreaterThan(400);
  });

  it('lists the 157 published operations and the documented socket events', () => {
    expect(contract().operations()).toHaveLength(157);
    expect(contract().operations()).toContain('POST /sequence/load');
    expect(contract().socketEvents()).toEqual(expect.arrayContaining(['CAMERA-CONNECTED', 'IMAGE-SAVE', 'SAFETY-CHANGED', 'TS-WAITSTART']));
  });
});

describe('validateRest: replies the real server sends', () => {
  it('accepts a connected and a disconnected camera/info (§3.2, §2.4)', () => {
    expect(expectValid(rest('/equipment/camera/info', ok(cameraInfoConnected())))).toEqual([]);
    expect(expectValid(rest('/equipment/camera/info', ok(cameraInfoDisconnected())))).toEqual(['named-floats']);
  });

  it('accepts mount/info with "Sidereal", connected and disconnected (§3.3, §16a.5-6)', () => {
    expect(expectValid(rest('/equipment/mount/info', ok(mountInfoConnected())))).toEqual(['sidereal']);
    expect(expectValid(rest('/equipment/mount/info', ok(mountInfoDisconnected())))).toEqual(['named-floats', 'omitted-nulls']);
  });

  it('accepts every other */info shape of §3', () => {
    expectValid(rest('/equipment/focuser/info', ok(focuserInfo(true))));
    expectValid(rest('/equipment/focuser/info', ok(focuserInfo(false))));
    expectValid(rest('/equipment/guider/info', ok(guiderInfo('Selected'))));
    expectValid(rest('/equipment/filterwheel/info', ok(filterWheelInfo(true))));
    expectValid(rest('/equipment/filterwheel/info', ok(filterWheelInfo(false))));
    expectValid(rest('/equipment/rotator/info', ok(rotatorInfo())));
    expectValid(rest('/equipment/dome/info', ok(domeInfo(true))));
    expectValid(rest('/equipment/dome/info', ok(domeInfo(false))));
    expectValid(rest('/equipment/weather/info', ok(weatherInfo(true))));
    expectValid(rest('/equipment/weather/info', ok(weatherInfo(false))));
    expectValid(rest('/equipment/switch/info', ok(switchInfo())));
    expectValid(rest('/equipment/info', ok(equipmentInfo())));
  });

  it('accepts error envelopes by their body StatusCode, always HTTP 200 (§2.1, §16a.1)', () => {
    expect(expectValid(rest('/equipment/camera/cool?temperature=-10&minutes=0', err('Camera not connected', 409)))).toEqual([]);
    expectValid(rest('/equipment/camera/connect', err('Unknown error', 500), { query: { to: 'nope' } }));
    expectValid(rest('/equipment/mount/tracking', { ...ok('Tracking mode changed'), Success: false }));
  });

  it('accepts the device selection replies (§3.9)', () => {
    expectValid(rest('/equipment/camera/list-devices', ok(deviceList())));
    expectValid(rest('/equipment/camera/connect', ok('Connected')));
    expectValid(rest('/equipment/camera/disconnect', ok('Disconnected')));
    expect(expectValid(rest('/equipment/camera/connect', err('Failed to connect', 400)))).toEqual(['connect-failed']);
    expect(expectValid(rest('/equipment/Camera/connect', err('Invalid equipment', 400)))).toEqual(['invalid-equipment']);
  });

  it('accepts the misc endpoints of §15 and the undocumented ones (§16a.27)', () => {
    expectValid(rest('/version', ok('2.2.15.0')));
    expectValid(rest('/version/nina', ok('3.2.0.9001')));
    expectValid(rest('/application-start', ok('2025-07-20T09:43:44.351+02:00')));
    expectValid(rest('/plugin/settings', ok({ AccessControlHeaderEnabled: true, ShouldCreateThumbnails: true })));
    expect(expectValid(rest('/time', ok('2025-07-20T23:43:44.351+02:00')))).toEqual(['undocumented-endpoints']);
    expect(expectValid(rest('/', 'Documentation: https://github.com/christian-photo/ninaAPI'))).toEqual(['undocumented-endpoints']);
    expectValid(
      rest('/application/logs?lineCount=1', ok([{ Timestamp: '2025-05-04T14:57:39.5079', Level: 'INFO', Source: 'CameraVM.cs\r', Member: 'Connect\r', Line: '279\r', Message: 'Connected' }])),
    );
  });

  it('accepts event-history rows with Time and mangled nested objects (§13.2)', () => {
    expectValid(
      rest('/event-history', ok([
        { Event: 'CAMERA-CONNECTED', Time: '2025-07-20T21:00:00.1+02:00' },
        { Time: '2025-07-20T21:05:00.2+02:00', Event: 'FILTERWHEEL-CHANGED', Previous: { Name: [], Id: [] }, New: { Name: [], Id: [] } },
        { Event: 'IMAGE-SAVE', Time: '2025-07-20T21:06:00+02:00' },
      ])),
    );
  });

  it('accepts binary replies with the content types the notes list (§16a.13)', () => {
    const binary = (path: string, contentType: string) => rest(path, null, { contentType, bodyText: '\u0089PNG' });
    expectValid(binary('/equipment/camera/capture?getResult=true&stream=true&quality=80', 'image/jpg'));
    expectValid(binary('/equipment/camera/capture?getResult=true&stream=true', 'image/png'));
    expect(expectValid(binary('/image/0?stream=true&quality=80', 'image/jpeg'))).toEqual(['image-jpeg']);
    expect(expectValid(binary('/image/thumbnail/0', 'image/jpeg'))).toEqual(['image-jpeg']);
    expectValid(binary('/prepared-image', 'image/png'));
  });

  it('accepts EmbedIO HTML pages and the CORS preflight as transport replies (§1.1, §1.2)', () => {
    const html = (status: number, title: string) =>
      rest('/application/logs', null, { httpStatus: status, contentType: 'text/html; charset=utf-8', bodyText: `<html><head><title>${status} - ${title}</title></head></html>` });
    expectValid(html(400, 'Bad Request'));
    expectValid(html(404, 'Not Found'));
    expectValid(html(405, 'Method Not Allowed'));
    expectValid(rest('/equipment/camera/info', null, { method: 'OPTIONS', contentType: 'text/plain', bodyText: '' }));
  });

  it('skips injected faults', () => {
    const { result } = check({ ...rest('/version', 'not an envelope'), injected: true });
    expect(result).toMatchObject({ ok: true, skipped: true });
  });
});

describe('validateRest: violations it must report', () => {
  it('a wrong type, with its path and value', () => {
    expectInvalid(rest('/equipment/camera/info', ok({ ...cameraInfoConnected(), Gain: 'high' })), '/Response/Gain', 'must be integer', '"high"');
  });

  it('a named float where the spec has an integer', () => {
    expectInvalid(rest('/equipment/camera/info', ok({ ...cameraInfoConnected(), Gain: 'NaN' })), '/Response/Gain', 'must be integer');
  });

  it('a missing required property that no exception covers', () => {
    const { Position: _position, ...withoutPosition } = focuserInfo();
    expectInvalid(rest('/equipment/focuser/info', ok(withoutPosition)), "must have required property 'Position'");
    const { IsSafe: _isSafe, ...withoutIsSafe } = { Connected: false, IsSafe: false };
    expectInvalid(rest('/equipment/safetymonitor/info', ok(withoutIsSafe)), "required property 'IsSafe'");
  });

  it('an unknown path, an undocumented method and a path outside /v2/api', () => {
    expectInvalid(rest('/equipment/camera/warp', ok('Warping')), 'path not in the spec', '/equipment/camera/warp');
    expectInvalid(rest('/equipment/telescope/info', ok({ Connected: true })), 'path not in the spec');
    expectInvalid(rest('/version', ok('2.2.15.0'), { method: 'POST' }), 'method not documented', 'GET');
    expectInvalid({ ...rest('', ok('x')), path: '/v1/api/version' }, 'not under /v2/api');
  });

  it('an error StatusCode the operation does not document', () => {
    expectInvalid(rest('/equipment/camera/info', err('Camera not connected', 409)), 'status not documented', '409');
  });

  it('an error message the spec does not list for that status', () => {
    expectInvalid(rest('/equipment/camera/cool', err('Camera on fire', 409)), '/Error', 'allowed values', '"Camera on fire"');
  });

  it('a JSON reply with a non-200 HTTP status, or a broken envelope (§2.1)', () => {
    expectInvalid(rest('/equipment/camera/cool', err('Camera not connected', 409), { httpStatus: 409 }), 'always HTTP 200', '409');
    expectInvalid(rest('/version', { ...ok('2.2.15.0'), Type: 'Socket' }), '(envelope', 'equal to constant');
    expectInvalid(rest('/version', { ...ok('2.2.15.0'), Time: 'now' }), '(envelope', 'additional properties', 'Time');
    expectInvalid(rest('/version', { ...ok('2.2.15.0'), StatusCode: 409 }), '(envelope', 'StatusCode');
    expectInvalid(rest('/version', { Response: '2.2.15.0' }), '(envelope', "required property 'Success'");
  });

  it('a body that is not JSON although the Content-Type says so', () => {
    expectInvalid(rest('/version', null, { bodyText: '{"Response":' }), 'body is not JSON');
  });

  it('a content type the operation does not document', () => {
    expectInvalid(rest('/equipment/camera/info', null, { contentType: 'image/png' }), '(content-type)', 'image/png');
    expectInvalid(rest('/image/0', null, { contentType: 'image/jpg' }), '(content-type)', 'image/jpeg');
  });

  it('an HTML page with a status EmbedIO does not produce, or that names another status', () => {
    expectInvalid(rest('/version', null, { httpStatus: 500, contentType: 'text/html', bodyText: '<h1>500 - Internal Server Error</h1>' }), '400, 404 or 405');
    expectInvalid(rest('/version', null, { httpStatus: 404, contentType: 'text/html', bodyText: '<h1>405 - Method Not Allowed</h1>' }), '404 - ');
  });

  it('a CORS preflight with a body', () => {
    expectInvalid(rest('/version', null, { method: 'OPTIONS', contentType: 'text/plain', bodyText: 'hello' }), 'OPTIONS');
  });
});

describe('validateSocket', () => {
  it('accepts simple events and picks the dedicated message by event name (§13.3)', () => {
    expect(check(event('CAMERA-CONNECTED')).result).toMatchObject({ ok: true, operation: 'WS /v2/socket CAMERA-CONNECTED [Simple Event Response]', covers: '/socket CAMERA-CONNECTED' });
    expect(check(event('SAFETY-CHANGED', { IsSafe: false })).result).toMatchObject({ ok: true, operation: 'WS /v2/socket SAFETY-CHANGED [Safety Changed Event]' });
    expectValid(event('FLAT-BRIGHTNESS-CHANGED', { Previous: 0, New: 100 }));
    expectValid(event('ROTATOR-MOVED', { From: 12.5, To: 90.0 }));
    expectValid(event('SEQUENCE-ENTITY-FAILED', { Entity: 'Dew Heater', Error: 'Camera not connected' }));
    expectValid(event('STACK-UPDATED', { Filter: 'Ha', Target: 'M 31', IsMonochrome: true, StackCount: 12, RedStackCount: null, GreenStackCount: null, BlueStackCount: null }));
  });

  it('accepts FILTERWHEEL-CHANGED with Id, AUTOFOCUS-POINT-ADDED top-level keys and IMAGE-SAVE without Index (§16a.26)', () => {
    expect(expectValid(event('FILTERWHEEL-CHANGED', { Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } }))).toEqual([]);
    expect(expectValid(event('AUTOFOCUS-POINT-ADDED', { HFR: 2.41, Position: 12345.0 }))).toEqual([]);
    expect(expectValid(event('IMAGE-SAVE', { ImageStatistics: { ...imageStatistics(), Temperature: 'NaN', HFR: 'NaN' } }))).toEqual(['named-floats']);
    expect(expectValid(event('TS-WAITSTART', { WaitEndTime: '2025-07-20T23:00:00+02:00' }))).toEqual([]);
  });

  it('accepts the Send WebSocket Event instruction, whose Response is a string (§12)', () => {
    expect(check(socket('/v2/socket', { Response: 'Test event', Error: '', StatusCode: 200, Success: true, Type: 'Socket' })).result).toMatchObject({ ok: true });
  });

  it('accepts /v2/tppa and /v2/mount replies (§10.2, §5)', () => {
    const socketOk = (response: unknown) => ({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' });
    expectValid(socket('/v2/tppa', socketOk('started procedure')));
    expectValid(socket('/v2/tppa', socketOk({ AzimuthError: -0.12, AltitudeError: 0.05, TotalError: 0.13 })));
    expectValid(socket('/v2/tppa', socketOk({ Status: null, Progress: -1 })));
    expectValid(socket('/v2/mount', socketOk('Moving')));
    expectValid(socket('/v2/mount', { Response: '', Error: 'Mount not connected', StatusCode: 400, Success: false, Type: 'API' }));
  });

  it('rejects an event the spec does not document, naming it', () => {
    expectInvalid(event('CAMERA-EXPLODED'), '/Response/Event', 'no message of the spec documents this event', 'CAMERA-EXPLODED');
    expectInvalid(event('CAMERA-EXPLODED'), '/Response/Event', 'allowed values');
  });

  it('rejects a wrong type in a dedicated message and says which message', () => {
    const { result, report } = check(event('SAFETY-CHANGED', { IsSafe: 'yes' }));
    expect(result.ok).toBe(false);
    expect(result.errors, report).toContainEqual({ at: '/Response/IsSafe', message: 'must be boolean', value: '"yes"', candidate: 'Safety Changed Event' });
    expectInvalid(event('FLAT-BRIGHTNESS-CHANGED', { Previous: 0, New: 150 }), '/Response/New', 'must be <= 100');
  });

  it('rejects a broken envelope, an unknown channel and a non-JSON frame', () => {
    expectInvalid({ ...event('CAMERA-CONNECTED'), data: { Response: { Event: 'CAMERA-CONNECTED' }, Error: '', StatusCode: 200, Success: true, Type: 'API' } }, '(envelope', 'Type');
    expectInvalid(socket('/v2/mount', { Response: 'Moving', Error: '', StatusCode: 200, Success: true, Type: 'API' }), '(envelope', 'Type');
    expectInvalid(socket('/v2/events', {}), 'channel not in the spec');
    expectInvalid({ kind: 'ws', channel: '/v2/socket', direction: 'out', data: null, text: '{"Response":' }, 'expected JSON');
  });
});
