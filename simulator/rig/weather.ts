// A weather station (AAG CloudWatcher as an ASCOM ObservingConditions device) and NINA's WeatherDataInfo.

import { double, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';
import type { Environment } from './environment';

function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export class WeatherStation extends Device {
  constructor(
    services: DeviceServices,
    private readonly environment: Environment,
  ) {
    super(
      {
        kind: 'weather',
        driver: {
          id: 'ASCOM.AAG_CloudWatcher.ObservingConditions',
          name: 'AAG CloudWatcher',
          displayName: 'AAG CloudWatcher',
          description: 'AAG CloudWatcher with anemometer',
          driverInfo: 'AAG CloudWatcher ASCOM ObservingConditions',
          driverVersion: '7.0',
          category: 'ASCOM',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Weather Device',
        logLabel: 'Weather Device',
        connectOrigin: { source: 'WeatherDataVM.cs', member: 'Connect', line: 204 },
        disconnectOrigin: { source: 'WeatherDataVM.cs', member: 'Disconnect', line: 281 },
        connectDurationMs: 600,
        rescanDurationMs: 800,
      },
      services,
    );
  }

  protected onConnected(): void {}

  protected onDisconnected(): void {}

  /** NINA's WeatherDataInfo: every metric's initializer is NaN, which is what a disconnected station shows. */
  info(): Record<string, NetValue> {
    const reading = this.connected ? this.environment.conditions() : null;
    const metric = (value: number | undefined, decimals: number): NetValue =>
      double(value === undefined ? Number.NaN : rounded(value, decimals));
    return {
      AveragePeriod: double(reading ? 0 : Number.NaN),
      CloudCover: metric(reading?.cloudCoverPercent, 1),
      DewPoint: metric(reading?.dewPointC, 2),
      Humidity: metric(reading?.humidityPercent, 1),
      Pressure: metric(reading?.pressureHpa, 1),
      RainRate: metric(reading?.rainRateMmPerHour, 2),
      SkyBrightness: metric(reading?.skyBrightnessLux, 4),
      SkyQuality: metric(reading?.skyQualityMagPerArcsec2, 2),
      SkyTemperature: metric(reading?.skyTemperatureC, 1),
      StarFWHM: metric(reading?.starFwhmArcsec, 2),
      Temperature: metric(reading?.temperatureC, 2),
      WindDirection: metric(reading?.windDirectionDeg, 0),
      WindGust: metric(reading?.windGustMps, 1),
      WindSpeed: metric(reading?.windSpeedMps, 1),
      SupportedActions: this.supportedActions(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    return { connected: this.connected, failConnect: this.failConnect, conditions: this.environment.conditions() };
  }
}
