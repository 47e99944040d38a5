// A cooled mono CMOS camera (ZWO ASI2600MM Pro on the native ZWO driver) and NINA's CameraInfo.

import { dateTimeLocal, double, int, type NetValue } from '../wire/net-values';
import { Device, Signal, type DeviceServices } from './device';
import type { Environment } from './environment';
import { CameraStates, SensorType } from './nina-enums';
import { SeededRandom, steppedNoise } from './random';
import type { Timer } from './sim-clock';

/** How fast the sensor follows the cooler: an exponential approach with this time constant. */
const COOLER_TIME_CONSTANT_MS = 90_000;
/** The deepest cooling below ambient the TEC manages at 100 % power. */
const MAX_COOLING_DELTA_C = 35;
const NOISE_CHANNEL_TEMPERATURE = 101;
const NOISE_CHANNEL_POWER = 102;
/** How often a cool/warm ramp moves the set point on. */
const RAMP_STEP_MS = 2000;
/** USB 3 download of a full 50 MB frame; binned frames are smaller. */
const DOWNLOAD_MIN_S = 1;
const DOWNLOAD_SPREAD_S = 2;
const DEFAULT_GAIN = 100;
const DEFAULT_OFFSET = 50;

export type CameraStateName = keyof typeof CameraStates;

export const SENSOR = {
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
export function electronsPerAdu(gain: number): number {
  return 0.78 * 10 ** (-(gain - 100) / 200);
}

export class CameraNotConnectedError extends Error {
  constructor() {
    super('Camera not connected');
  }
}

/** What a cancelled exposure rejects with: NINA's OperationCanceledException. */
export class ExposureCanceledError extends Error {
  constructor() {
    super('The operation was canceled.');
  }
}

export interface ExposureRequest {
  durationS: number;
  binX: number;
  binY: number;
  /** -1 = the camera's default gain, as CaptureSequence.Gain. */
  gain: number;
  offset: number;
  signal?: AbortSignal;
}

/** The camera's side of a finished exposure, what NINA puts in the image's metadata. */
export interface ExposureRecord {
  startMs: number;
  durationS: number;
  gain: number;
  offset: number;
  binX: number;
  binY: number;
  temperatureC: number;
  downloadS: number;
}

export class Camera extends Device {
  coolerOn = false;
  setPointC = 0;
  /** CameraVM.TargetTemp: the profile's cooling target, kept across disconnects. */
  targetTempC = -10;
  gain = DEFAULT_GAIN;
  offset = DEFAULT_OFFSET;
  usbLimit = 50;
  binX = 1;
  binY = 1;
  dewHeaterOn = false;
  readonly canSetTemperature = true;
  readonly hasDewHeater = true;
  readonly canSetUsbLimit = true;
  readonly usbLimitRange = { min: SENSOR.usbLimitMin, max: SENSOR.usbLimitMax } as const;
  readonly binningModes = [1, 2, 3, 4] as const;
  readonly readoutModes = ['Default'] as const;
  readoutMode = 0;
  readoutModeForSnapImages = 0;
  readoutModeForNormalImages = 0;
  /** Raised on every CameraState change; the API's onlyAwaitCaptureCompletion watches IsExposing through it. */
  readonly stateChanged = new Signal<CameraStateName>();
  /** Test control: what CameraState reports instead of the real state, until cleared. */
  stateOverride: CameraStateName | null = null;
  /** Test control: the next exposure fails at the end of its download. */
  failNextExposure = false;
  private state: CameraStateName = 'Idle';
  private exposing = false;
  private lastDownloadS = -1;
  private exposureAbort: AbortController | null = null;
  private exposureQueue: Promise<unknown> = Promise.resolve();
  private readonly downloadRandom: SeededRandom;
  private ramp: Timer | null = null;
  /** CameraInfo.ExposureEndTime: "now" when the info object was (re)created, then each exposure's end. */
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
    this.downloadRandom = new SeededRandom(services.seed ^ 0xca3e7a);
  }

  get isExposing(): boolean {
    return this.exposing;
  }

  get cameraState(): CameraStateName {
    return this.stateOverride ?? this.state;
  }

  private setState(state: CameraStateName): void {
    this.state = state;
    this.stateChanged.emit(state);
  }

  /**
   * One exposure and its download, as CameraVM runs them: Exposing (IsExposing true, ExposureEndTime
   * set), then Download, then Idle with LastDownloadTime. NINA's imaging mediator takes one capture at
   * a time, so a second request waits for the first.
   */
  expose(request: ExposureRequest): Promise<ExposureRecord> {
    const run = this.exposureQueue.then(
      () => this.runExposure(request),
      () => this.runExposure(request),
    );
    this.exposureQueue = run.catch(() => undefined);
    return run;
  }

  private async runExposure(request: ExposureRequest): Promise<ExposureRecord> {
    if (!this.connected) throw new CameraNotConnectedError();
    if (request.signal?.aborted) throw new ExposureCanceledError();
    const abort = new AbortController();
    const forward = (): void => abort.abort(new ExposureCanceledError());
    request.signal?.addEventListener('abort', forward, { once: true });
    this.exposureAbort = abort;
    const clock = this.services.clock;
    this.binX = request.binX;
    this.binY = request.binY;
    this.gain = request.gain > -1 ? request.gain : DEFAULT_GAIN;
    this.offset = request.offset > -1 ? request.offset : DEFAULT_OFFSET;
    const durationS = Math.max(0, request.durationS);
    const startMs = clock.nowMs();
    const temperatureC = this.temperatureC(startMs);
    const downloadS = Math.max(0.3, (DOWNLOAD_MIN_S + DOWNLOAD_SPREAD_S * this.downloadRandom.next()) / Math.sqrt(request.binX * request.binY));
    try {
      this.exposureEndMs = startMs + durationS * 1000;
      this.exposing = true;
      this.setState('Exposing');
      await clock.sleep(durationS * 1000, abort.signal);
      this.exposing = false;
      this.setState('Download');
      await clock.sleep(downloadS * 1000, abort.signal);
      if (this.failNextExposure) {
        this.failNextExposure = false;
        this.setState('Error');
        this.services.log.write('ERROR', { source: 'CameraVM.cs', member: 'Download', line: 1123 }, 'Camera download failed');
        throw new Error('Camera download failed');
      }
      this.lastDownloadS = downloadS;
      return { startMs, durationS, gain: this.gain, offset: this.offset, binX: this.binX, binY: this.binY, temperatureC, downloadS };
    } finally {
      request.signal?.removeEventListener('abort', forward);
      this.exposing = false;
      if (this.exposureAbort === abort) this.exposureAbort = null;
      if (this.connected) this.setState('Idle');
    }
  }

  /** ICameraMediator.AbortExposure: only an exposure in progress can be aborted. */
  abortExposure(): boolean {
    if (!this.exposing || this.exposureAbort === null) return false;
    this.exposureAbort.abort(new ExposureCanceledError());
    return true;
  }

  /**
   * CameraVM.CoolCamera: the set point ramps from the current sensor temperature to the target over
   * the duration (at once for 0), and the sensor follows the set point with the cooler's time constant.
   */
  cool(targetC: number, durationMs: number): void {
    this.cancelRamp();
    this.targetTempC = targetC;
    if (durationMs <= 0) {
      this.setCooler(true, targetC);
      return;
    }
    const fromC = this.temperatureC();
    this.setCooler(true, fromC);
    this.startRamp(fromC, targetC, durationMs, () => undefined);
  }

  /** CameraVM.WarmCamera: the set point ramps up to ambient over the duration, then the cooler goes off. */
  warm(durationMs: number): void {
    this.cancelRamp();
    if (durationMs <= 0 || !this.coolerOn) {
      this.setCooler(false);
      return;
    }
    this.startRamp(this.setPointC, this.environment.temperatureC(), durationMs, () => this.setCooler(false));
  }

  /** Stops a cool or warm ramp where it is; the cooler keeps the set point reached so far. */
  cancelRamp(): void {
    this.ramp?.cancel();
    this.ramp = null;
  }

  private startRamp(fromC: number, toC: number, durationMs: number, done: () => void): void {
    const clock = this.services.clock;
    const startMs = clock.nowMs();
    this.ramp = clock.setRepeating(RAMP_STEP_MS, () => {
      const fraction = Math.min(1, (clock.nowMs() - startMs) / durationMs);
      this.setCooler(true, Math.round((fromC + (toC - fromC) * fraction) * 100) / 100);
      if (fraction < 1) return;
      this.cancelRamp();
      done();
    });
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
    this.state = 'Idle';
    this.lastDownloadS = -1;
  }

  /** Closing the ZWO SDK handle switches the TEC off and ends any exposure; the sensor then drifts back to ambient. */
  protected onDisconnected(): void {
    this.exposureEndMs = this.services.clock.nowMs();
    this.exposureAbort?.abort(new ExposureCanceledError());
    this.cancelRamp();
    if (this.coolerOn) this.setCooler(false);
  }

  /** NINA's CameraInfo, property for property; after a disconnect it is `Reset()` to the class defaults. */
  info(): Record<string, NetValue> {
    if (!this.connected) return this.defaultInfo();
    const now = this.services.clock.nowMs();
    return {
      CanSetTemperature: this.canSetTemperature,
      HasShutter: false,
      Temperature: double(this.temperatureC(now)),
      Gain: int(this.gain),
      DefaultGain: int(DEFAULT_GAIN),
      ElectronsPerADU: double(electronsPerAdu(this.gain)),
      BinX: int(this.binX),
      BitDepth: int(SENSOR.bitDepth),
      BinY: int(this.binY),
      CanSetOffset: true,
      CanGetGain: true,
      OffsetMin: int(SENSOR.offsetMin),
      OffsetMax: int(SENSOR.offsetMax),
      Offset: int(this.offset),
      DefaultOffset: int(DEFAULT_OFFSET),
      USBLimit: int(this.usbLimit),
      IsSubSampleEnabled: false,
      CameraState: CameraStates[this.cameraState],
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
      HasDewHeater: this.hasDewHeater,
      DewHeaterOn: this.dewHeaterOn,
      CanSubSample: true,
      SubSampleX: int(0),
      SubSampleY: int(0),
      SubSampleWidth: int(SENSOR.widthPx),
      SubSampleHeight: int(SENSOR.heightPx),
      TemperatureSetPoint: double(this.setPointC),
      ReadoutModes: [...this.readoutModes],
      ReadoutMode: int(this.readoutMode),
      ReadoutModeForSnapImages: int(this.readoutModeForSnapImages),
      ReadoutModeForNormalImages: int(this.readoutModeForNormalImages),
      IsExposing: this.exposing,
      ExposureEndTime: dateTimeLocal(this.exposureEndMs),
      LastDownloadTime: double(this.lastDownloadS),
      SensorType: SensorType.Monochrome,
      BayerOffsetX: int(0),
      BayerOffsetY: int(0),
      BinningModes: this.binningModes.map((bin) => ({ Name: `${bin}x${bin}`, X: int(bin), Y: int(bin) })),
      ExposureMax: double(SENSOR.exposureMaxS),
      ExposureMin: double(SENSOR.exposureMinS),
      LiveViewEnabled: false,
      CanShowLiveView: false,
      SupportedActions: this.supportedActions(),
      CanSetUSBLimit: this.canSetUsbLimit,
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
      cameraState: this.cameraState,
      isExposing: this.exposing,
      ramping: this.ramp !== null,
      failNextExposure: this.failNextExposure,
    };
  }
}
