// PHD2 through NINA's PHD2 guider driver: its app state and the RMS of the recent guide steps.

import { Device, Signal, type DeviceServices } from './device';

/** PHD2's AppState values, as NINA passes them through. */
export type Phd2AppState = '' | 'Stopped' | 'Selected' | 'Calibrating' | 'Guiding' | 'LostLock' | 'Paused' | 'Looping';

/** A PHD2 GuideStep as NINA's PhdEventGuideStep sees it: distances in px, durations in signed ms. */
export interface GuideStep {
  raDistanceRawPx: number;
  decDistanceRawPx: number;
  raDurationMs: number;
  decDurationMs: number;
}

export interface GuideRms {
  raPx: number;
  decPx: number;
  totalPx: number;
  peakRaPx: number;
  peakDecPx: number;
}

export class Guider extends Device {
  /** NINA's IGuider GuideEvent, raised for every guide step PHD2 reports. */
  readonly guideEvent = new Signal<GuideStep>();
  state: Phd2AppState = 'Stopped';
  /** arcsec/px of the guide camera (ASI120MM Mini on a 200 mm guide scope). */
  readonly pixelScaleArcsecPerPx = 3.87;
  readonly steps: GuideStep[] = [];

  constructor(services: DeviceServices) {
    super(
      {
        kind: 'guider',
        driver: {
          id: 'PHD2_Single',
          name: 'PHD2',
          displayName: 'PHD2',
          description: 'PHD2 Guider',
          driverInfo: 'PHD2 Guider',
          driverVersion: '2.6.13',
          category: 'Guiders',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Guider',
        logLabel: 'Guider',
        connectOrigin: { source: 'GuiderVM.cs', member: 'Connect', line: 214 },
        disconnectOrigin: { source: 'GuiderVM.cs', member: 'Disconnect', line: 270 },
        connectDurationMs: 1200,
        rescanDurationMs: 600,
      },
      services,
    );
  }

  recordGuideStep(step: GuideStep): void {
    this.steps.push(step);
    this.guideEvent.emit(step);
  }

  /** RMS over the recorded steps, in pixels, as NINA's RMS class computes it. */
  rms(): GuideRms {
    const count = this.steps.length;
    if (count === 0) return { raPx: 0, decPx: 0, totalPx: 0, peakRaPx: 0, peakDecPx: 0 };
    const meanSquare = (values: number[]): number => {
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    };
    const ra = this.steps.map((step) => step.raDistanceRawPx);
    const dec = this.steps.map((step) => step.decDistanceRawPx);
    const raPx = Math.sqrt(meanSquare(ra));
    const decPx = Math.sqrt(meanSquare(dec));
    return {
      raPx,
      decPx,
      totalPx: Math.hypot(raPx, decPx),
      peakRaPx: Math.max(...ra.map(Math.abs)),
      peakDecPx: Math.max(...dec.map(Math.abs)),
    };
  }

  protected onConnected(): void {
    this.state = 'Stopped';
  }

  protected onDisconnected(): void {
    this.state = 'Stopped';
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      state: this.state,
      steps: this.steps.length,
      rms: this.rms(),
    };
  }
}
