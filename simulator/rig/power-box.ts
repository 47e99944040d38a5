// A power box (Pegasus Astro Pocket Powerbox Advance Gen2 as an ASCOM Switch) with writable
// outputs and read-only sensors, and NINA's SwitchInfo.

import { double, int, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';
import type { Environment } from './environment';
import { smoothNoise } from './random';

const NOISE_CHANNEL_VOLTAGE = 301;
const NOISE_CHANNEL_CURRENT = 302;

export interface WritableSwitch {
  id: number;
  name: string;
  description: string;
  minimum: number;
  maximum: number;
  stepSize: number;
  value: number;
}

export class PowerBox extends Device {
  readonly writable: WritableSwitch[] = [
    { id: 0, name: '12V Outputs', description: 'Quad 12V power outputs', minimum: 0, maximum: 1, stepSize: 1, value: 1 },
    { id: 1, name: 'Adjustable Output', description: 'Adjustable voltage output (V)', minimum: 3, maximum: 12, stepSize: 1, value: 8 },
    { id: 2, name: 'Dew Heater A', description: 'Dew heater A power (%)', minimum: 0, maximum: 100, stepSize: 1, value: 45 },
    { id: 3, name: 'Dew Heater B', description: 'Dew heater B power (%)', minimum: 0, maximum: 100, stepSize: 1, value: 30 },
    { id: 4, name: 'USB Hub', description: 'USB 2.0 hub power', minimum: 0, maximum: 1, stepSize: 1, value: 1 },
  ];

  constructor(
    services: DeviceServices,
    private readonly environment: Environment,
  ) {
    super(
      {
        kind: 'switch',
        driver: {
          id: 'ASCOM.PegasusAstroPPBAdvance.Switch',
          name: 'Pocket Powerbox Advance Gen2',
          displayName: 'Pocket Powerbox Advance Gen2',
          description: 'Pegasus Astro Pocket Powerbox Advance Gen2',
          driverInfo: 'Pegasus Astro Unity Platform ASCOM Switch',
          driverVersion: '2.5',
          category: 'ASCOM',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Switch',
        logLabel: 'Switch',
        connectOrigin: { source: 'SwitchVM.cs', member: 'Connect', line: 231 },
        disconnectOrigin: { source: 'SwitchVM.cs', member: 'Disconnect', line: 306 },
        connectDurationMs: 700,
        rescanDurationMs: 900,
      },
      services,
    );
  }

  private readings(nowMs: number): { name: string; description: string; value: number }[] {
    const conditions = this.environment.conditions(nowMs);
    const seed = this.services.seed;
    const voltage = 12.35 + 0.06 * smoothNoise(seed, NOISE_CHANNEL_VOLTAGE, nowMs / 60_000);
    const dewLoad = ((this.writable[2]?.value ?? 0) + (this.writable[3]?.value ?? 0)) / 100;
    const current = 1.6 + 1.1 * dewLoad + 0.15 * smoothNoise(seed, NOISE_CHANNEL_CURRENT, nowMs / 20_000);
    return [
      { name: 'Input Voltage', description: 'Input voltage (V)', value: Math.round(voltage * 100) / 100 },
      { name: 'Total Current', description: 'Total current draw (A)', value: Math.round(current * 100) / 100 },
      { name: 'Power', description: 'Total power (W)', value: Math.round(voltage * current * 10) / 10 },
      { name: 'Temperature', description: 'Ambient temperature (°C)', value: Math.round(conditions.temperatureC * 10) / 10 },
      { name: 'Humidity', description: 'Relative humidity (%)', value: Math.round(conditions.humidityPercent) },
      { name: 'Dew Point', description: 'Dew point (°C)', value: Math.round(conditions.dewPointC * 10) / 10 },
    ];
  }

  protected onConnected(): void {}

  protected onDisconnected(): void {}

  /** NINA's SwitchInfo. The switch lists are null (omitted) until connected; Id is a short. */
  info(): Record<string, NetValue> {
    if (!this.connected) {
      return { WritableSwitches: null, ReadonlySwitches: null, SupportedActions: null, ...this.deviceInfo() };
    }
    const writableCount = this.writable.length;
    return {
      WritableSwitches: this.writable.map((item) => ({
        Maximum: double(item.maximum),
        Minimum: double(item.minimum),
        StepSize: double(item.stepSize),
        TargetValue: double(item.value),
        Id: int(item.id),
        Name: item.name,
        Description: item.description,
        Value: double(item.value),
      })),
      ReadonlySwitches: this.readings(this.services.clock.nowMs()).map((reading, index) => ({
        Id: int(writableCount + index),
        Name: reading.name,
        Description: reading.description,
        Value: double(reading.value),
      })),
      SupportedActions: this.supportedActions(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      writable: this.writable.map(({ name, value }) => ({ name, value })),
      readonly: this.readings(this.services.clock.nowMs()),
    };
  }
}
