// A cooled mono CMOS camera (ZWO ASI2600MM Pro on the native ZWO driver) and NINA's CameraInfo.

import { dateTimeLocal, double, int, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';
import type { Environment } from './environment';
import { CameraStates, SensorType } from './nina-enums';
import { steppedNoise } from './random';

/** How fast the sensor follows the cooler: an exponential approach with this time constant. */
const COOLER_TIME_CONSTANT_MS = 90_000;
/** The deepest cooling below ambient the TEC manages at 100 % power. */
const MAX_COOLING_DELTA_C = 35;
const NOISE_CHANNEL_TEMPERATURE = 101;
const NOISE_CHANNEL_POWER = 102;

const SENSOR = {
  widthPx: 6248,
  heightPx: 4176,
  pixelSizeUm: 3.76,
  bitDepth: 16,
  gainMin: 0,
  gainMax: 700,
  offsetMin: 0,
  offsetMax: 240,
  usbLimitMin: 40,
  usbLimitMax: 100,
  exposureMinS: 0.000032,
  exposureMaxS: 2000,
} as const;

/** e-/ADU of the IMX571 at a few gains; NINA reads the driver's value for the current gain. */
function electronsPerAdu(gain: number): number {
  return 0.78 * 10 ** (-(gain - 100) / 200);
}

export class Camera extends Device {
  coolerOn = false;
  setPointC = 0;
  /** CameraVM.TargetTemp: the profile's cooling target, kept across disconnects. */
  targetTempC = -10;
  gain = 100;
  offset = 50;
  usbLimit = 50;
  binX = 1;
  binY = 1;
  dewHeaterOn = false;
  /** CameraInfo.ExposureEndTime: "now" when the info object was (re)created. */
  private exposureEndMs: number;
  /** The sensor temperature is an exponential approach from this anchor towards the cooler's goal. */
  private anchor: { atMs: number; temperatureC: number };

  constructor(
    services: DeviceServices,
    private readonly environment: Environment,
  ) {
    super(
      {
        kind: 'camera',
        driver: {
          id: 'ZWO ASI2600MM Pro',
          name: 'ZWO ASI2600MM Pro',
          displayName: 'ZWO ASI2600MM Pro',
          description: 'ZWO ASI2600MM Pro',
          driverInfo: 'ZWO native driver',
          driverVersion: '1.36',
          category: 'ZWOptical',
          hasSetupDialog: false,
          supportedActions: [],
        },
        noDeviceName: 'No Camera',
        logLabel: 'Camera',
        connectOrigin: { source: 'CameraVM.cs', member: 'ChooseCamera', line: 400 },
        disconnectOrigin: { source: 'CameraVM.cs', member: 'Disconnect', line: 631 },
        connectDurationMs: 2500,
        rescanDurationMs: 1500,
      },
      services,
    );
    const now = services.clock.nowMs();
    this.exposureEndMs = now;
    this.anchor = { atMs: now, temperatureC: environment.temperatureC(now) };
  }

  /** Brings the sensor to `temperatureC` now, e.g. a camera that has been cooling for a while. */
  setSensorTemperature(temperatureC: number): void {
    this.anchor = { atMs: this.services.clock.nowMs(), temperatureC };
  }

  setCooler(on: boolean, setPointC: number = this.setPointC): void {
    this.setSensorTemperature(this.rawTemperatureC(this.services.clock.nowMs()));
    this.coolerOn = on;
    this.setPointC = setPointC;
  }

  private coolerGoalC(nowMs: number): number {
    const ambient = this.environment.temperatureC(nowMs);
    return this.coolerOn ? Math.max(this.setPointC, ambient - MAX_COOLING_DELTA_C) : ambient;
  }

  private rawTemperatureC(nowMs: number): number {
    const goal = this.coolerGoalC(nowMs);
    const elapsed = Math.max(0, nowMs - this.anchor.atMs);
    return goal + (this.anchor.temperatureC - goal) * Math.exp(-elapsed / COOLER_TIME_CONSTANT_MS);
  }

  /** What the driver reports: 0.1 °C steps with a little regulation jitter, so it only sometimes equals the set point. */
  temperatureC(nowMs: number = this.services.clock.nowMs()): number {
    const jitter = 0.12 * steppedNoise(this.services.seed, NOISE_CHANNEL_TEMPERATURE, nowMs / 2000);
    const reading = Math.round((this.rawTemperatureC(nowMs) + jitter) * 10) / 10;
    return reading === 0 ? 0 : reading;
  }

  coolerPowerPercent(nowMs: number = this.services.clock.nowMs()): number {
    if (!this.coolerOn) return 0;
    const ambient = this.environment.temperatureC(nowMs);
    const temperature = this.rawTemperatureC(nowMs);
    if (temperature - this.setPointC > 0.5) return 100;
    const holding = ((ambient - Math.max(temperature, this.setPointC)) / MAX_COOLING_DELTA_C) * 100;
    const jitter = 1.5 * steppedNoise(this.services.seed, NOISE_CHANNEL_POWER, nowMs / 2000);
    return Math.round(Math.min(100, Math.max(0, holding + jitter)));
  }

  protected onConnected(): void {
    this.exposureEndMs = this.services.clock.nowMs();
  }

  /** Closing the ZWO SDK handle switches the TEC off; the sensor then drifts back to ambient. */
  protected onDisconnected(): void {
    this.exposureEndMs = this.services.clock.nowMs();
    if (this.coolerOn) this.setCooler(false);
  }

  /** NINA's CameraInfo, property for property; after a disconnect it is `Reset()` to the class defaults. */
  info(): Record<string, NetValue> {
    if (!this.connected) return this.defaultInfo();
    const now = this.services.clock.nowMs();
    return {
      CanSetTemperature: true,
      HasShutter: false,
      Temperature: double(this.temperatureC(now)),
      Gain: int(this.gain),
      DefaultGain: int(100),
      ElectronsPerADU: double(electronsPerAdu(this.gain)),
      BinX: int(this.binX),
      BitDepth: int(SENSOR.bitDepth),
      BinY: int(this.binY),
      CanSetOffset: true,
      CanGetGain: true,
      OffsetMin: int(SENSOR.offsetMin),
      OffsetMax: int(SENSOR.offsetMax),
      Offset: int(this.offset),
      DefaultOffset: int(50),
      USBLimit: int(this.usbLimit),
      IsSubSampleEnabled: false,
      CameraState: CameraStates.Idle,
      XSize: int(SENSOR.widthPx),
      YSize: int(SENSOR.heightPx),
      PixelSize: double(SENSOR.pixelSizeUm),
      HasBattery: false,
      Battery: int(-1),
      GainMin: int(SENSOR.gainMin),
      GainMax: int(SENSOR.gainMax),
      CanSetGain: true,
      Gains: [],
      CoolerOn: this.coolerOn,
      CoolerPower: double(this.coolerPowerPercent(now)),
      HasDewHeater: true,
      DewHeaterOn: this.dewHeaterOn,
      CanSubSample: true,
      SubSampleX: int(0),
      SubSampleY: int(0),
      SubSampleWidth: int(SENSOR.widthPx),
      SubSampleHeight: int(SENSOR.heightPx),
      TemperatureSetPoint: double(this.setPointC),
      ReadoutModes: ['Default'],
      ReadoutMode: int(0),
      ReadoutModeForSnapImages: int(0),
      ReadoutModeForNormalImages: int(0),
      IsExposing: false,
      ExposureEndTime: dateTimeLocal(this.exposureEndMs),
      LastDownloadTime: double(-1),
      SensorType: SensorType.Monochrome,
      BayerOffsetX: int(0),
      BayerOffsetY: int(0),
      BinningModes: [1, 2, 3, 4].map((bin) => ({ Name: `${bin}x${bin}`, X: int(bin), Y: int(bin) })),
      ExposureMax: double(SENSOR.exposureMaxS),
      ExposureMin: double(SENSOR.exposureMinS),
      LiveViewEnabled: false,
      CanShowLiveView: false,
      SupportedActions: this.supportedActions(),
      CanSetUSBLimit: true,
      USBLimitMin: int(SENSOR.usbLimitMin),
      USBLimitMax: int(SENSOR.usbLimitMax),
      ...this.deviceInfo(),
    };
  }

  /** `new CameraInfo()`: the field initializers (Gain/DefaultGain/DefaultOffset -1, NoState, …), everything else zero. */
  private defaultInfo(): Record<string, NetValue> {
    return {
      CanSetTemperature: false,
      HasShutter: false,
      Temperature: double(0),
      Gain: int(-1),
      DefaultGain: int(-1),
      ElectronsPerADU: double(0),
      BinX: int(0),
      BitDepth: int(0),
      BinY: int(0),
      CanSetOffset: false,
      CanGetGain: false,
      OffsetMin: int(0),
      OffsetMax: int(0),
      Offset: int(0),
      DefaultOffset: int(-1),
      USBLimit: int(0),
      IsSubSampleEnabled: false,
      CameraState: CameraStates.NoState,
      XSize: int(0),
      YSize: int(0),
      PixelSize: double(0),
      HasBattery: false,
      Battery: int(0),
      GainMin: int(0),
      GainMax: int(0),
      CanSetGain: false,
      Gains: [],
      CoolerOn: false,
      CoolerPower: double(0),
      HasDewHeater: false,
      DewHeaterOn: false,
      CanSubSample: false,
      SubSampleX: int(0),
      SubSampleY: int(0),
      SubSampleWidth: int(0),
      SubSampleHeight: int(0),
      TemperatureSetPoint: double(0),
      ReadoutModes: null,
      ReadoutMode: int(0),
      ReadoutModeForSnapImages: int(0),
      ReadoutModeForNormalImages: int(0),
      IsExposing: false,
      ExposureEndTime: dateTimeLocal(this.exposureEndMs),
      LastDownloadTime: double(-1),
      SensorType: SensorType.Monochrome,
      BayerOffsetX: int(0),
      BayerOffsetY: int(0),
      BinningModes: [],
      ExposureMax: double(0),
      ExposureMin: double(0),
      LiveViewEnabled: false,
      CanShowLiveView: false,
      SupportedActions: null,
      CanSetUSBLimit: false,
      USBLimitMin: int(0),
      USBLimitMax: int(0),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      temperatureC: this.temperatureC(),
      coolerOn: this.coolerOn,
      setPointC: this.setPointC,
      coolerPowerPercent: this.coolerPowerPercent(),
      targetTempC: this.targetTempC,
      gain: this.gain,
      offset: this.offset,
      binning: `${this.binX}x${this.binY}`,
    };
  }
}
