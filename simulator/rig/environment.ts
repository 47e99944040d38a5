// The night outside: air and sky conditions that drift slowly with simulated time. The weather
// station reports them; the camera cooler and the focuser's probe feel the air temperature.

import { smoothNoise } from './random';
import type { Site } from './astronomy';
import type { SimClock } from './sim-clock';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** Noise channels, so every quantity wanders independently. */
const CHANNEL = {
  temperature: 1,
  humidity: 2,
  pressure: 3,
  cloud: 4,
  wind: 5,
  gust: 6,
  windDirection: 7,
  skyQuality: 8,
  skyTemperature: 9,
  seeing: 10,
} as const;

export interface Conditions {
  temperatureC: number;
  humidityPercent: number;
  dewPointC: number;
  pressureHpa: number;
  cloudCoverPercent: number;
  windSpeedMps: number;
  windGustMps: number;
  windDirectionDeg: number;
  rainRateMmPerHour: number;
  skyBrightnessLux: number;
  skyQualityMagPerArcsec2: number;
  skyTemperatureC: number;
  starFwhmArcsec: number;
}

/** Magnus formula over water (Alduchov & Eskridge constants). */
function dewPointC(temperatureC: number, humidityPercent: number): number {
  const gamma = Math.log(humidityPercent / 100) + (17.625 * temperatureC) / (243.04 + temperatureC);
  return (243.04 * gamma) / (17.625 - gamma);
}

export class Environment {
  constructor(
    private readonly clock: SimClock,
    private readonly site: Site,
    private readonly seed: number,
  ) {}

  private noise(channel: number, nowMs: number, periodMinutes: number): number {
    return smoothNoise(this.seed, channel, (nowMs - this.clock.startMs) / (periodMinutes * MS_PER_MINUTE));
  }

  /** Air temperature: cools by about 0.35 °C per hour for the first eight hours of the session. */
  temperatureC(nowMs: number = this.clock.nowMs()): number {
    const hours = Math.min(8, Math.max(0, (nowMs - this.clock.startMs) / MS_PER_HOUR));
    return 11.5 - 0.35 * hours + 0.6 * this.noise(CHANNEL.temperature, nowMs, 20);
  }

  conditions(nowMs: number = this.clock.nowMs()): Conditions {
    const temperatureC = this.temperatureC(nowMs);
    const hours = Math.max(0, (nowMs - this.clock.startMs) / MS_PER_HOUR);
    const humidityPercent = Math.min(98, 58 + 1.5 * Math.min(8, hours) + 6 * this.noise(CHANNEL.humidity, nowMs, 30));
    const windSpeedMps = Math.max(0, 3.2 + 1.4 * this.noise(CHANNEL.wind, nowMs, 4));
    return {
      temperatureC,
      humidityPercent,
      dewPointC: dewPointC(temperatureC, humidityPercent),
      pressureHpa: 1013.25 * Math.exp(-this.site.elevationM / 8434) + 1.2 * this.noise(CHANNEL.pressure, nowMs, 90),
      cloudCoverPercent: Math.max(0, 6 + 6 * this.noise(CHANNEL.cloud, nowMs, 15)),
      windSpeedMps,
      windGustMps: windSpeedMps + 1.8 + 1.2 * Math.abs(this.noise(CHANNEL.gust, nowMs, 1)),
      windDirectionDeg: (250 + 35 * this.noise(CHANNEL.windDirection, nowMs, 25) + 360) % 360,
      rainRateMmPerHour: 0,
      skyBrightnessLux: 0.0003,
      skyQualityMagPerArcsec2: 21.4 + 0.12 * this.noise(CHANNEL.skyQuality, nowMs, 20),
      skyTemperatureC: -27 + 2.5 * this.noise(CHANNEL.skyTemperature, nowMs, 10),
      starFwhmArcsec: 1.9 + 0.35 * this.noise(CHANNEL.seeing, nowMs, 5),
    };
  }
}
