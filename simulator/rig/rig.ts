// The simulated observatory: one of each device NINA knows, at one site, on one clock.

import type { Site } from './astronomy';
import { Camera } from './camera';
import type { Device, DeviceKind, DeviceServices } from './device';
import { Dome } from './dome';
import { Environment } from './environment';
import { FilterWheel } from './filter-wheel';
import { FlatDevice } from './flat-device';
import { Focuser } from './focuser';
import { Guider } from './guider';
import { Imaging } from './imaging/imaging';
import { LiveStack } from './livestack';
import { Mount } from './mount';
import { NinaLog } from './nina-log';
import { PolarAlignment } from './polar-alignment';
import { PowerBox } from './power-box';
import { Rotator } from './rotator';
import { SafetyMonitor } from './safety-monitor';
import { Sequencer } from './sequencer/sequencer';
import type { SimClock } from './sim-clock';
import { WeatherStation } from './weather';

/** Roque de los Muchachos, La Palma: a dark site at 28.76° N that keeps most of the sky above the horizon. */
export const DEFAULT_SITE: Site = { latitudeDeg: 28.7606, longitudeDeg: -17.8816, elevationM: 2326 };

export const NINA_VERSION = '3.2.0.9001';
export const NINA_VERSION_FRIENDLY = '3.2';

export class Rig {
  readonly log: NinaLog;
  readonly environment: Environment;
  readonly camera: Camera;
  readonly mount: Mount;
  readonly focuser: Focuser;
  readonly filterWheel: FilterWheel;
  readonly guider: Guider;
  readonly rotator: Rotator;
  readonly flatDevice: FlatDevice;
  readonly dome: Dome;
  readonly safetyMonitor: SafetyMonitor;
  readonly weather: WeatherStation;
  readonly powerBox: PowerBox;
  readonly devices: Readonly<Record<DeviceKind, Device>>;
  /** Capture, save, plate solve and autofocus across camera, focuser, filter wheel, mount and guider. */
  readonly imaging: Imaging;
  /** NINA plugins the Advanced API talks to through the message broker: TPPA and Livestack. */
  readonly polarAlignment: PolarAlignment;
  readonly liveStack: LiveStack;
  /** The advanced sequencer (ISequenceMediator), running its instructions on this rig. */
  readonly sequencer: Sequencer;

  constructor(
    readonly clock: SimClock,
    readonly site: Site,
    readonly seed: number,
  ) {
    this.log = new NinaLog(clock);
    const services: DeviceServices = { clock, log: this.log, seed };
    this.environment = new Environment(clock, site, seed);
    this.camera = new Camera(services, this.environment);
    this.mount = new Mount(services, site);
    this.focuser = new Focuser(services, this.environment);
    this.filterWheel = new FilterWheel(services);
    this.guider = new Guider(services);
    this.rotator = new Rotator(services);
    this.flatDevice = new FlatDevice(services);
    this.dome = new Dome(services, this.mount);
    this.safetyMonitor = new SafetyMonitor(services);
    this.weather = new WeatherStation(services, this.environment);
    this.powerBox = new PowerBox(services, this.environment);
    this.imaging = new Imaging({
      clock,
      log: this.log,
      seed,
      environment: this.environment,
      camera: this.camera,
      focuser: this.focuser,
      filterWheel: this.filterWheel,
      mount: this.mount,
      guider: this.guider,
    });
    const pluginDevices = { clock, log: this.log, seed, imaging: this.imaging };
    this.polarAlignment = new PolarAlignment({
      ...pluginDevices,
      mount: this.mount,
      camera: this.camera,
      filterWheel: this.filterWheel,
      guider: this.guider,
    });
    this.liveStack = new LiveStack(pluginDevices);
    this.devices = {
      camera: this.camera,
      dome: this.dome,
      filterwheel: this.filterWheel,
      flatdevice: this.flatDevice,
      focuser: this.focuser,
      guider: this.guider,
      mount: this.mount,
      rotator: this.rotator,
      safetymonitor: this.safetyMonitor,
      switch: this.powerBox,
      weather: this.weather,
    };
    this.sequencer = new Sequencer(this);
    this.log.info({ source: 'App.xaml.cs', member: 'OnStartup', line: 94 }, `Starting N.I.N.A. ${NINA_VERSION}`);
    this.log.write('DEBUG', { source: 'ProfileService.cs', member: 'Load', line: 612 }, 'Loading profile "Default"');
  }

  /**
   * NINA's "connect all equipment on startup": each VM's Connect(), so the plugin's watchers see a
   * DISCONNECTED then a CONNECTED event per device. The camera then starts cooling to the profile's
   * target, already settled as after a long cool-down.
   */
  async connectAllAtStartup(): Promise<void> {
    for (const device of Object.values(this.devices)) await device.connect({ immediate: true });
    this.camera.setCooler(true, this.camera.targetTempC);
    this.camera.setSensorTemperature(this.camera.targetTempC);
    this.log.write('WARNING', { source: 'GuiderVM.cs', member: 'Connect', line: 231 }, 'PHD2 profile has no dark library');
  }

  snapshot(): Record<string, unknown> {
    const devices: Record<string, unknown> = {};
    for (const [kind, device] of Object.entries(this.devices)) devices[kind] = device.snapshot();
    return {
      simTimeMs: this.clock.nowMs(),
      simTime: new Date(this.clock.nowMs()).toISOString(),
      speed: this.clock.speed,
      seed: this.seed,
      site: this.site,
      ambient: this.environment.conditions(),
      devices,
    };
  }
}
