import { z } from 'zod';
import { deviceInfoShape, maybe, ninaNumber } from './common';

/**
 * Device `info` schemas, field sets as notes §3 describes them. Every field but `Connected` is optional:
 * a disconnected device omits its strings and lists (§2.4), and a newer NINA may add or drop fields.
 * Unknown extra fields are dropped by zod, not rejected.
 */

const optNumber = maybe(ninaNumber);
const optInt = maybe(z.number());
const optBool = maybe(z.boolean());
const optString = maybe(z.string());

export const binningModeSchema = z.object({ Name: z.string(), X: z.number(), Y: z.number() });

export const cameraInfoSchema = z.object({
  ...deviceInfoShape,
  CanSetTemperature: optBool,
  HasShutter: optBool,
  Temperature: optNumber,
  Gain: optInt,
  DefaultGain: optInt,
  GainMin: optInt,
  GainMax: optInt,
  CanSetGain: optBool,
  CanGetGain: optBool,
  Gains: maybe(z.array(z.number())),
  ElectronsPerADU: optNumber,
  BinX: optInt,
  BinY: optInt,
  BitDepth: optInt,
  CanSetOffset: optBool,
  Offset: optInt,
  OffsetMin: optInt,
  OffsetMax: optInt,
  DefaultOffset: optInt,
  USBLimit: optInt,
  USBLimitMin: optInt,
  USBLimitMax: optInt,
  CanSetUSBLimit: optBool,
  CameraState: optString,
  XSize: optInt,
  YSize: optInt,
  PixelSize: optNumber,
  CoolerOn: optBool,
  CoolerPower: optNumber,
  TemperatureSetPoint: optNumber,
  TargetTemp: optNumber,
  AtTargetTemp: optBool,
  HasDewHeater: optBool,
  DewHeaterOn: optBool,
  ReadoutModes: maybe(z.array(z.string())),
  ReadoutMode: optInt,
  IsExposing: optBool,
  ExposureEndTime: optString,
  LastDownloadTime: optNumber,
  SensorType: optString,
  BinningModes: maybe(z.array(binningModeSchema)),
  ExposureMax: optNumber,
  ExposureMin: optNumber,
});
export type CameraInfo = z.infer<typeof cameraInfoSchema>;

const coordinatesSchema = z.object({
  RA: ninaNumber,
  RADegrees: optNumber,
  Dec: ninaNumber,
  RAString: optString,
  DecString: optString,
  Epoch: optString,
});

export const mountInfoSchema = z.object({
  ...deviceInfoShape,
  SiderealTime: optNumber,
  /** Hours, not degrees (notes §3.3). */
  RightAscension: optNumber,
  Declination: optNumber,
  SiteLatitude: optNumber,
  SiteLongitude: optNumber,
  SiteElevation: optNumber,
  Altitude: optNumber,
  Azimuth: optNumber,
  TimeToMeridianFlip: optNumber,
  Coordinates: maybe(coordinatesSchema),
  TargetCoordinates: maybe(coordinatesSchema),
  SideOfPier: optString,
  AtPark: optBool,
  AtHome: optBool,
  Slewing: optBool,
  TrackingEnabled: optBool,
  TrackingModes: maybe(z.array(z.string())),
  TrackingMode: optString,
  CanFindHome: optBool,
  CanPark: optBool,
  CanSetPark: optBool,
  CanSetTrackingEnabled: optBool,
  CanMovePrimaryAxis: optBool,
  CanMoveSecondaryAxis: optBool,
  CanSlew: optBool,
  AlignmentMode: optString,
  UTCDate: optString,
});
export type MountInfo = z.infer<typeof mountInfoSchema>;

export const focuserInfoSchema = z.object({
  ...deviceInfoShape,
  Position: optInt,
  StepSize: optNumber,
  Temperature: optNumber,
  IsMoving: optBool,
  IsSettling: optBool,
  TempComp: optBool,
  TempCompAvailable: optBool,
});
export type FocuserInfo = z.infer<typeof focuserInfoSchema>;

export const filterSchema = z.object({ Name: z.string(), Id: z.number() });
export type Filter = z.infer<typeof filterSchema>;

export const filterWheelInfoSchema = z.object({
  ...deviceInfoShape,
  IsMoving: optBool,
  SelectedFilter: maybe(filterSchema),
  AvailableFilters: maybe(z.array(filterSchema)),
});
export type FilterWheelInfo = z.infer<typeof filterWheelInfoSchema>;

const rmsValueSchema = z.object({ Pixel: ninaNumber, Arcseconds: ninaNumber });

export const guiderInfoSchema = z.object({
  ...deviceInfoShape,
  CanClearCalibration: optBool,
  RMSError: maybe(
    z.object({
      RA: rmsValueSchema,
      Dec: rmsValueSchema,
      Total: rmsValueSchema,
      PeakRA: maybe(rmsValueSchema),
      PeakDec: maybe(rmsValueSchema),
    }),
  ),
  PixelScale: optNumber,
  LastGuideStep: maybe(
    z.object({
      RADistanceRaw: ninaNumber,
      DECDistanceRaw: ninaNumber,
      RADuration: ninaNumber,
      DECDuration: ninaNumber,
    }),
  ),
  /** PHD2 AppState passed through; "" before the first state (notes §3.5). */
  State: optString,
});
export type GuiderInfo = z.infer<typeof guiderInfoSchema>;

export const rotatorInfoSchema = z.object({
  ...deviceInfoShape,
  CanReverse: optBool,
  Reverse: optBool,
  MechanicalPosition: optNumber,
  Position: optNumber,
  StepSize: optNumber,
  IsMoving: optBool,
  Synced: optBool,
});
export type RotatorInfo = z.infer<typeof rotatorInfoSchema>;

export const flatDeviceInfoSchema = z.object({
  ...deviceInfoShape,
  CoverState: optString,
  LocalizedCoverState: optString,
  LocalizedLightOnState: optString,
  LightOn: optBool,
  Brightness: optNumber,
  MinBrightness: optNumber,
  MaxBrightness: optNumber,
  SupportsOpenClose: optBool,
  SupportsOnOff: optBool,
});
export type FlatDeviceInfo = z.infer<typeof flatDeviceInfoSchema>;

export const domeInfoSchema = z.object({
  ...deviceInfoShape,
  ShutterStatus: optString,
  Azimuth: optNumber,
  Altitude: optNumber,
  AtPark: optBool,
  AtHome: optBool,
  Slewing: optBool,
  DriverFollowing: optBool,
  IsFollowing: optBool,
  IsSynchronized: optBool,
  CanSetShutter: optBool,
  CanPark: optBool,
  CanFindHome: optBool,
});
export type DomeInfo = z.infer<typeof domeInfoSchema>;

export const safetyMonitorInfoSchema = z.object({
  ...deviceInfoShape,
  IsSafe: optBool,
});
export type SafetyMonitorInfo = z.infer<typeof safetyMonitorInfoSchema>;

const switchBaseShape = {
  Id: z.number(),
  Name: optString,
  Description: optString,
  Value: optNumber,
};

export const switchInfoSchema = z.object({
  ...deviceInfoShape,
  WritableSwitches: maybe(
    z.array(
      z.object({
        ...switchBaseShape,
        Maximum: optNumber,
        Minimum: optNumber,
        StepSize: optNumber,
        TargetValue: optNumber,
      }),
    ),
  ),
  ReadonlySwitches: maybe(z.array(z.object(switchBaseShape))),
});
export type SwitchInfo = z.infer<typeof switchInfoSchema>;

export const weatherInfoSchema = z.object({
  ...deviceInfoShape,
  AveragePeriod: optNumber,
  CloudCover: optNumber,
  DewPoint: optNumber,
  Humidity: optNumber,
  Pressure: optNumber,
  RainRate: optNumber,
  SkyBrightness: optNumber,
  SkyQuality: optNumber,
  SkyTemperature: optNumber,
  StarFWHM: optNumber,
  Temperature: optNumber,
  WindDirection: optNumber,
  WindGust: optNumber,
  WindSpeed: optNumber,
});
export type WeatherInfo = z.infer<typeof weatherInfoSchema>;

/**
 * The devices NINA knows, with the three names each goes by: the `{device}` path segment
 * (case-sensitive, notes §3.9), the key in `/equipment/info` (§3.1), and the event prefix (§13.3).
 */
export const devices = {
  camera: { infoKey: 'Camera', eventPrefix: 'CAMERA', label: 'Camera', schema: cameraInfoSchema },
  mount: { infoKey: 'Mount', eventPrefix: 'MOUNT', label: 'Mount', schema: mountInfoSchema },
  focuser: { infoKey: 'Focuser', eventPrefix: 'FOCUSER', label: 'Focuser', schema: focuserInfoSchema },
  filterwheel: { infoKey: 'FilterWheel', eventPrefix: 'FILTERWHEEL', label: 'Filter wheel', schema: filterWheelInfoSchema },
  guider: { infoKey: 'Guider', eventPrefix: 'GUIDER', label: 'Guider', schema: guiderInfoSchema },
  rotator: { infoKey: 'Rotator', eventPrefix: 'ROTATOR', label: 'Rotator', schema: rotatorInfoSchema },
  flatdevice: { infoKey: 'FlatDevice', eventPrefix: 'FLAT', label: 'Flat panel', schema: flatDeviceInfoSchema },
  dome: { infoKey: 'Dome', eventPrefix: 'DOME', label: 'Dome', schema: domeInfoSchema },
  safetymonitor: { infoKey: 'SafetyMonitor', eventPrefix: 'SAFETY', label: 'Safety monitor', schema: safetyMonitorInfoSchema },
  weather: { infoKey: 'WeatherData', eventPrefix: 'WEATHER', label: 'Weather', schema: weatherInfoSchema },
  switch: { infoKey: 'Switch', eventPrefix: 'SWITCH', label: 'Switch', schema: switchInfoSchema },
} as const;

export type DeviceKind = keyof typeof devices;
export const deviceKinds = Object.keys(devices) as DeviceKind[];

export interface DeviceInfoByKind {
  camera: CameraInfo;
  mount: MountInfo;
  focuser: FocuserInfo;
  filterwheel: FilterWheelInfo;
  guider: GuiderInfo;
  rotator: RotatorInfo;
  flatdevice: FlatDeviceInfo;
  dome: DomeInfo;
  safetymonitor: SafetyMonitorInfo;
  weather: WeatherInfo;
  switch: SwitchInfo;
}

export const deviceListEntrySchema = z.object({
  Id: z.string(),
  Name: optString,
  DisplayName: optString,
  Category: optString,
  Connected: optBool,
  Description: optString,
  HasSetupDialog: optBool,
});
export const deviceListSchema = z.array(deviceListEntrySchema);
export type DeviceListEntry = z.infer<typeof deviceListEntrySchema>;
