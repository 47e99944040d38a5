import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { api, control, openSocket, startTestSimulator, TEST_SPEED } from '../../../testing';

const DEVICE_INFO_KEYS = ['Connected', 'Name', 'DisplayName', 'Description', 'DriverInfo', 'DriverVersion', 'DeviceId'];

const events = (frames: string[]): string[] =>
  frames.map((frame) => (JSON.parse(frame) as { Response: { Event: string } }).Response.Event);

describe('device selection and connection (Connection.cs)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());
  afterEach(async () => {
    await control(simulator, 'POST', 'devices/camera', { failConnect: false });
    await api(simulator, '/equipment/camera/connect?to=ZWO%20ASI2600MM%20Pro');
  });

  it('lists a "No Device" entry and the simulated driver with the IDevice keys', async () => {
    const { Response: devices } = await api<Record<string, unknown>[]>(simulator, '/equipment/camera/list-devices');
    expect(devices.map((device) => Object.keys(device))).toEqual(
      Array(2).fill([
        'HasSetupDialog',
        'Id',
        'Name',
        'DisplayName',
        'Category',
        'Connected',
        'Description',
        'DriverInfo',
        'DriverVersion',
        'SupportedActions',
      ]),
    );
    expect(devices[0]).toMatchObject({ Id: 'No_Device', Name: 'No Camera', Connected: false });
    expect(devices[1]).toMatchObject({ Id: 'ZWO ASI2600MM Pro', Connected: true });
    expect((await api(simulator, '/equipment/camera/rescan')).Response).toEqual(devices);
  });

  it('connects (awaited, taking the driver time) and raises DISCONNECTED then CONNECTED, as the VM disconnects first', async () => {
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      const started = performance.now();
      expect(await api(simulator, '/equipment/camera/connect')).toEqual({
        Response: 'Connected',
        Error: '',
        StatusCode: 200,
        Success: true,
        Type: 'API',
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(2500 / TEST_SPEED - 5);
      expect(events(await socket.waitForFrames(2))).toEqual(['CAMERA-DISCONNECTED', 'CAMERA-CONNECTED']);
    } finally {
      await socket.close();
    }
  });

  it('disconnects with MOUNT-DISCONNECTED and connects again with the event names of §13.3', async () => {
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      expect((await api(simulator, '/equipment/mount/disconnect')).Response).toBe('Disconnected');
      expect((await api(simulator, '/equipment/flatdevice/disconnect')).Response).toBe('Disconnected');
      expect((await api(simulator, '/equipment/safetymonitor/disconnect')).Response).toBe('Disconnected');
      expect((await api(simulator, '/equipment/weather/connect')).Response).toBe('Connected');
      expect(events(await socket.waitForFrames(5))).toEqual([
        'MOUNT-DISCONNECTED',
        'FLAT-DISCONNECTED',
        'SAFETY-DISCONNECTED',
        'WEATHER-DISCONNECTED',
        'WEATHER-CONNECTED',
      ]);
    } finally {
      await socket.close();
      await api(simulator, '/equipment/mount/connect');
      await api(simulator, '/equipment/flatdevice/connect');
      await api(simulator, '/equipment/safetymonitor/connect');
    }
  });

  it('answers "Failed to connect" when the driver fails, leaving the device disconnected', async () => {
    await control(simulator, 'POST', 'devices/camera', { failConnect: true });
    expect(await api(simulator, '/equipment/camera/connect')).toEqual({
      Response: '',
      Error: 'Failed to connect',
      StatusCode: 400,
      Success: false,
      Type: 'API',
    });
    expect((await api<{ Connected: boolean }>(simulator, '/equipment/camera/info')).Response.Connected).toBe(false);
  });

  it('selects the device given by `to`: No_Device cannot connect, the driver Id can', async () => {
    expect((await api(simulator, '/equipment/camera/connect?to=No_Device')).Error).toBe('Failed to connect');
    expect((await api(simulator, '/equipment/camera/connect')).Error).toBe('Failed to connect');
    expect((await api(simulator, '/equipment/camera/connect?to=ZWO%20ASI2600MM%20Pro')).Response).toBe('Connected');
  });

  it('bundles every */info in /equipment/info under the keys of §3.1', async () => {
    const { Response: bundle } = await api<Record<string, { Connected: boolean }>>(simulator, '/equipment/info');
    expect(Object.keys(bundle)).toEqual([
      'Camera',
      'Dome',
      'FilterWheel',
      'FlatDevice',
      'Focuser',
      'Guider',
      'Mount',
      'Rotator',
      'SafetyMonitor',
      'Switch',
      'WeatherData',
    ]);
    for (const info of Object.values(bundle)) expect(info.Connected).toBe(true);
    const focuser = (await api<Record<string, unknown>>(simulator, '/equipment/focuser/info')).Response;
    expect(Object.keys(bundle.Focuser ?? {})).toEqual(Object.keys(focuser));
  });
});

describe('*/info while connected (§3.2–§3.8)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  const info = async (device: string) => (await api<Record<string, unknown>>(simulator, `/equipment/${device}/info`)).Response;

  it('camera: every CameraInfo field with its JSON type, plus TargetTemp/AtTargetTemp', async () => {
    const camera = await info('camera');
    const types: Record<string, string> = {};
    for (const [key, value] of Object.entries(camera)) types[key] = Array.isArray(value) ? 'array' : typeof value;
    const numbers = [
      'Temperature', 'Gain', 'DefaultGain', 'GainMin', 'GainMax', 'ElectronsPerADU', 'BinX', 'BinY', 'BitDepth', 'Offset',
      'OffsetMin', 'OffsetMax', 'DefaultOffset', 'USBLimit', 'USBLimitMin', 'USBLimitMax', 'SubSampleX', 'SubSampleY',
      'SubSampleWidth', 'SubSampleHeight', 'XSize', 'YSize', 'PixelSize', 'Battery', 'CoolerPower', 'TemperatureSetPoint',
      'ReadoutMode', 'ReadoutModeForSnapImages', 'ReadoutModeForNormalImages', 'LastDownloadTime', 'BayerOffsetX',
      'BayerOffsetY', 'ExposureMax', 'ExposureMin', 'TargetTemp',
    ];
    const booleans = [
      'Connected', 'CanSetTemperature', 'HasShutter', 'CanSetGain', 'CanGetGain', 'CanSetOffset', 'CanSetUSBLimit',
      'IsSubSampleEnabled', 'CanSubSample', 'HasBattery', 'CoolerOn', 'HasDewHeater', 'DewHeaterOn', 'IsExposing',
      'LiveViewEnabled', 'CanShowLiveView', 'AtTargetTemp',
    ];
    const strings = ['Name', 'DisplayName', 'Description', 'DriverInfo', 'DriverVersion', 'DeviceId', 'CameraState', 'ExposureEndTime', 'SensorType'];
    for (const key of numbers) expect(types[key], key).toBe('number');
    for (const key of booleans) expect(types[key], key).toBe('boolean');
    for (const key of strings) expect(types[key], key).toBe('string');
    for (const key of ['Gains', 'ReadoutModes', 'BinningModes', 'SupportedActions']) expect(types[key], key).toBe('array');
    expect(camera).not.toHaveProperty('offsetMin');
    expect(camera.HasBattery).toBe(false);
    expect(camera.BinningModes).toEqual([1, 2, 3, 4].map((bin) => ({ Name: `${bin}x${bin}`, X: bin, Y: bin })));
    expect(camera.AtTargetTemp).toBe(camera.Temperature === camera.TemperatureSetPoint);
    expect(camera).toMatchObject({ CameraState: 'Idle', SensorType: 'Monochrome', CoolerOn: true, TargetTemp: -10 });
  });

  it('camera: the sensor follows the cooler to a new set point with power, not reaching it at once', async () => {
    await control(simulator, 'POST', 'devices/camera', { setPoint: -20 });
    const pulling = await info('camera');
    expect(pulling.TemperatureSetPoint).toBe(-20);
    expect(pulling.CoolerPower).toBe(100);
    expect(pulling.AtTargetTemp).toBe(false);
    expect(pulling.Temperature).toBeGreaterThan(-20);
  });

  it('mount: RA in hours, HMS/DMS strings, alt/az from the site, tracking Sidereal', async () => {
    const mount = await info('mount');
    expect(mount).toMatchObject({
      Connected: true,
      TrackingMode: 'Sidereal',
      TrackingEnabled: true,
      TrackingRate: {},
      PrimaryAxisRates: [{}],
      SecondaryAxisRates: [{}],
      SideOfPier: 'pierWest',
      AlignmentMode: 'GermanPolar',
      EquatorialSystem: 'JNOW',
      SiteLatitude: 28.7606,
      AtPark: false,
      Slewing: false,
    });
    expect(mount.TrackingModes).toEqual(['Sidereal', 'Lunar', 'Solar', 'King', 'Custom', 'Stopped']);
    expect(mount.RightAscension).toBeGreaterThanOrEqual(0);
    expect(mount.RightAscension).toBeLessThan(24);
    expect(mount.RightAscensionString).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(mount.DeclinationString).toBe(`22° 00' 53"`);
    expect(mount.AltitudeString).toMatch(/^\d{2}° \d{2}' \d{2}"$/);
    expect(mount.TimeToMeridianFlipString).toMatch(/^01:3\d:\d{2}$/);
    expect(mount).not.toHaveProperty('TargetCoordinates');
    const coordinates = mount.Coordinates as Record<string, unknown>;
    expect(Object.keys(coordinates)).toEqual(['RA', 'RAString', 'RADegrees', 'Dec', 'DecString', 'Epoch', 'DateTime']);
    expect(coordinates.RADegrees).toBeCloseTo((mount.RightAscension as number) * 15, 9);
    expect(mount.UTCDate).toMatch(/Z$/);
  });

  it('filter wheel, guider, focuser, rotator, dome, flat, safety, switch, weather carry their §3 fields', async () => {
    expect(await info('filterwheel')).toMatchObject({ SelectedFilter: { Name: 'L', Id: 0 }, IsMoving: false });
    const guider = await info('guider');
    expect(guider).toMatchObject({ State: 'Stopped', PixelScale: 3.87, CanClearCalibration: true });
    expect(guider.RMSError).toEqual(
      Object.fromEntries(['RA', 'Dec', 'Total', 'PeakRA', 'PeakDec'].map((key) => [key, { Pixel: 0, Arcseconds: 0 }])),
    );
    expect(guider).not.toHaveProperty('LastGuideStep');
    const focuser = await info('focuser');
    expect(focuser).toMatchObject({ Position: 15320, IsMoving: false, TempCompAvailable: false });
    expect(typeof focuser.Temperature).toBe('number');
    expect(await info('rotator')).toMatchObject({ MechanicalPosition: 87.5, Synced: true, CanReverse: true });
    expect(await info('dome')).toMatchObject({ ShutterStatus: 'ShutterOpen', IsFollowing: true, IsSynchronized: true });
    expect(await info('flatdevice')).toMatchObject({ CoverState: 'Open', LocalizedCoverState: 'Open', LocalizedLightOnState: 'Off' });
    expect((await info('safetymonitor')).IsSafe).toBe(true);
    const powerBox = await info('switch');
    expect((powerBox.WritableSwitches as Record<string, unknown>[])[0]).toEqual({
      Maximum: 1,
      Minimum: 0,
      StepSize: 1,
      TargetValue: 1,
      Id: 0,
      Name: '12V Outputs',
      Description: 'Quad 12V power outputs',
      Value: 1,
    });
    expect(Object.keys((powerBox.ReadonlySwitches as Record<string, unknown>[])[0] ?? {})).toEqual(['Id', 'Name', 'Description', 'Value']);
    const weather = await info('weather');
    for (const metric of ['CloudCover', 'DewPoint', 'Humidity', 'Pressure', 'SkyQuality', 'Temperature', 'WindSpeed', 'StarFWHM']) {
      expect(typeof weather[metric], metric).toBe('number');
    }
  });
});

describe('*/info while disconnected (§2.4): Connected false, model defaults, null strings omitted', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
    for (const device of ['camera', 'mount', 'focuser', 'filterwheel', 'guider', 'rotator', 'dome', 'flatdevice', 'safetymonitor', 'switch', 'weather']) {
      await api(simulator, `/equipment/${device}/disconnect`);
    }
  });
  afterAll(() => simulator.close());

  const info = async (device: string) => (await api<Record<string, unknown>>(simulator, `/equipment/${device}/info`)).Response;
  const expectNoDeviceStrings = (response: Record<string, unknown>): void => {
    expect(response.Connected).toBe(false);
    for (const key of DEVICE_INFO_KEYS.slice(1)) expect(response, key).not.toHaveProperty(key);
    expect(response).not.toHaveProperty('SupportedActions');
  };

  it('camera: reset CameraInfo, so Temperature and set point are 0 and AtTargetTemp is true', async () => {
    const camera = await info('camera');
    expectNoDeviceStrings(camera);
    expect(camera).toMatchObject({
      Temperature: 0,
      TemperatureSetPoint: 0,
      AtTargetTemp: true,
      TargetTemp: -10,
      Gain: -1,
      DefaultGain: -1,
      DefaultOffset: -1,
      CameraState: 'NoState',
      LastDownloadTime: -1,
      Gains: [],
      BinningModes: [],
      HasBattery: false,
    });
    expect(camera).not.toHaveProperty('ReadoutModes');
  });

  it('mount: NaN altitude/azimuth, SideOfPier back to default(PierSide), no TrackingMode or coordinates', async () => {
    const mount = await info('mount');
    expectNoDeviceStrings(mount);
    expect(mount).toMatchObject({
      Altitude: 'NaN',
      Azimuth: 'NaN',
      AltitudeString: '',
      AzimuthString: '',
      SideOfPier: 'pierEast',
      TrackingRate: {},
      UTCDate: '0001-01-01T00:00:00',
      RightAscension: 0,
    });
    for (const key of ['TrackingMode', 'Coordinates', 'RightAscensionString', 'TrackingModes', 'PrimaryAxisRates', 'TargetCoordinates']) {
      expect(mount, key).not.toHaveProperty(key);
    }
  });

  it('focuser, dome and weather: their NaN defaults as "NaN"', async () => {
    const focuser = await info('focuser');
    expectNoDeviceStrings(focuser);
    expect(focuser.Temperature).toBe('NaN');
    const dome = await info('dome');
    expectNoDeviceStrings(dome);
    expect(dome).toMatchObject({ Azimuth: 'NaN', ShutterStatus: 'ShutterNone', IsFollowing: false });
    const weather = await info('weather');
    expectNoDeviceStrings(weather);
    const metrics = [
      'AveragePeriod', 'CloudCover', 'DewPoint', 'Humidity', 'Pressure', 'RainRate', 'SkyBrightness', 'SkyQuality',
      'SkyTemperature', 'StarFWHM', 'Temperature', 'WindDirection', 'WindGust', 'WindSpeed',
    ];
    for (const metric of metrics) expect(weather[metric], metric).toBe('NaN');
  });

  it('filter wheel: no SelectedFilter, AvailableFilters from the profile all the same', async () => {
    const wheel = await info('filterwheel');
    expectNoDeviceStrings(wheel);
    expect(wheel).not.toHaveProperty('SelectedFilter');
    expect(wheel.AvailableFilters).toEqual(['L', 'R', 'G', 'B', 'Ha', 'OIII', 'SII'].map((Name, Id) => ({ Name, Id })));
  });

  it('guider, rotator, flat, safety and switch: defaults, no State, no switch lists', async () => {
    const guider = await info('guider');
    expectNoDeviceStrings(guider);
    expect(guider).not.toHaveProperty('State');
    expectNoDeviceStrings(await info('rotator'));
    expect(await info('flatdevice')).toMatchObject({ CoverState: 'Unknown', LocalizedLightOnState: 'Off', Brightness: 0 });
    expect((await info('safetymonitor')).IsSafe).toBe(false);
    const powerBox = await info('switch');
    expectNoDeviceStrings(powerBox);
    expect(powerBox).not.toHaveProperty('WritableSwitches');
    expect(powerBox).not.toHaveProperty('ReadonlySwitches');
  });
});
