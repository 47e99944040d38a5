// What every simulated device shares: NINA's equipment chooser (a "No Device" entry plus the
// driver), and the VM's connect/disconnect life cycle.

import type { NinaLog, LogOrigin } from './nina-log';
import type { SimClock } from './sim-clock';

export const DEVICE_KINDS = [
  'camera',
  'dome',
  'filterwheel',
  'flatdevice',
  'focuser',
  'guider',
  'mount',
  'rotator',
  'safetymonitor',
  'switch',
  'weather',
] as const;

export type DeviceKind = (typeof DEVICE_KINDS)[number];

export function isDeviceKind(text: string): text is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(text);
}

/** What NINA's IDevice exposes about a driver, which is what list-devices serializes. */
export interface DriverIdentity {
  id: string;
  name: string;
  displayName: string;
  description: string;
  driverInfo: string;
  driverVersion: string;
  category: string;
  hasSetupDialog: boolean;
  supportedActions: string[];
}

export interface ChooserEntry extends DriverIdentity {
  connected: boolean;
}

/** A minimal typed event, the shape of NINA's mediator events the plugin's watchers subscribe to. */
export class Signal<T = void> {
  private readonly handlers = new Set<(value: T) => void>();

  subscribe(handler: (value: T) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  emit(value: T): void {
    for (const handler of this.handlers) handler(value);
  }
}

export interface DeviceServices {
  clock: SimClock;
  log: NinaLog;
  seed: number;
}

/** How NINA's view model for this device logs and how long its driver takes. */
export interface DeviceProfile {
  kind: DeviceKind;
  driver: DriverIdentity;
  /** The DummyDevice entry's localized name, e.g. "No Camera". */
  noDeviceName: string;
  /** The word NINA's VM uses in its log lines: "Camera", "Telescope", … */
  logLabel: string;
  /** Where NINA logs a successful connect from. */
  connectOrigin: LogOrigin;
  disconnectOrigin: LogOrigin;
  connectDurationMs: number;
  rescanDurationMs: number;
}

export const NO_DEVICE_ID = 'No_Device';

export abstract class Device {
  readonly connectedSignal = new Signal();
  readonly disconnectedSignal = new Signal();
  connected = false;
  /** Test control: the next connects fail the way a driver's Connect() returning false does. */
  failConnect = false;
  private selectedId: string;
  private busy: Promise<unknown> = Promise.resolve();

  protected constructor(
    readonly profile: DeviceProfile,
    protected readonly services: DeviceServices,
  ) {
    this.selectedId = profile.driver.id;
  }

  get kind(): DeviceKind {
    return this.profile.kind;
  }

  get driver(): DriverIdentity {
    return this.profile.driver;
  }

  chooserDevices(): ChooserEntry[] {
    const noDevice: ChooserEntry = {
      id: NO_DEVICE_ID,
      name: this.profile.noDeviceName,
      displayName: this.profile.noDeviceName,
      description: '',
      driverInfo: '',
      driverVersion: '',
      category: '',
      hasSetupDialog: false,
      supportedActions: [],
      connected: false,
    };
    return [noDevice, { ...this.driver, connected: this.connected }];
  }

  /** The chooser's SelectedDevice = the entry with that Id; false if there is none. */
  select(id: string): boolean {
    if (!this.chooserDevices().some((entry) => entry.id === id)) return false;
    this.selectedId = id;
    return true;
  }

  /** NINA's VMs run connect and disconnect one at a time (a SemaphoreSlim). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  /**
   * The VM's Connect(): it always disconnects first (so DISCONNECTED is raised even when nothing
   * was connected), fails when "No Device" is selected, then waits for the driver.
   */
  connect(options: { immediate?: boolean } = {}): Promise<boolean> {
    return this.exclusive(async () => {
      this.disconnectNow();
      if (this.selectedId !== this.driver.id) return false;
      if (!options.immediate) await this.services.clock.sleep(this.profile.connectDurationMs);
      if (this.failConnect) {
        this.services.log.write('ERROR', this.profile.connectOrigin, `Unable to connect to ${this.driver.name}`);
        return false;
      }
      this.connected = true;
      this.onConnected();
      this.services.log.info(
        this.profile.connectOrigin,
        `Successfully connected ${this.profile.logLabel}. Id: ${this.driver.id} Name: ${this.driver.name} ` +
          `DisplayName: ${this.driver.displayName} Driver Version: ${this.driver.driverVersion}`,
      );
      this.connectedSignal.emit();
      return true;
    });
  }

  disconnect(): Promise<void> {
    return this.exclusive(async () => this.disconnectNow());
  }

  private disconnectNow(): void {
    const wasConnected = this.connected;
    this.connected = false;
    this.onDisconnected();
    if (wasConnected) this.services.log.info(this.profile.disconnectOrigin, `Disconnected ${this.profile.logLabel}`);
    this.disconnectedSignal.emit();
  }

  async rescan(): Promise<void> {
    await this.services.clock.sleep(this.profile.rescanDurationMs);
  }

  /** NINA's DeviceInfo base properties; the strings are null (omitted on REST) while disconnected. */
  deviceInfo(): Record<string, string | boolean | null> {
    const connected = this.connected;
    return {
      Connected: connected,
      Name: connected ? this.driver.name : null,
      DisplayName: connected ? this.driver.displayName : null,
      Description: connected ? this.driver.description : null,
      DriverInfo: connected ? this.driver.driverInfo : null,
      DriverVersion: connected ? this.driver.driverVersion : null,
      DeviceId: connected ? this.driver.id : null,
    };
  }

  supportedActions(): string[] | null {
    return this.connected ? this.driver.supportedActions : null;
  }

  /** Called when the driver reports connected; set the state a freshly connected device has. */
  protected abstract onConnected(): void;

  /** Called on every disconnect; NINA resets its *Info to the class defaults here. */
  protected abstract onDisconnected(): void;

  /** A plain JSON view of the device for `/__sim/state`. */
  abstract snapshot(): Record<string, unknown>;
}
