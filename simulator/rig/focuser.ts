// A stepper focuser with a temperature probe (ZWO EAF) and NINA's FocuserInfo.

import { double, int, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';
import type { Environment } from './environment';
import { smoothNoise } from './random';

const NOISE_CHANNEL_PROBE = 201;

export class Focuser extends Device {
  positionSteps = 15_320;
  isMoving = false;

  constructor(
    services: DeviceServices,
    private readonly environment: Environment,
  ) {
    super(
      {
        kind: 'focuser',
        driver: {
          id: 'ZWO EAF',
          name: 'ZWO EAF',
          displayName: 'ZWO EAF',
          description: 'ZWO Electronic Automatic Focuser',
          driverInfo: 'ZWO native driver',
          driverVersion: '1.6',
          category: 'ZWOptical',
          hasSetupDialog: false,
          supportedActions: [],
        },
        noDeviceName: 'No Focuser',
        logLabel: 'Focuser',
        connectOrigin: { source: 'FocuserVM.cs', member: 'ChooseFocuser', line: 341 },
        disconnectOrigin: { source: 'FocuserVM.cs', member: 'Disconnect', line: 425 },
        connectDurationMs: 800,
        rescanDurationMs: 800,
      },
      services,
    );
  }

  /** The probe sits on the focuser body, a little warmer than the air and slower to change. */
  temperatureC(nowMs: number = this.services.clock.nowMs()): number {
    const probe = this.environment.temperatureC(nowMs) + 0.4 + 0.1 * smoothNoise(this.services.seed, NOISE_CHANNEL_PROBE, nowMs / 300_000);
    return Math.round(probe * 100) / 100;
  }

  protected onConnected(): void {
    this.isMoving = false;
  }

  protected onDisconnected(): void {
    this.isMoving = false;
  }

  /** NINA's FocuserInfo; its Temperature initializer is NaN, which a reset brings back. */
  info(): Record<string, NetValue> {
    const connected = this.connected;
    return {
      Position: int(connected ? this.positionSteps : 0),
      StepSize: double(connected ? 1 : 0),
      Temperature: double(connected ? this.temperatureC() : Number.NaN),
      IsMoving: connected && this.isMoving,
      IsSettling: false,
      TempComp: false,
      TempCompAvailable: false,
      SupportedActions: this.supportedActions(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      positionSteps: this.positionSteps,
      isMoving: this.isMoving,
      temperatureC: this.temperatureC(),
    };
  }
}
