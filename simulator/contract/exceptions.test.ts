import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCEPTIONS, patchLocations } from './exceptions';
import {
  cameraInfoConnected,
  cameraInfoDisconnected,
  domeInfo,
  err,
  event,
  filterInfo,
  filterWheelInfo,
  focuserInfo,
  guideGraph,
  guiderInfo,
  imageStatistics,
  lastAutofocus,
  mountInfoConnected,
  mountInfoDisconnected,
  ok,
  plateSolveResult,
  rest,
  rotatorInfo,
  socket,
  switchInfo,
  tsTargetStart,
  weatherInfo,
} from './notes-payloads';
import { contract, createContract, formatResult, type TrafficItem } from './spec';

type Json = Record<string, unknown>;

const tppa = (response: unknown): TrafficItem => socket('/v2/tppa', { Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' });
const binary = (path: string, contentType: string): TrafficItem => rest(path, null, { contentType });
const guiderGraph = (changes: Json): TrafficItem => rest('/equipment/guider/graph', ok({ ...guideGraph(), ...changes }));
const imageSave = (changes: Json): TrafficItem => event('IMAGE-SAVE', { ImageStatistics: { ...imageStatistics(), ...changes } });
const solved = (path: string, coordinates: Json): TrafficItem => rest(path, ok({ ...plateSolveResult(), Coordinates: { ...(plateSolveResult().Coordinates as Json), ...coordinates } }));
const flatWizard = (changes: Json): TrafficItem => {
  const info = filterInfo();
  return rest('/equipment/filterwheel/filter-info?filterId=4', ok({ ...info, FlatWizardFilterSettings: { ...(info.FlatWizardFilterSettings as Json), ...changes } }));
};
const lastAf = (rSquares: Json): TrafficItem => rest('/equipment/focuser/last-af', ok({ ...lastAutofocus(), RSquares: { ...(lastAutofocus().RSquares as Json), ...rSquares } }));
const historyItem = (changes: Json): Json => ({ ...imageStatistics(), Temperature: -9.9, ...changes });
const rmsWith = (pixel: unknown): Json => {
  const info = guiderInfo();
  const rms = info.RMSError as Json;
  return { ...info, RMSError: { ...rms, RA: { Pixel: pixel, Arcseconds: 1 } } };
};

/**
 * For each exception: replies the real server sends that the published spec rejects (`needs`), and replies that
 * violate the spec in an unrelated or nearby way, which must still be rejected with every exception applied.
 */
const CASES: Record<string, { needs: TrafficItem[]; harmless: TrafficItem[] }> = {
  'omitted-nulls': {
    needs: [
      rest('/equipment/focuser/info', ok(focuserInfo(false))),
      rest('/equipment/filterwheel/info', ok(filterWheelInfo(false))),
      rest('/equipment/mount/info', ok(mountInfoDisconnected())),
      rest('/equipment/switch/info', ok({ Connected: false })),
      rest('/equipment/camera/capture?getResult=true&omitImage=true', ok({})),
    ],
    harmless: [
      rest('/equipment/focuser/info', ok({ ...focuserInfo(false), Connected: undefined })),
      rest('/equipment/weather/info', ok({ ...weatherInfo(false), Humidity: undefined })),
      rest('/equipment/camera/capture?getResult=true', ok({ Image: 42 })),
    ],
  },
  sidereal: {
    needs: [rest('/equipment/mount/info', ok(mountInfoConnected()))],
    harmless: [
      rest('/equipment/mount/info', ok({ ...mountInfoConnected(), TrackingMode: 'Siderial' })),
      rest('/equipment/mount/info', ok({ ...mountInfoConnected(), TrackingModes: ['Sideral'] })),
    ],
  },
  'double-measurements': {
    needs: [
      rest('/equipment/weather/info', ok(weatherInfo(true))),
      rest('/equipment/dome/info', ok(domeInfo(true))),
      rest('/equipment/switch/info', ok(switchInfo())),
      rest('/equipment/rotator/info', ok(rotatorInfo())),
      rest('/equipment/focuser/info', ok(focuserInfo(true))),
    ],
    harmless: [
      rest('/equipment/weather/info', ok({ ...weatherInfo(true), Humidity: '61.3' })),
      rest('/equipment/rotator/info', ok({ ...rotatorInfo(), Position: true })),
      rest('/equipment/switch/info', ok({ ...switchInfo(), ReadonlySwitches: [{ Id: 4, Name: 'Input voltage', Description: '', Value: 'on' }] })),
    ],
  },
  'guider-rms-doubles': {
    needs: [rest('/equipment/guider/info', ok(guiderInfo()))],
    harmless: [
      rest('/equipment/guider/info', ok(rmsWith('low'))),
      rest('/equipment/guider/info', ok({ ...guiderInfo(), RMSError: { ...(guiderInfo().RMSError as Json), PeakDec: undefined } })),
    ],
  },
  'guider-states': {
    needs: ['Selected', 'Paused', ''].map((state) => rest('/equipment/guider/info', ok(guiderInfo(state)))),
    harmless: [rest('/equipment/guider/info', ok(guiderInfo('Dancing')))],
  },
  'guide-graph-types': {
    needs: [guiderGraph({}), guiderGraph({ Scale: 'ARCSECONDS' })],
    harmless: [guiderGraph({ Scale: 'METERS' }), guiderGraph({ Scale: 1 }), guiderGraph({ MaxY: 'three' })],
  },
  'capture-error-in-error': {
    needs: ['Camera not connected', 'Camera currently exposing', 'No capture processed'].map((message) => rest('/equipment/camera/capture', err(message, 409))),
    harmless: [
      rest('/equipment/camera/capture', err('Camera busy', 409)),
      rest('/equipment/camera/capture', { ...err('', 409), Response: 'Camera not connected' }),
    ],
  },
  'image-jpeg': {
    needs: [binary('/image/0?stream=true&quality=90', 'image/jpeg'), binary('/prepared-image?quality=90', 'image/jpeg'), binary('/image/thumbnail/0', 'image/jpeg')],
    harmless: [binary('/image/0?stream=true&quality=90', 'image/jpg'), binary('/equipment/camera/capture?getResult=true&stream=true&quality=90', 'image/jpeg')],
  },
  'connect-failed': {
    needs: [rest('/equipment/camera/connect', err('Failed to connect', 400)), rest('/equipment/weather/connect', err('Failed to connect', 400))],
    harmless: [rest('/equipment/camera/disconnect', err('Failed to connect', 400)), rest('/equipment/camera/connect', err('Invalid equipment', 400))],
  },
  'invalid-equipment': {
    needs: [rest('/equipment/Camera/connect', err('Invalid equipment', 400)), rest('/equipment/telescope/list-devices', err('Invalid equipment', 400))],
    harmless: [
      rest('/equipment/telescope/connect', ok('Connected')),
      rest('/equipment/telescope/connect', err('Failed to connect', 400)),
      rest('/equipment/telescope/info', err('Invalid equipment', 400)),
    ],
  },
  'undocumented-endpoints': {
    needs: [rest('/time', ok('2025-07-20T23:43:44.351+02:00')), rest('/', 'Documentation: https://github.com/christian-photo/ninaAPI')],
    harmless: [rest('/time', ok(5)), rest('/', ok('Documentation')), rest('/times', ok('2025-07-20T23:43:44.351+02:00'))],
  },
  'slew-started': {
    needs: [rest('/equipment/mount/slew?ra=83.63&dec=22.01', ok('Slew started'))],
    harmless: [rest('/equipment/mount/slew?ra=83.63&dec=22.01', ok('Slewing')), rest('/equipment/mount/home', ok('Slew started'))],
  },
  'tracking-invalid-mode': {
    needs: [rest('/equipment/mount/tracking?mode=9', err('Invalid tracking mode', 400))],
    harmless: [
      rest('/equipment/mount/tracking?mode=9', err('Mount parked', 400)),
      rest('/equipment/mount/park', err('Invalid tracking mode', 400)),
    ],
  },
  'stack-status-casing': {
    needs: [event('STACK-STATUS', { Status: 'Running' }), event('STACK-STATUS', { Status: 'Stopped' })],
    harmless: [event('STACK-STATUS', { Status: 'running' }), event('STACK-STATUS', { Status: 'Paused' })],
  },
  'livestack-status-casing': {
    needs: [rest('/livestack/status', ok('Running')), rest('/livestack/status', ok('Stopped'))],
    harmless: [rest('/livestack/status', ok('running')), rest('/livestack/status', ok('Paused')), rest('/livestack/start', ok(5))],
  },
  'livestack-info-not-found': {
    needs: [rest('/livestack/image/M31/Ha/info', err('No image with specified filter and target found', 404))],
    harmless: [
      rest('/livestack/image/M31/Ha/info', err('Not found', 404)),
      rest('/livestack/image/M31/Ha', err('No image with specified filter and target found', 404)),
      rest('/livestack/image/M31/Ha/info', err('No image with specified filter and target found', 400)),
    ],
  },
  'ts-epoch-int': {
    needs: [event('TS-TARGETSTART', tsTargetStart()), event('TS-NEWTARGETSTART', tsTargetStart())],
    harmless: [
      event('TS-TARGETSTART', { ...tsTargetStart(), Coordinates: { ...(tsTargetStart().Coordinates as Json), Epoch: 'J2000' } }),
      event('TS-TARGETSTART', { ...tsTargetStart(), Coordinates: { ...(tsTargetStart().Coordinates as Json), Epoch: 9 } }),
    ],
  },
  'socket-nulls': {
    needs: [
      imageSave({ Filename: null, Filter: null }),
      event('TS-TARGETSTART', { ...tsTargetStart(), TargetEndTime: null }),
      event('STACK-UPDATED', { Filter: 'RGB', Target: 'M 31', IsMonochrome: false, StackCount: null, RedStackCount: 4, GreenStackCount: 4, BlueStackCount: 4 }),
      tppa({ Status: null, Progress: 0.5 }),
    ],
    harmless: [imageSave({ CameraName: null }), imageSave({ ExposureTime: null }), event('TS-TARGETSTART', { ...tsTargetStart(), TargetName: null })],
  },
  'capture-finished': {
    needs: [rest('/equipment/camera/capture?onlyAwaitCaptureCompletion=true', ok('Capture finished'))],
    harmless: [rest('/equipment/camera/capture', ok('Capture done')), rest('/equipment/camera/capture', ok(5))],
  },
  'plate-solve-epoch': {
    needs: [
      solved('/prepared-image/solve', {}),
      solved('/image/0/solve', {}),
      rest('/equipment/camera/capture?getResult=true', ok({ Image: 'iVBORw0KGgo=', PlateSolveResult: plateSolveResult() })),
    ],
    harmless: [solved('/prepared-image/solve', { Epoch: 'J2001' }), solved('/image/0/solve', { RA: 'east' }), solved('/image/0/solve', { Epoch: 2 })],
  },
  'filter-info-envelope': {
    needs: [rest('/equipment/filterwheel/filter-info?filterId=4', ok(filterInfo()))],
    harmless: [
      rest('/equipment/filterwheel/filter-info?filterId=4', filterInfo()),
      rest('/equipment/filterwheel/filter-info?filterId=4', ok({ ...filterInfo(), Name: undefined })),
      flatWizard({ FlatWizardMode: 'SUNRISE' }),
      flatWizard({ FlatWizardMode: 0 }),
    ],
  },
  'focuser-not-connected': {
    needs: [rest('/equipment/focuser/move?position=100', err('Focuser not connected', 409))],
    harmless: [rest('/equipment/focuser/move?position=100', err('Camera not connected', 409)), rest('/equipment/focuser/move', err('Focuser not connected', 400))],
  },
  'last-af-rsquares': {
    needs: [lastAf({})],
    harmless: [lastAf({ RightTrend: '0.99' }), lastAf({ Hyperbolic: true }), lastAf({ LeftTrend: undefined })],
  },
  'image-history-response': {
    needs: [
      rest('/image-history?count=true', ok(3)),
      rest('/image-history', ok([historyItem({})])),
      rest('/image-history?all=true', ok([historyItem({}), historyItem({ ImageType: 'DARK', Stars: 0 })])),
    ],
    harmless: [
      rest('/image-history', ok('3')),
      rest('/image-history?count=true', ok(-1)),
      rest('/image-history', ok([historyItem({ Temperature: '-9.9' })])),
      rest('/image-history', ok([historyItem({ ImageType: 'light' })])),
    ],
  },
  'image-prefix': {
    needs: [rest('/image/0/prefix?prefix=bad_', ok('Image renamed with prefix bad_')), rest('/image/4/prefix?prefix=x', err('Index out of range', 400))],
    harmless: [rest('/image/0/prefix?prefix=x', ok('Renamed')), rest('/image/0/prefix?prefix=x', err('Prefix missing', 400)), rest('/image/0/suffix?suffix=x', ok('Image renamed with prefix x'))],
  },
  'sequence-not-initialized': {
    needs: [rest('/sequence/json', err('Sequence is not initialized', 409)), rest('/sequence/state', err('Sequence is not initialized', 409))],
    harmless: [rest('/sequence/json', err('Sequencer not ready', 409)), rest('/sequence/state', err('Sequence is not initialized', 400))],
  },
  'sequence-tree-entries': {
    needs: [
      rest('/sequence/json', ok([{ GlobalTriggers: [] }, { Name: 'Start_Container', Status: 'CREATED', Items: [], Conditions: [], Triggers: [] }])),
      rest('/sequence/state', ok([{ GlobalTriggers: [{ Name: 'Send Error to WebSocket_Trigger', Status: 'CREATED', Issues: [] }] }])),
    ],
    harmless: [
      rest('/sequence/json', ok([{ Name: 'Start_Container', Status: 1 }])),
      rest('/sequence/json', ok([{ GlobalTriggers: 'none' }])),
      rest('/sequence/state', ok({ GlobalTriggers: [] })),
    ],
  },
  'named-floats': {
    needs: [
      rest('/equipment/weather/info', ok(weatherInfo(false))),
      rest('/equipment/camera/info', ok(cameraInfoDisconnected())),
      guiderGraph({}),
      imageSave({ HFR: 'NaN', Temperature: 'NaN' }),
      tppa({ Status: 'Solving', Progress: 'Infinity' }),
    ],
    harmless: [
      rest('/equipment/weather/info', ok({ ...weatherInfo(true), Temperature: 'nan' })),
      rest('/equipment/weather/info', ok({ ...weatherInfo(true), Temperature: '11.7' })),
      rest('/equipment/camera/info', ok({ ...cameraInfoConnected(), Gain: 'NaN' })),
      event('SAFETY-CHANGED', { IsSafe: 'NaN' }),
    ],
  },
};

/** A JSON round trip drops the `undefined` properties the cases use to delete a key. */
function asRecorded(item: TrafficItem): TrafficItem {
  return JSON.parse(JSON.stringify(item)) as TrafficItem;
}

describe('exceptions', () => {
  it('each has cases here, and its id in the header comment of exceptions.ts', () => {
    expect(Object.keys(CASES).sort()).toEqual(EXCEPTIONS.map((exception) => exception.id).sort());
    const header = readFileSync(new URL('./exceptions.ts', import.meta.url), 'utf8').split('*/')[0] ?? '';
    for (const exception of EXCEPTIONS) expect(header).toContain(` ${exception.id} `);
  });

  it('each cites the notes and names the spec locations it touches', () => {
    for (const exception of EXCEPTIONS) {
      expect(exception.notes).toMatch(/^§\d/);
      expect(patchLocations(exception).length).toBeGreaterThan(0);
    }
  });

  describe.each(EXCEPTIONS.map((exception) => exception.id))('%s', (id) => {
    const cases = CASES[id] ?? { needs: [], harmless: [] };

    it('is needed: replies the real server sends fail without it, pass with it and name it', () => {
      const without = createContract({ disabledExceptions: [id] });
      for (const item of cases.needs.map(asRecorded)) {
        const result = contract().validate(item);
        expect(result.ok, formatResult(item, result)).toBe(true);
        expect(result.exceptionsApplied).toContain(id);
        expect(without.validate(item).ok, `passes without ${id}: ${formatResult(item, without.validate(item))}`).toBe(false);
      }
    });

    it('is harmless: unrelated violations still fail with every exception applied', () => {
      for (const item of cases.harmless.map(asRecorded)) {
        const result = contract().validate(item);
        expect(result.ok, `accepted: ${formatResult(item, result)}`).toBe(false);
      }
    });
  });

  it('are not needed where the spec already admits the real payload (§16a.18, §16a.26)', () => {
    const published = createContract({ disabledExceptions: EXCEPTIONS.map((exception) => exception.id) });
    const admitted: TrafficItem[] = [
      event('FILTERWHEEL-CHANGED', { Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } }),
      event('AUTOFOCUS-POINT-ADDED', { HFR: 2.41, Position: 12345.0 }),
      event('TS-WAITSTART', { WaitEndTime: '2025-07-20T23:00:00+02:00' }),
      imageSave({}),
      rest('/plugin/settings', ok({ AccessControlHeaderEnabled: true, ShouldCreateThumbnails: true })),
      rest('/equipment/camera/info', ok(cameraInfoConnected())),
    ];
    for (const item of admitted) {
      const result = published.validate(item);
      expect(result.ok, formatResult(item, result)).toBe(true);
    }
  });
});
