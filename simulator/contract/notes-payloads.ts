/**
 * Replies the real server sends, written by hand from nina-api-notes.md (section cited on each), for the unit tests
 * of the contract validator. Builders return fresh objects so a test can break one field.
 */
import type { RestItem, SocketItem } from './spec';

type Json = Record<string, unknown>;

/** §2.1: every REST reply is this envelope, HTTP 200. */
export function ok(response: unknown): Json {
  return { Response: response, Error: '', StatusCode: 200, Success: true, Type: 'API' };
}

/** §2.1 CreateErrorTable: the message is in Error, Response is "". */
export function err(message: string, statusCode: number): Json {
  return { Response: '', Error: message, StatusCode: statusCode, Success: false, Type: 'API' };
}

export function rest(path: string, body: unknown, overrides: Partial<RestItem> = {}): RestItem {
  return { kind: 'rest', method: 'GET', path: `/v2/api${path}`, query: {}, httpStatus: 200, contentType: 'application/json', body, ...overrides };
}

/** §13.1: NJ envelope of a /v2/socket event (no Time key on live events). */
export function event(name: string, data: Json = {}): SocketItem {
  return socket('/v2/socket', { Response: { Event: name, ...data }, Error: '', StatusCode: 200, Success: true, Type: 'Socket' });
}

export function socket(channel: string, data: unknown): SocketItem {
  return { kind: 'ws', channel, direction: 'out', data };
}

const DEVICE_INFO = (name: string): Json => ({
  Connected: true,
  Name: name,
  DisplayName: name,
  Description: `${name} (simulated)`,
  DriverInfo: 'ASCOM driver',
  DriverVersion: '6.6',
  DeviceId: `ASCOM.${name.replace(/\W/g, '')}`,
  SupportedActions: [],
});

/** §3.2, connected and cooling: AtTargetTemp is exact float equality, so false while regulating. */
export function cameraInfoConnected(): Json {
  return {
    ...DEVICE_INFO('ZWO ASI2600MM Pro'),
    CanSetTemperature: true, HasShutter: false, Temperature: -9.8,
    Gain: 100, DefaultGain: 100, GainMin: 0, GainMax: 460, CanSetGain: true, CanGetGain: true, Gains: [],
    ElectronsPerADU: 0.78, BinX: 1, BinY: 1, BitDepth: 16,
    CanSetOffset: true, Offset: 50, DefaultOffset: 50,
    USBLimit: 80, USBLimitMin: 40, USBLimitMax: 100, CanSetUSBLimit: true,
    IsSubSampleEnabled: false, CanSubSample: true, SubSampleX: 0, SubSampleY: 0, SubSampleWidth: 6248, SubSampleHeight: 4176,
    CameraState: 'Idle', XSize: 6248, YSize: 4176, PixelSize: 3.76,
    HasBattery: false, Battery: -1, CoolerOn: true, CoolerPower: 38.5, TemperatureSetPoint: -10,
    HasDewHeater: true, DewHeaterOn: false,
    ReadoutModes: ['Normal'], ReadoutMode: 0, ReadoutModeForSnapImages: 0, ReadoutModeForNormalImages: 0,
    IsExposing: false, ExposureEndTime: '2025-07-20T09:43:44.351+02:00', LastDownloadTime: 2.31,
    SensorType: 'Monochrome', BayerOffsetX: 0, BayerOffsetY: 0,
    BinningModes: [1, 2, 3, 4].map((bin) => ({ Name: `${bin}x${bin}`, X: bin, Y: bin })),
    ExposureMax: 3600, ExposureMin: 0.000032, LiveViewEnabled: false, CanShowLiveView: false,
    TargetTemp: -10, AtTargetTemp: false,
  };
}

/** §2.4: Connected false, model defaults, Temperature "NaN", null strings and lists omitted. */
export function cameraInfoDisconnected(): Json {
  return {
    Connected: false, CanSetTemperature: false, HasShutter: false, Temperature: 'NaN',
    Gain: -1, DefaultGain: -1, GainMin: 0, GainMax: 0, CanSetGain: false, CanGetGain: false, Gains: [],
    ElectronsPerADU: 'NaN', BinX: 1, BinY: 1, BitDepth: 0, CanSetOffset: false, Offset: -1, DefaultOffset: -1,
    USBLimit: -1, USBLimitMin: -1, USBLimitMax: -1, CanSetUSBLimit: false,
    IsSubSampleEnabled: false, CanSubSample: false, SubSampleX: 0, SubSampleY: 0, SubSampleWidth: 0, SubSampleHeight: 0,
    CameraState: 'NoState', XSize: 0, YSize: 0, PixelSize: 0, HasBattery: false, Battery: -1,
    CoolerOn: false, CoolerPower: 'NaN', TemperatureSetPoint: 'NaN', HasDewHeater: false, DewHeaterOn: false,
    ReadoutMode: 0, ReadoutModeForSnapImages: 0, ReadoutModeForNormalImages: 0,
    IsExposing: false, ExposureEndTime: '0001-01-01T00:00:00', LastDownloadTime: -1,
    SensorType: 'Monochrome', BayerOffsetX: 0, BayerOffsetY: 0, BinningModes: [],
    ExposureMax: 'Infinity', ExposureMin: 0, LiveViewEnabled: false, CanShowLiveView: false,
    TargetTemp: 'NaN', AtTargetTemp: false,
  };
}

const COORDINATES = (raHours: number, decDeg: number, epoch: string): Json => ({
  RA: raHours, RAString: '05:34:31', RADegrees: raHours * 15, Dec: decDeg, DecString: '+22° 00\' 52"', Epoch: epoch,
  DateTime: { Now: '2025-07-20T23:43:44.351+02:00', UtcNow: '2025-07-20T21:43:44.351Z' },
});

/** §3.3: RA in hours, TrackingRate {} and axis rates [{}], "Sidereal". */
export function mountInfoConnected(): Json {
  return {
    ...DEVICE_INFO('Sky-Watcher EQ6-R Pro'),
    SiderealTime: 17.4213, SiderealTimeString: '17:25:17', RightAscension: 5.5753, RightAscensionString: '05:34:31',
    Declination: 22.0144, DeclinationString: '+22° 00\' 52"', SiteLatitude: 44.0956, SiteLongitude: 5.7414, SiteElevation: 650,
    Altitude: 31.25, AltitudeString: '+31° 15\' 00"', Azimuth: 281.5, AzimuthString: '281° 30\' 00"',
    TimeToMeridianFlip: 12.15, TimeToMeridianFlipString: '12:09:00', HoursToMeridianString: '12:09:00',
    Coordinates: COORDINATES(5.5753, 22.0144, 'JNOW'),
    SideOfPier: 'pierWest', AtPark: false, AtHome: false, Slewing: false, TrackingEnabled: true, IsPulseGuiding: false, HasUnknownEpoch: false,
    TrackingRate: {}, TrackingModes: ['Sidereal', 'Lunar', 'Solar', 'King', 'Stopped'], TrackingMode: 'Sidereal',
    CanFindHome: true, CanPark: true, CanSetPark: true, CanSetTrackingEnabled: true, CanSetDeclinationRate: true,
    CanSetRightAscensionRate: true, CanMovePrimaryAxis: true, CanMoveSecondaryAxis: true, CanPulseGuide: true,
    CanSetPierSide: false, CanSlew: true, CanSlewAltAz: false, EquatorialSystem: 'JNOW',
    GuideRateRightAscensionArcsecPerSec: 7.52, GuideRateDeclinationArcsecPerSec: 7.52,
    PrimaryAxisRates: [{}], SecondaryAxisRates: [{}], AlignmentMode: 'GermanPolar', UTCDate: '2025-07-20T21:43:44.351Z',
  };
}

/** §2.4, §3.3: no Name/DisplayName/DeviceId, no TrackingMode without a device. */
export function mountInfoDisconnected(): Json {
  const { Name: _n, DisplayName: _d, Description: _de, DriverInfo: _i, DriverVersion: _v, DeviceId: _id, SupportedActions: _s, TrackingMode: _t, ...rest } = mountInfoConnected();
  return { ...rest, Connected: false, SiderealTime: 'NaN', RightAscension: 'NaN', Declination: 'NaN', TrackingModes: [] };
}

/** §3.4: StepSize is a double, Temperature "NaN" without a probe. */
export function focuserInfo(connected = true): Json {
  const device = connected ? DEVICE_INFO('ZWO EAF') : { Connected: false };
  return { ...device, Position: connected ? 12500 : 0, StepSize: connected ? 1.5 : 'NaN', Temperature: connected ? 11.4 : 'NaN', IsMoving: false, IsSettling: false, TempComp: false, TempCompAvailable: false };
}

/** §3.5: RMSError doubles, State a PHD2 AppState, LastGuideStep after the first step only. */
export function guiderInfo(state = 'Guiding'): Json {
  const rms = (pixel: number, scale: number): Json => ({ Pixel: pixel, Arcseconds: pixel * scale });
  return {
    ...DEVICE_INFO('PHD2'), CanClearCalibration: true, CanSetShiftRate: true, CanGetLockPosition: true,
    RMSError: { RA: rms(0.42, 1.6), Dec: rms(0.31, 1.6), Total: rms(0.52, 1.6), PeakRA: rms(1.21, 1.6), PeakDec: rms(0.93, 1.6) },
    PixelScale: 1.6, LastGuideStep: { RADistanceRaw: -0.21, DECDistanceRaw: 0.13, RADuration: -120, DECDuration: 85 }, State: state,
  };
}

/** §3.6: SelectedFilter omitted when disconnected, AvailableFilters always. */
export function filterWheelInfo(connected = true): Json {
  const filters = ['L', 'R', 'G', 'B', 'Ha', 'OIII', 'SII'].map((name, id) => ({ Name: name, Id: id }));
  return connected
    ? { ...DEVICE_INFO('ZWO EFW'), IsMoving: false, SelectedFilter: { Name: 'Ha', Id: 4 }, AvailableFilters: filters }
    : { Connected: false, IsMoving: false, AvailableFilters: filters };
}

/** §3.7: positions are floats. */
export function rotatorInfo(): Json {
  return { ...DEVICE_INFO('Pegasus Falcon Rotator'), CanReverse: true, Reverse: false, MechanicalPosition: 92.5, Position: 182.25, StepSize: 0.1, IsMoving: false, Synced: true };
}

/** §3.8 dome, disconnected: Azimuth "NaN". */
export function domeInfo(connected = false): Json {
  return {
    ...(connected ? DEVICE_INFO('ScopeDome') : { Connected: false }),
    ShutterStatus: connected ? 'ShutterOpen' : 'ShutterNone', DriverCanFollow: false, CanSetShutter: connected, CanSetPark: connected,
    CanSetAzimuth: connected, CanSyncAzimuth: connected, CanPark: connected, CanFindHome: connected, AtPark: false, AtHome: false,
    DriverFollowing: false, Slewing: false, Azimuth: connected ? 182.5 : 'NaN', IsFollowing: false, IsSynchronized: false,
  };
}

/** §3.8: every weather metric is a double, "NaN" by default. */
export function weatherInfo(connected: boolean): Json {
  const metrics = {
    AveragePeriod: 0.5, CloudCover: 12.5, DewPoint: 4.2, Humidity: 61.3, Pressure: 1013.2, RainRate: 0, SkyBrightness: 0.02,
    SkyQuality: 21.3, SkyTemperature: -18.4, StarFWHM: 2.1, Temperature: 11.7, WindDirection: 225.5, WindGust: 3.4, WindSpeed: 1.8,
  };
  return connected
    ? { ...DEVICE_INFO('Pegasus Ultimate Powerbox Weather'), ...metrics }
    : { Connected: false, ...Object.fromEntries(Object.keys(metrics).map((key) => [key, 'NaN'])) };
}

/** §3.8: Value is a double (a 12.3 V input on a power box). */
export function switchInfo(): Json {
  return {
    ...DEVICE_INFO('Pegasus Ultimate Powerbox'),
    WritableSwitches: [{ Id: 0, Name: 'Dew A', Description: 'Dew heater A', Value: 55.5, Maximum: 100, Minimum: 0, StepSize: 1, TargetValue: 55.5 }],
    ReadonlySwitches: [{ Id: 4, Name: 'Input voltage', Description: 'Input voltage (V)', Value: 12.3 }],
  };
}

export function flatDeviceInfo(): Json {
  return {
    ...DEVICE_INFO('Pegasus Flatmaster'), CoverState: 'NotPresent', LocalizedCoverState: 'Not present', LocalizedLightOnState: 'Off',
    LightOn: false, Brightness: 0, MinBrightness: 0, MaxBrightness: 255, SupportsOpenClose: false, SupportsOnOff: true,
  };
}

export function safetyMonitorInfo(): Json {
  return { ...DEVICE_INFO('Cloud Sensor'), IsSafe: true };
}

/** §3.1: each value is exactly what the matching device info endpoint returns. */
export function equipmentInfo(): Json {
  return {
    Camera: cameraInfoConnected(), Dome: domeInfo(false), FilterWheel: filterWheelInfo(), FlatDevice: flatDeviceInfo(),
    Focuser: focuserInfo(), Guider: guiderInfo(), Mount: mountInfoConnected(), Rotator: rotatorInfo(), SafetyMonitor: safetyMonitorInfo(),
    Switch: switchInfo(), WeatherData: weatherInfo(false),
  };
}

/** §9 guider/graph: Scale an enum name, doubles, Dither "NaN" or 0.01 for dither markers, ChangeId undocumented. */
export function guideGraph(): Json {
  const step = (id: number, dither: number | 'NaN'): Json => ({
    Id: id, IdOffsetLeft: id - 0.15, IdOffsetRight: id + 0.15, RADistanceRaw: 0.21, RADistanceRawDisplay: 0.21, RADuration: 123.4,
    DECDistanceRaw: -0.1, DECDistanceRawDisplay: -0.1, DECDuration: -56.7, Dither: dither,
  });
  return {
    RMS: { RA: 0.42, Dec: 0.31, Total: 0.52, RAText: 'RA: 0.42 (0.67")', DecText: 'Dec: 0.31 (0.50")', TotalText: 'Tot: 0.52 (0.83")', PeakRAText: 'Peak RA: 1.21', PeakDecText: 'Peak Dec: 0.93', Scale: 1.6, PeakRA: 1.21, PeakDec: 0.93, DataPoints: 2 },
    ChangeId: 42, Interval: 0.75, MaxY: 3, MinY: -3, MaxDurationY: 1500.5, MinDurationY: -1500.5,
    GuideSteps: [step(0, 'NaN'), step(1, 0.01)], HistorySize: 100, PixelScale: 1.6, Scale: 'PIXELS',
  };
}

/** §7.2 ImageResponse as carried by IMAGE-SAVE on the socket (NJ: null written, doubles as 12.0). */
export function imageStatistics(): Json {
  return {
    ExposureTime: 300, ImageType: 'LIGHT', Filter: 'Ha', RmsText: 'Tot: 0.45(0.61")', Temperature: -10, CameraName: 'ZWO ASI2600MM Pro',
    TargetName: 'M 31', Gain: 100, Offset: 50, Date: '2025-07-20T23:43:44.351+02:00', TelescopeName: 'Sky-Watcher EQ6-R Pro',
    FocalLength: 530, StDev: 120.5, Mean: 1800.2, Median: 1750, Min: 0, Max: 65535, Stars: 1234, HFR: 2.41, HFRStDev: 0.42,
    IsBayered: false, Filename: 'M 31_2025-07-20_23-43-44_Ha_300.00s_0001.fits',
  };
}

/** §13.3 TS-TARGETSTART: NJ writes Coordinates.Epoch as an int and there is no DateTime subobject. */
export function tsTargetStart(): Json {
  return {
    TargetName: 'M 31', ProjectName: 'Andromeda', Rotation: 0, TargetEndTime: '2025-07-21T04:10:00+02:00',
    Coordinates: { RA: 0.7123, Dec: 41.269, RAString: '00:42:44', DecString: '+41° 16\' 09"', Epoch: 2, RADegrees: 10.6846 },
  };
}

/** §2.2, §3.9: the list-devices entries. */
export function deviceList(): Json[] {
  return [
    { HasSetupDialog: false, Id: 'No_Device', Name: 'No Device', DisplayName: 'No Device', Category: 'Camera', Connected: false, Description: 'No Device', DriverInfo: 'No Device', DriverVersion: '1.0', SupportedActions: [] },
    { HasSetupDialog: true, Id: 'ASCOM.ZWO.Camera', Name: 'ZWO ASI2600MM Pro', DisplayName: 'ZWO ASI2600MM Pro', Category: 'ZWO', Connected: true, Description: 'ZWO ASI Camera', DriverInfo: 'ZWO', DriverVersion: '3.0', SupportedActions: [] },
  ];
}

/** §6.1 PlateSolveResult (STJ): Pixscale, Epoch as a name, Separation of Angles, "--"/"NaN" without one. */
export function plateSolveResult(): Json {
  const angle = (degrees: number): Json => ({ Degree: degrees, ArcMinutes: degrees * 60, ArcSeconds: degrees * 3600, Radians: degrees / 57.29578, Hours: degrees / 15 });
  return {
    SolveTime: '2025-07-20T23:43:44.351+02:00', Orientation: 357.7, PositionAngle: 2.3, Pixscale: 1.4633, Radius: 1.53,
    Coordinates: { ...COORDINATES(5.5753, 22.0144, 'J2000') }, Flipped: false, Success: true,
    Separation: { RA: angle(0.001), Dec: angle(-0.0005), Distance: angle(0.0011), Bearing: angle(116.5) },
    RaErrorString: '00:00:01', RaPixError: 2.46, DecPixError: -1.23, DecErrorString: '-00° 00\' 02"',
  };
}

/** §3.6 filter-info: NINA's FilterInfo, enums as names. */
export function filterInfo(): Json {
  const binning = { Name: '1x1', X: 1, Y: 1 };
  return {
    Name: 'Ha', FocusOffset: 27, Position: 4, AutoFocusExposureTime: -1, AutoFocusFilter: false,
    FlatWizardFilterSettings: {
      FlatWizardMode: 'DYNAMICEXPOSURE', HistogramMeanTarget: 0.5, HistogramTolerance: 0.1, MaxFlatExposureTime: 30, MinFlatExposureTime: 0.01,
      MaxAbsoluteFlatDeviceBrightness: 32767, MinAbsoluteFlatDeviceBrightness: 0, Gain: -1, Offset: -1, Binning: binning,
    },
    AutoFocusBinning: binning, AutoFocusGain: -1, AutoFocusOffset: -1,
  };
}

/** §8 last-af: NINA's AutoFocusReport re-serialized with STJ; RSquares are doubles. */
export function lastAutofocus(): Json {
  const point = (position: number, value: number, error = 0): Json => ({ Position: position, Value: value, Error: error });
  return {
    Version: 2, Filter: 'L', AutoFocuserName: 'NINA', StarDetectorName: 'NINA', Timestamp: '2025-07-20T23:43:44.351+02:00', Temperature: 11.4,
    Method: 'STARHFR', Fitting: 'HYPERBOLIC', InitialFocusPoint: point(15320, 'NaN' as unknown as number), CalculatedFocusPoint: point(15354, 1.64),
    PreviousFocusPoint: point(15354, 1.64), MeasurePoints: [point(15300, 1.8, 0.14), point(15360, 1.7, 0.12)],
    Intersections: { TrendLineIntersection: point(15353, 0.78), HyperbolicMinimum: point(15354, 1.64), QuadraticMinimum: point(15354, 1.83), GaussianMaximum: point(15078, 5.9) },
    Fittings: {
      Quadratic: 'y = 6.09E-05 * x^2 + -1.87 * x + 14358.1', Hyperbolic: 'y = 1.64 * cosh(asinh((15353.75 - x) / 79.65))',
      Gaussian: 'y = 2.76 * exp(-1 * (x - 15077.9) * (x - 15077.9) / (2 * 56.5 * 56.5)) + 3.18', LeftTrend: 'y = -0.0185 * x + 285.2', RightTrend: 'y = 0.0182 * x + -279.8',
    },
    RSquares: { Quadratic: 0.976, Hyperbolic: 0.999, LeftTrend: 0.998, RightTrend: 0.997 },
    BacklashCompensation: { BacklashCompensationModel: 'ABSOLUTE', BacklashIN: 0, BacklashOUT: 0 },
    Duration: '00:01:14.0825757',
  };
}
