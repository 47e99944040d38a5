/**
 * Where the published Advanced API spec is wrong, and what the real server does instead.
 *
 * Each entry cites the section of ../shared/nina-api-notes.md that backs it and names the exact spec locations it
 * touches; exceptions.test.ts proves every entry is needed (a payload the real server sends fails without it)
 * and harmless (an unrelated violation still fails with it). They apply in this order.
 *
 *   omitted-nulls             §2.4 §16b    disconnected devices omit Name/DisplayName/Description/DriverInfo/
 *                                          DriverVersion/DeviceId/SupportedActions and the switch lists;
 *                                          capture?omitImage omits Image
 *   sidereal                  §16a.5-6     MountInfo TrackingMode(s) is spelled "Sidereal", not "Siderial"
 *   double-measurements       §3.8 §16a.8  weather metrics, dome Azimuth, switch values, rotator positions and
 *                                          focuser StepSize are doubles (the spec says integer or string)
 *   guider-rms-doubles        §16a.9       GuiderInfo RMSError Pixel/Arcseconds are doubles
 *   guider-states             §3.5 §16a.9  GuiderInfo State is any PHD2 AppState: also Selected, Paused and ""
 *   guide-graph-types         §9 §16a.10   guider/graph Scale is "PIXELS"/"ARCSECONDS"; durations, axis bounds and
 *                                          Dither are doubles
 *   capture-error-in-error    §2.3 §16a.2  camera/capture 409 carries its message in Error, Response is "";
 *                                          "No capture processed" is one of them
 *   image-jpeg                §16a.13      /image/{index}, /prepared-image and thumbnails send image/jpeg, not image/jpg
 *   connect-failed            §3.9 §2.3    /equipment/{device}/connect answers 400 "Failed to connect"
 *   invalid-equipment         §3.9 §2.3    an unknown {device} in connect/disconnect/list-devices/rescan answers
 *                                          400 "Invalid equipment"
 *   undocumented-endpoints    §16a.27      GET /time (envelope, DateTime string) and GET / (a bare JSON string)
 *   slew-started              §4 §16a.4    mount/slew without waitForResult answers "Slew started", not "Started Slew"
 *   tracking-invalid-mode     §2.3 §16a.5  mount/tracking answers an unknown mode with 400 "Invalid tracking mode"
 *   stack-status-casing       §11 §16a.20  STACK-STATUS Status is "Running"/"Stopped"
 *   livestack-status-casing   §11 §16a.20  livestack/status is "stopped" at first, then "Running"/"Stopped"
 *   livestack-info-not-found  §11 §2.3     livestack/image/{target}/{filter}/info answers an unknown pair with
 *                                          404 "No image with specified filter and target found"
 *   ts-epoch-int              §13.3 §16a.26  TS-*TARGETSTART Coordinates.Epoch is an int (NJ enum)
 *   socket-nulls              §2.2 §16b    NJ writes null: IMAGE-SAVE Filename/Filter, TS TargetEndTime,
 *                                          STACK-UPDATED counts, TPPA progress Status
 *   capture-finished          §6.1         capture?onlyAwaitCaptureCompletion answers "Capture finished"
 *   plate-solve-epoch         §6.1 §16a.12 PlateSolveResult Coordinates.Epoch is the enum name ("J2000")
 *   filter-info-envelope      §2.1 §3.6    filter-info answers the envelope with FilterInfo in Response; its
 *                                          FlatWizardMode is an enum name
 *   focuser-not-connected     §2.3 §8      focuser/move answers 409 "Focuser not connected"
 *   last-af-rsquares          §8 §16a.11   AutoFocusReport RSquares.RightTrend is a double
 *   image-history-response    §7.3 §16a.16 image-history Response is the item array or the count, and an item's
 *                                          Temperature is a number
 *   image-prefix              §7.4         GET /image/{index}/prefix exists (envelope string, 400 errors)
 *   sequence-not-initialized  §2.3 §16a.19 sequence/json and /state answer 409 "Sequence is not initialized"
 *                                          (the spec says "Sequencer not initialized")
 *   sequence-tree-entries     §12          sequence/json and /state entries fit both `oneOf` alternatives; each
 *                                          now requires its keys: {GlobalTriggers}, or a container's Name/Status
 *   named-floats              §2.2 §16b    every `type: number` (including the ones above) also accepts "NaN",
 *                                          "Infinity", "-Infinity", in REST and on the sockets
 *
 * Not exceptions, because the spec already admits the real payload (no `required`, extra keys allowed):
 * FILTERWHEEL-CHANGED `Id` (spec `Íd`), IMAGE-SAVE without `Index`, AUTOFOCUS-POINT-ADDED top-level HFR/Position,
 * TS-WAITSTART `WaitEndTime`, the enveloped /plugin/settings (§16a.18) and the missing MountInfo/CameraInfo keys.
 */

export type SpecName = 'api' | 'ws';
export type JsonObject = Record<string, unknown>;

/** A node of one of the two spec documents, addressed by its unescaped path segments. */
export interface Location {
  spec: SpecName;
  path: readonly string[];
}

/**
 * What a patched schema node remembers so a validation can tell which exception admitted a value:
 * the exception was used when `spec` (what the published spec demanded there) rejects the value and `admits` accepts it.
 */
export interface ExceptionMark {
  id: string;
  spec: JsonObject;
  admits: JsonObject;
}

export type Patch =
  | { kind: 'retype'; at: Location; from: string; to: string }
  | { kind: 'enum'; at: Location; replace?: Readonly<Record<string, string>>; add?: readonly unknown[] }
  | { kind: 'replace'; at: Location; schema: JsonObject }
  | { kind: 'unrequire'; at: Location; names: readonly string[] }
  | { kind: 'nullable'; at: Location }
  | { kind: 'insert'; at: Location; key: string; value: JsonObject }
  | { kind: 'rename'; at: Location; from: string; to: string }
  | { kind: 'named-floats'; spec: SpecName };

export interface SpecException {
  id: string;
  notes: string;
  why: string;
  patches: readonly Patch[];
}

export interface SpecDocuments {
  api: JsonObject;
  ws: JsonObject;
}

/** Schema keyword holding the ExceptionMarks of a patched node (evaluated by spec.ts). */
export const MARKS_KEYWORD = 'x-exceptions';
/** Set on a path item, response or media type object that an exception added or renamed. */
export const ADDED_BY = 'x-exception';
/** Schema keyword replacing `type: number` under named-floats. */
export const NAMED_FLOAT_KEYWORD = 'x-number-or-named-float';
/** Set on an added operation whose reply is not an envelope (GET /). */
export const BARE_REPLY = 'x-bare-reply';

export const NAMED_FLOATS = ['NaN', 'Infinity', '-Infinity'] as const;

const api = (pointer: string): Location => ({ spec: 'api', path: pointer.split('/') });
const responses = (route: string): Location => ({ spec: 'api', path: ['paths', route, 'get', 'responses'] });
const content = (route: string, status: string): Location => ({ spec: 'api', path: ['paths', route, 'get', 'responses', status, 'content'] });
/** The application/json schema of a GET response, optionally a subschema of it. */
const jsonSchema = (route: string, status: string, inner = ''): Location => ({
  spec: 'api',
  path: [...content(route, status).path, 'application/json', 'schema', ...(inner ? inner.split('/') : [])],
});
const schemaProp = (component: string, propertyPath: string): Location =>
  api(`components/schemas/${component}/properties/${propertyPath.split('/').join('/properties/')}`);
/** A property of the `Response` of the subscribe message with the given title. */
const messageProp = (channel: string, title: string, propertyPath: string): Location => ({
  spec: 'ws',
  path: ['channels', channel, 'subscribe', 'message', 'oneOf', `title=${title}`, 'payload', 'properties', 'Response',
    ...propertyPath.split('/').flatMap((key) => ['properties', key])],
});
const socketMessage = (title: string, propertyPath: string): Location => messageProp('/socket', title, propertyPath);

const DEVICES = ['camera', 'dome', 'filterwheel', 'flatdevice', 'focuser', 'guider', 'mount', 'rotator', 'safetymonitor',
  'switch', 'weather'] as const;
const DEVICE_INFO_STRINGS = ['Name', 'DisplayName', 'Description', 'DriverInfo', 'DriverVersion', 'DeviceId'];

const errorEnvelope = (messages: readonly string[], statusCode: number): JsonObject => ({
  type: 'object',
  required: ['Response', 'Error', 'StatusCode', 'Success', 'Type'],
  properties: {
    Response: { type: 'string', enum: [''] },
    Error: { type: 'string', enum: [...messages] },
    StatusCode: { type: 'integer', enum: [statusCode] },
    Success: { type: 'boolean', enum: [false] },
    Type: { type: 'string', enum: ['API'] },
  },
});
const jsonReply = (description: string, schema: JsonObject): JsonObject => ({
  description,
  content: { 'application/json': { schema } },
});

export const EXCEPTIONS: readonly SpecException[] = [
  {
    id: 'omitted-nulls',
    notes: '§2.2, §2.4, §16b',
    why: 'STJ omits null properties: a disconnected device has no driver strings, SupportedActions or switch lists, and capture?omitImage has no Image.',
    patches: [
      // NINA's DeviceInfo.Reset() on disconnect restores a default SwitchInfo, whose two lists are null.
      { kind: 'unrequire', at: api('components/schemas/SwitchInfo'), names: ['WritableSwitches', 'ReadonlySwitches'] },
      ...['FWInfo', 'FlatDeviceInfo', 'FocuserInfo', 'RotatorInfo', 'SafetyMonitorInfo', 'SwitchInfo', 'WeatherInfo'].map(
        (component): Patch => ({
          kind: 'unrequire',
          at: api(`components/schemas/${component}`),
          names: component === 'FWInfo' ? DEVICE_INFO_STRINGS : [...DEVICE_INFO_STRINGS, 'SupportedActions'],
        }),
      ),
      { kind: 'unrequire', at: api('components/schemas/MountInfo'), names: ['Name', 'DisplayName', 'DeviceId'] },
      {
        kind: 'unrequire',
        at: jsonSchema('/equipment/camera/capture', '200', 'properties/Response/oneOf/1'),
        names: ['Image'],
      },
    ],
  },
  {
    id: 'sidereal',
    notes: '§16a.5, §16a.6',
    why: 'NINA spells the tracking mode "Sidereal"; the spec enum says "Siderial".',
    patches: [
      { kind: 'enum', at: schemaProp('MountInfo', 'TrackingMode'), replace: { Siderial: 'Sidereal' } },
      { kind: 'enum', at: api('components/schemas/MountInfo/properties/TrackingModes/items'), replace: { Siderial: 'Sidereal' } },
    ],
  },
  {
    id: 'double-measurements',
    notes: '§3.8, §16a.8',
    why: 'These info properties are C# doubles; the spec types them integer (or string, where it saw "NaN").',
    patches: [
      // DewPoint, Temperature and WindSpeed are already numbers in the spec.
      ...Object.entries({
        AveragePeriod: 'integer', CloudCover: 'integer', Humidity: 'integer', Pressure: 'integer', WindDirection: 'integer',
        RainRate: 'string', SkyBrightness: 'string', SkyQuality: 'string', SkyTemperature: 'string', StarFWHM: 'string',
        WindGust: 'string',
      }).map(([metric, type]): Patch => ({ kind: 'retype', at: schemaProp('WeatherInfo', metric), from: type, to: 'number' })),
      { kind: 'retype', at: schemaProp('DomeInfo', 'Azimuth'), from: 'integer', to: 'number' },
      ...['Value', 'Maximum', 'Minimum', 'TargetValue'].map(
        (key): Patch => ({ kind: 'retype', at: api(`components/schemas/SwitchInfo/properties/WritableSwitches/items/properties/${key}`), from: 'integer', to: 'number' }),
      ),
      { kind: 'retype', at: api('components/schemas/SwitchInfo/properties/ReadonlySwitches/items/properties/Value'), from: 'integer', to: 'number' },
      { kind: 'retype', at: schemaProp('RotatorInfo', 'Position'), from: 'integer', to: 'number' },
      { kind: 'retype', at: schemaProp('RotatorInfo', 'MechanicalPosition'), from: 'integer', to: 'number' },
      { kind: 'retype', at: schemaProp('FocuserInfo', 'StepSize'), from: 'integer', to: 'number' },
    ],
  },
  {
    id: 'guider-rms-doubles',
    notes: '§3.5, §16a.9',
    why: 'GuiderInfo RMSError values are doubles; the spec says integer.',
    patches: ['RA', 'Dec', 'Total', 'PeakRA', 'PeakDec'].flatMap((axis) =>
      ['Pixel', 'Arcseconds'].map((unit): Patch => ({ kind: 'retype', at: schemaProp('GuiderInfo', `RMSError/${axis}/${unit}`), from: 'integer', to: 'number' })),
    ),
  },
  {
    id: 'guider-states',
    notes: '§3.5, §16a.9',
    why: 'GuiderInfo State passes PHD2 AppState through: the spec enum lacks Selected, Paused and "" (before the first AppState).',
    patches: [{ kind: 'enum', at: schemaProp('GuiderInfo', 'State'), add: ['Selected', 'Paused', ''] }],
  },
  {
    id: 'guide-graph-types',
    notes: '§9, §16a.10',
    why: 'GuideStepsHistory Scale is an enum name, and its durations, axis bounds and Dither are doubles ("NaN" for normal steps).',
    patches: [
      { kind: 'replace', at: schemaProp('GuideStepsHistory', 'Response/Scale'), schema: { type: 'string', enum: ['PIXELS', 'ARCSECONDS'] } },
      ...['Interval', 'MaxY', 'MinY', 'MaxDurationY', 'MinDurationY'].map(
        (key): Patch => ({ kind: 'retype', at: schemaProp('GuideStepsHistory', `Response/${key}`), from: 'integer', to: 'number' }),
      ),
      ...['RADuration', 'DECDuration'].map(
        (key): Patch => ({ kind: 'retype', at: api(`components/schemas/GuideStepsHistory/properties/Response/properties/GuideSteps/items/properties/${key}`), from: 'integer', to: 'number' }),
      ),
      { kind: 'retype', at: api('components/schemas/GuideStepsHistory/properties/Response/properties/GuideSteps/items/properties/Dither'), from: 'string', to: 'number' },
    ],
  },
  {
    id: 'capture-error-in-error',
    notes: '§2.1, §2.3, §16a.2',
    why: 'Errors carry the message in Error with Response ""; the spec puts the camera/capture 409 messages in Response and omits "No capture processed".',
    patches: [
      {
        kind: 'replace',
        at: jsonSchema('/equipment/camera/capture', '409'),
        schema: errorEnvelope(['Camera not connected', 'Camera currently exposing', 'No capture processed'], 409),
      },
    ],
  },
  {
    id: 'image-jpeg',
    notes: '§16a.13',
    why: 'These three endpoints send Content-Type image/jpeg; the spec says image/jpg (which capture, livestack and screenshot do send).',
    patches: ['/image/{index}', '/prepared-image', '/image/thumbnail/{index}'].map(
      (route): Patch => ({ kind: 'rename', at: content(route, '200'), from: 'image/jpg', to: 'image/jpeg' }),
    ),
  },
  {
    id: 'connect-failed',
    notes: '§3.9, §2.3',
    why: 'connect answers {Error:"Failed to connect", StatusCode:400} when Connect() returns false; the spec documents no 400.',
    patches: DEVICES.map((device): Patch => ({
      kind: 'insert',
      at: responses(`/equipment/${device}/connect`),
      key: '400',
      value: jsonReply('Failed to connect', errorEnvelope(['Failed to connect'], 400)),
    })),
  },
  {
    id: 'invalid-equipment',
    notes: '§3.9, §2.3',
    why: 'The device-selection routes are templated on a case-sensitive {device}; an unknown one answers 400 "Invalid equipment".',
    patches: ['connect', 'disconnect', 'list-devices', 'rescan'].map((action): Patch => ({
      kind: 'insert',
      at: api('paths'),
      key: `/equipment/{device}/${action}`,
      value: { get: { responses: { '400': jsonReply('Invalid equipment', errorEnvelope(['Invalid equipment'], 400)) } } },
    })),
  },
  {
    id: 'undocumented-endpoints',
    notes: '§16a.27, §2.1, §15',
    why: 'GET /time returns DateTime.Now in an envelope and GET / returns a bare JSON string; neither is in the spec.',
    patches: [
      {
        kind: 'insert',
        at: api('paths'),
        key: '/time',
        value: {
          get: {
            responses: {
              '200': jsonReply('DateTime.Now', {
                type: 'object',
                required: ['Response'],
                properties: { Response: { type: 'string' }, Error: { type: 'string' }, StatusCode: { type: 'integer' }, Success: { type: 'boolean' }, Type: { type: 'string' } },
              }),
            },
          },
        },
      },
      {
        kind: 'insert',
        at: api('paths'),
        key: '/',
        value: { get: { [BARE_REPLY]: true, responses: { '200': jsonReply('Documentation links', { type: 'string' }) } } },
      },
    ],
  },
  {
    id: 'slew-started',
    notes: '§4, §16a.4',
    why: 'mount/slew answers "Slew started" when it does not wait for the slew; the spec enum says "Started Slew".',
    patches: [{ kind: 'enum', at: jsonSchema('/equipment/mount/slew', '200', 'properties/Response'), replace: { 'Started Slew': 'Slew started' } }],
  },
  {
    id: 'tracking-invalid-mode',
    notes: '§2.3, §4, §16a.5',
    why: 'mount/tracking answers a mode outside 0..5 with 400 "Invalid tracking mode"; the spec lists that text under 409 only.',
    patches: [
      {
        kind: 'insert',
        at: responses('/equipment/mount/tracking'),
        key: '400',
        value: jsonReply('Invalid tracking mode', errorEnvelope(['Invalid tracking mode'], 400)),
      },
    ],
  },
  {
    id: 'stack-status-casing',
    notes: '§11, §16a.20',
    why: 'STACK-STATUS carries the LiveStackStatus enum name, "Running"/"Stopped"; the spec enum is lowercase.',
    patches: [{ kind: 'enum', at: socketMessage('Live stack updstateated (requires Livestack >= 1.0.1.7)', 'Status'), replace: { running: 'Running', stopped: 'Stopped' } }],
  },
  {
    id: 'livestack-status-casing',
    notes: '§11, §16a.20',
    why: 'livestack/status is the hard-coded "stopped" until the plugin\'s first broadcast, then the LiveStackStatus name "Running"/"Stopped"; the spec enum is lowercase.',
    patches: [{ kind: 'enum', at: jsonSchema('/livestack/status', '200', 'properties/Response'), replace: { running: 'Running' }, add: ['Stopped'] }],
  },
  {
    id: 'livestack-info-not-found',
    notes: '§11, §2.3',
    why: 'The info of an unknown target/filter pair answers 404 "No image with specified filter and target found"; the spec documents no 404.',
    patches: [
      {
        kind: 'insert',
        at: responses('/livestack/image/{target}/{filter}/info'),
        key: '404',
        value: jsonReply('No image with specified filter and target found', errorEnvelope(['No image with specified filter and target found'], 404)),
      },
    ],
  },
  {
    id: 'ts-epoch-int',
    notes: '§13.3, §16a.26',
    why: 'NJ writes the TS target Coordinates.Epoch enum as an int (0=JNOW, 1=B1950, 2=J2000, 3=J2050).',
    patches: [{ kind: 'replace', at: socketMessage('TS (New) Target Start Event', 'Coordinates/Epoch'), schema: { type: 'integer', enum: [0, 1, 2, 3] } }],
  },
  {
    id: 'socket-nulls',
    notes: '§2.2, §16b, §7.2, §10.2, §11, §13.3',
    why: 'NJ writes null properties as null on the sockets; these are the ones the notes say can be null.',
    patches: [
      { kind: 'nullable', at: socketMessage('Image Save Event', 'ImageStatistics/Filename') },
      { kind: 'nullable', at: socketMessage('Image Save Event', 'ImageStatistics/Filter') },
      { kind: 'nullable', at: socketMessage('TS (New) Target Start Event', 'TargetEndTime') },
      ...['StackCount', 'RedStackCount', 'GreenStackCount', 'BlueStackCount'].map(
        (key): Patch => ({ kind: 'nullable', at: socketMessage('Live stack updated (requires Livestack >= 1.0.0.9)', key) }),
      ),
      { kind: 'nullable', at: messageProp('/tppa', 'Progress Response', 'Status') },
    ],
  },
  {
    id: 'capture-finished',
    notes: '§6.1',
    why: 'With onlyAwaitCaptureCompletion, capture answers "Capture finished" once the exposure is over; the spec enum lacks it.',
    patches: [{ kind: 'enum', at: jsonSchema('/equipment/camera/capture', '200', 'properties/Response/oneOf/0'), add: ['Capture finished'] }],
  },
  {
    id: 'plate-solve-epoch',
    notes: '§6.1, §16a.12',
    why: 'STJ writes PlateSolveResult Coordinates.Epoch as the Epoch enum name ("J2000"); the spec says integer.',
    patches: [
      'properties/Response/oneOf/1/properties/PlateSolveResult/properties/Coordinates/properties/Epoch',
      'properties/Response/properties/Coordinates/properties/Epoch',
    ].flatMap((inner, index) =>
      (index === 0 ? ['/equipment/camera/capture'] : ['/image/{index}/solve', '/prepared-image/solve']).map(
        (route): Patch => ({ kind: 'replace', at: jsonSchema(route, '200', inner), schema: { type: 'string', enum: ['JNOW', 'B1950', 'J2000', 'J2050'] } }),
      ),
    ),
  },
  {
    id: 'filter-info-envelope',
    notes: '§2.1, §2.2, §3.6',
    why: 'filter-info answers the usual envelope with the FilterInfo in Response (the spec documents a bare FilterInfo), and STJ writes FlatWizardMode as its enum name.',
    patches: [
      {
        kind: 'replace',
        at: content('/equipment/filterwheel/filter-info', '200'),
        schema: {
          'application/json': {
            [ADDED_BY]: 'filter-info-envelope',
            schema: {
              type: 'object',
              required: ['Response', 'Error', 'StatusCode', 'Success', 'Type'],
              properties: {
                Response: { $ref: '#/components/schemas/FilterInfo' },
                Error: { type: 'string' },
                StatusCode: { type: 'integer' },
                Success: { type: 'boolean' },
                Type: { type: 'string' },
              },
            },
          },
        },
      },
      {
        kind: 'replace',
        at: schemaProp('FilterInfo', 'FlatWizardFilterSettings/FlatWizardMode'),
        schema: { type: 'string', enum: ['DYNAMICEXPOSURE', 'DYNAMICBRIGHTNESS', 'SKYFLAT'] },
      },
    ],
  },
  {
    id: 'focuser-not-connected',
    notes: '§2.3, §8',
    why: 'focuser/move answers {Error:"Focuser not connected", StatusCode:409} without a focuser; the spec documents no 409 for it.',
    patches: [
      {
        kind: 'insert',
        at: responses('/equipment/focuser/move'),
        key: '409',
        value: jsonReply('Focuser not connected', errorEnvelope(['Focuser not connected'], 409)),
      },
    ],
  },
  {
    id: 'last-af-rsquares',
    notes: '§8, §16a.11',
    why: 'AutoFocusReport RSquares are doubles; the spec types RightTrend integer.',
    patches: [{ kind: 'retype', at: schemaProp('FocuserLastAF', 'Response/RSquares/RightTrend'), from: 'integer', to: 'number' }],
  },
  {
    id: 'image-history-response',
    notes: '§7.3, §16a.16',
    why: 'image-history Response is the item array or the count (the spec also types it string, which neither is), and an item\'s Temperature is a number.',
    patches: [
      {
        kind: 'replace',
        at: jsonSchema('/image-history', '200', 'properties/Response'),
        schema: {
          oneOf: [
            {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ExposureTime: { type: 'number' },
                  ImageType: { type: 'string', enum: ['LIGHT', 'FLAT', 'DARK', 'BIAS', 'SNAPSHOT'] },
                  Filter: { type: 'string' },
                  RmsText: { type: 'string' },
                  Temperature: { type: 'number' },
                  CameraName: { type: 'string' },
                  Gain: { type: 'integer' },
                  Offset: { type: 'integer' },
                  Date: { type: 'string' },
                  TelescopeName: { type: 'string' },
                  FocalLength: { type: 'number' },
                  StDev: { type: 'number' },
                  Mean: { type: 'number' },
                  Median: { type: 'number' },
                  Stars: { type: 'integer' },
                  HFR: { type: 'number' },
                  IsBayered: { type: 'boolean' },
                  Min: { type: 'number' },
                  Max: { type: 'number' },
                  HFRStDev: { type: 'number' },
                  TargetName: { type: 'string' },
                  Filename: { type: 'string' },
                },
              },
            },
            { type: 'integer', minimum: 0 },
          ],
        },
      },
    ],
  },
  {
    id: 'image-prefix',
    notes: '§7.4, §2.3',
    why: 'GET /image/{index}/prefix?prefix= renames a saved image ("Image renamed with prefix <p>", 400 errors); the spec does not list it.',
    patches: [
      {
        kind: 'insert',
        at: api('paths'),
        key: '/image/{index}/prefix',
        value: {
          get: {
            responses: {
              '200': jsonReply('Image renamed', {
                type: 'object',
                required: ['Response'],
                properties: { Response: { type: 'string', pattern: '^Image renamed with prefix ' } },
              }),
              '400': jsonReply(
                'Prefix errors',
                errorEnvelope(['Index out of range', 'No images available', 'File already exists', 'Image file does not exist'], 400),
              ),
            },
          },
        },
      },
    ],
  },
  {
    id: 'sequence-not-initialized',
    notes: '§2.3, §16a.19',
    why: 'sequence/json and sequence/state answer {Error:"Sequence is not initialized", StatusCode:409}; the spec enum says "Sequencer not initialized".',
    patches: ['/sequence/json', '/sequence/state'].map(
      (route): Patch => ({ kind: 'enum', at: jsonSchema(route, '409', 'properties/Error'), replace: { 'Sequencer not initialized': 'Sequence is not initialized' } }),
    ),
  },
  {
    id: 'sequence-tree-entries',
    notes: '§12',
    why: 'The entries (one {GlobalTriggers}, then the root containers with Name and Status) fit both `oneOf` alternatives, which require nothing, and so fail it; each alternative now requires the keys that tell them apart.',
    patches: [
      {
        kind: 'replace',
        at: api('components/schemas/SequenceBaseJson/properties/Response/items'),
        schema: {
          oneOf: [
            {
              type: 'object',
              required: ['Name', 'Status'],
              properties: {
                Conditions: { type: 'array', items: {} },
                Items: { type: 'array', items: {} },
                Triggers: { type: 'array', items: {} },
                Status: { type: 'string' },
                Name: { type: 'string' },
              },
            },
            { type: 'object', required: ['GlobalTriggers'], properties: { GlobalTriggers: { type: 'array', items: {} } } },
          ],
        },
      },
    ],
  },
  {
    // Last, so that the doubles the entries above introduced accept the named floats too.
    id: 'named-floats',
    notes: '§2.2, §16b',
    why: 'Both serializers write NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity" in number-typed fields.',
    patches: [
      { kind: 'named-floats', spec: 'api' },
      { kind: 'named-floats', spec: 'ws' },
    ],
  },
];

export function describeLocation(at: Location): string {
  return `${at.spec}:/${at.path.join('/')}`;
}

export function patchLocations(exception: SpecException): string[] {
  return exception.patches.map((patch) =>
    patch.kind === 'named-floats' ? `${patch.spec}: every schema with type: number` : describeLocation(patch.at),
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks a location; a `title=<t>` segment selects the array element whose `title` is t (AsyncAPI messages). */
function resolve(docs: SpecDocuments, at: Location, exceptionId: string): JsonObject {
  let node: unknown = docs[at.spec];
  for (const segment of at.path) {
    if (Array.isArray(node)) {
      node = segment.startsWith('title=')
        ? node.find((entry) => isObject(entry) && entry.title === segment.slice('title='.length))
        : node[Number(segment)];
    } else if (isObject(node)) {
      node = node[segment];
    } else {
      node = undefined;
    }
    if (node === undefined) break;
  }
  if (!isObject(node)) throw new Error(`Exception ${exceptionId}: ${describeLocation(at)} is not in the spec`);
  return node;
}

function mark(node: JsonObject, entry: ExceptionMark): void {
  const marks = Array.isArray(node[MARKS_KEYWORD]) ? (node[MARKS_KEYWORD] as ExceptionMark[]) : [];
  node[MARKS_KEYWORD] = [...marks, entry];
}

/** Calls `visit` on every JSON Schema node reachable from `schema` (subschemas of the keywords the specs use). */
export function forEachSchema(schema: unknown, visit: (node: JsonObject) => void): void {
  if (!isObject(schema)) return;
  visit(schema);
  for (const key of ['properties', 'patternProperties', 'definitions']) {
    const map = schema[key];
    if (isObject(map)) for (const child of Object.values(map)) forEachSchema(child, visit);
  }
  for (const key of ['items', 'additionalProperties', 'not']) forEachSchema(schema[key], visit);
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const child of list) forEachSchema(child, visit);
  }
}

/** The root schemas of a spec document: component schemas, response media types, socket message payloads. */
export function rootSchemas(docs: SpecDocuments, spec: SpecName): unknown[] {
  const roots: unknown[] = [];
  const values = (value: unknown): unknown[] => (isObject(value) ? Object.values(value) : []);
  if (spec === 'api') {
    const components = docs.api.components;
    if (isObject(components)) roots.push(...values(components.schemas));
    for (const pathItem of values(docs.api.paths)) {
      for (const op of values(pathItem)) {
        if (!isObject(op)) continue;
        for (const response of values(op.responses)) {
          if (isObject(response)) for (const media of values(response.content)) if (isObject(media)) roots.push(media.schema);
        }
      }
    }
  } else {
    for (const channel of values(docs.ws.channels)) {
      if (!isObject(channel)) continue;
      for (const direction of ['subscribe', 'publish']) {
        const op = channel[direction];
        if (!isObject(op) || !isObject(op.message)) continue;
        const messages = Array.isArray(op.message.oneOf) ? op.message.oneOf : [op.message];
        for (const message of messages) if (isObject(message)) roots.push(message.payload);
      }
    }
  }
  return roots;
}

function applyPatch(docs: SpecDocuments, patch: Patch, id: string): void {
  if (patch.kind === 'named-floats') {
    for (const root of rootSchemas(docs, patch.spec)) {
      forEachSchema(root, (node) => {
        if (node.type !== 'number') return;
        delete node.type;
        node[NAMED_FLOAT_KEYWORD] = true;
        mark(node, { id, spec: { type: 'number' }, admits: { enum: [...NAMED_FLOATS] } });
      });
    }
    return;
  }
  const node = resolve(docs, patch.at, id);
  const where = describeLocation(patch.at);
  switch (patch.kind) {
    case 'retype':
      if (node.type !== patch.from) throw new Error(`Exception ${id}: ${where} is type ${String(node.type)}, expected ${patch.from}`);
      node.type = patch.to;
      mark(node, { id, spec: { type: patch.from }, admits: { type: patch.to } });
      return;
    case 'enum': {
      if (!Array.isArray(node.enum)) throw new Error(`Exception ${id}: ${where} has no enum`);
      const before: unknown[] = node.enum;
      const replaced = before.map((value) => (typeof value === 'string' ? (patch.replace?.[value] ?? value) : value));
      for (const from of Object.keys(patch.replace ?? {})) {
        if (!before.includes(from)) throw new Error(`Exception ${id}: ${where} enum has no ${from}`);
      }
      for (const value of patch.add ?? []) {
        if (before.includes(value)) throw new Error(`Exception ${id}: ${where} enum already has ${JSON.stringify(value)}`);
      }
      node.enum = [...replaced, ...(patch.add ?? [])];
      mark(node, { id, spec: { enum: before }, admits: { enum: node.enum } });
      return;
    }
    case 'replace': {
      const before = { ...node };
      for (const key of Object.keys(node)) delete node[key];
      Object.assign(node, structuredClone(patch.schema));
      mark(node, { id, spec: withoutAnnotations(before), admits: structuredClone(patch.schema) });
      return;
    }
    case 'unrequire': {
      const required: unknown[] = Array.isArray(node.required) ? node.required : [];
      const missing = patch.names.filter((name) => !required.includes(name));
      if (missing.length > 0) throw new Error(`Exception ${id}: ${where} does not require ${missing.join(', ')}`);
      node.required = required.filter((name) => typeof name !== 'string' || !patch.names.includes(name));
      mark(node, { id, spec: { required: [...patch.names] }, admits: {} });
      return;
    }
    case 'nullable':
      if (typeof node.type !== 'string') throw new Error(`Exception ${id}: ${where} has no single type`);
      node.type = [node.type, 'null'];
      if (Array.isArray(node.enum)) node.enum = [...node.enum, null];
      mark(node, { id, spec: { not: { type: 'null' } }, admits: { type: 'null' } });
      return;
    case 'insert':
      if (patch.key in node) throw new Error(`Exception ${id}: ${where}/${patch.key} already exists`);
      node[patch.key] = { ...structuredClone(patch.value), [ADDED_BY]: id };
      return;
    case 'rename': {
      const value = node[patch.from];
      if (!isObject(value) || patch.to in node) throw new Error(`Exception ${id}: cannot rename ${where}/${patch.from}`);
      delete node[patch.from];
      node[patch.to] = { ...value, [ADDED_BY]: id };
      return;
    }
  }
}


function withoutAnnotations(schema: JsonObject): JsonObject {
  const { example: _example, description: _description, title: _title, ...rest } = schema;
  return rest;
}

/** Applies the exceptions (all but `disabled`) to a private copy of the documents. */
export function applyExceptions(docs: SpecDocuments, disabled: ReadonlySet<string> = new Set()): SpecDocuments {
  const patched: SpecDocuments = { api: structuredClone(docs.api), ws: structuredClone(docs.ws) };
  for (const exception of EXCEPTIONS) {
    if (disabled.has(exception.id)) continue;
    for (const patch of exception.patches) applyPatch(patched, patch, exception.id);
  }
  return patched;
}
