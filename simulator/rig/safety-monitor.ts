// A safety monitor (the AAG CloudWatcher's ASCOM SafetyMonitor): safe or not.

import type { NetValue } from '../wire/net-values';
import { Device, Signal, type DeviceServices } from './device';

export class SafetyMonitor extends Device {
  /** NINA's IsSafeChanged, raised when a poll sees the value flip. */
  readonly isSafeChanged = new Signal<boolean>();
  private safe = true;

  constructor(services: DeviceServices) {
    super(
      {
        kind: 'safetymonitor',
        driver: {
          id: 'ASCOM.AAG_CloudWatcher.SafetyMonitor',
          name: 'AAG CloudWatcher',
          displayName: 'AAG CloudWatcher',
          description: 'AAG CloudWatcher safety monitor',
          driverInfo: 'AAG CloudWatcher ASCOM SafetyMonitor',
          driverVersion: '7.0',
          category: 'ASCOM',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Safety Monitor',
        logLabel: 'Safety Monitor',
        connectOrigin: { source: 'SafetyMonitorVM.cs', member: 'Connect', line: 195 },
        disconnectOrigin: { source: 'SafetyMonitorVM.cs', member: 'Disconnect', line: 262 },
        connectDurationMs: 500,
        rescanDurationMs: 800,
      },
      services,
    );
  }

  get isSafe(): boolean {
    return this.safe;
  }

  setSafe(safe: boolean): void {
    if (safe === this.safe) return;
    this.safe = safe;
    if (this.connected) this.isSafeChanged.emit(safe);
  }

  protected onConnected(): void {}

  protected onDisconnected(): void {}

  info(): Record<string, NetValue> {
    return {
      IsSafe: this.connected && this.safe,
      SupportedActions: this.supportedActions(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return { connected: this.connected, failConnect: this.failConnect, isSafe: this.safe };
  }
}
