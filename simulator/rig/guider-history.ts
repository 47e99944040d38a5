// NINA's guide graph model (NINA.Equipment GuideStepsHistory and NINA.Core RMS): what
// `guider/graph` serializes and where GuiderInfo.RMSError comes from. It keeps NINA's
// bookkeeping, quirks included, because clients see them on the wire:
// - the RMS is updated incrementally and only rebuilt from the window every HistorySize changes,
//   so dither markers (0, 0) count as data points after a rebuild but not before one;
// - peaks are the largest distance since the last Clear or rebuild, not within the window;
// - Ids come from a counter that starts at 1 but restarts at 0 after a Clear;
// - a dither marker is appended without trimming the window, which then holds one step more.

import type { GuideStep } from './guider';

/** NINA.Core.Enum.GuiderScaleEnum: the guide graph's unit, a user setting. */
export const GUIDER_SCALES = ['PIXELS', 'ARCSECONDS'] as const;
export type GuiderScale = (typeof GUIDER_SCALES)[number];

/** The profile's GuiderSettings defaults: PHD2HistorySize 100, PHD2GuiderScale PIXELS, MaxY 4. */
export const DEFAULT_HISTORY_SIZE = 100;
export const DEFAULT_GUIDER_SCALE: GuiderScale = 'PIXELS';
export const DEFAULT_MAX_Y = 4;

/**
 * NINA keeps every step since the last Clear; the simulator keeps this many, which is more than
 * any history size a test control accepts, so every window NINA could rebuild is still there.
 */
const KEPT_STEPS = 4000;
export const MAX_HISTORY_SIZE = 1000;

/** GuideStepsHistory.HistoryStep. */
export interface HistoryStep {
  id: number;
  raDistanceRawPx: number;
  raDistanceRawDisplay: number;
  raDurationMs: number;
  decDistanceRawPx: number;
  decDistanceRawDisplay: number;
  decDurationMs: number;
  /** NaN for a guide step, 0.01 for a dither marker. */
  dither: number;
}

/** NINA.Core.Model.RMS: Welford's running variance, so RA/Dec are the standard deviation about the mean. */
export class RunningRms {
  private count = 0;
  private meanRa = 0;
  private meanDec = 0;
  private m2Ra = 0;
  private m2Dec = 0;
  peakRaPx = 0;
  peakDecPx = 0;
  /** arcsec/px, used for the `*Text` strings and GuiderInfo's Arcseconds. */
  scale = 1;

  get dataPoints(): number {
    return this.count;
  }

  get raPx(): number {
    return this.count > 0 ? Math.sqrt(this.m2Ra / this.count) : 0;
  }

  get decPx(): number {
    return this.count > 0 ? Math.sqrt(this.m2Dec / this.count) : 0;
  }

  get totalPx(): number {
    return Math.hypot(this.raPx, this.decPx);
  }

  add(raPx: number, decPx: number): void {
    this.count++;
    const deltaRa = raPx - this.meanRa;
    this.meanRa += deltaRa / this.count;
    this.m2Ra += deltaRa * (raPx - this.meanRa);
    const deltaDec = decPx - this.meanDec;
    this.meanDec += deltaDec / this.count;
    this.m2Dec += deltaDec * (decPx - this.meanDec);
    this.peakRaPx = Math.max(this.peakRaPx, Math.abs(raPx));
    this.peakDecPx = Math.max(this.peakDecPx, Math.abs(decPx));
  }

  /** Removing the last point clears everything, peaks included. */
  remove(raPx: number, decPx: number): void {
    if (this.count <= 0) return;
    if (this.count === 1) {
      this.clear();
      return;
    }
    const remaining = this.count - 1;
    const previousMeanRa = this.meanRa;
    this.meanRa = (this.meanRa * this.count - raPx) / remaining;
    this.m2Ra -= (raPx - previousMeanRa) * (raPx - this.meanRa);
    const previousMeanDec = this.meanDec;
    this.meanDec = (this.meanDec * this.count - decPx) / remaining;
    this.m2Dec -= (decPx - previousMeanDec) * (decPx - this.meanDec);
    this.count = remaining;
    if (this.m2Ra < 0 && this.m2Ra > -1e-9) this.m2Ra = 0;
    if (this.m2Dec < 0 && this.m2Dec > -1e-9) this.m2Dec = 0;
  }

  clear(): void {
    this.count = 0;
    this.meanRa = 0;
    this.meanDec = 0;
    this.m2Ra = 0;
    this.m2Dec = 0;
    this.peakRaPx = 0;
    this.peakDecPx = 0;
  }
}

export class GuideStepsHistory {
  readonly rms = new RunningRms();
  /** UInt64 in NINA; a double is exact far beyond any count a session reaches. */
  changeId = 0;
  maxY: number;
  maxDurationY = 1;
  private historySizeValue: number;
  private scaleValue: GuiderScale;
  private pixelScaleValue = 1;
  /** The most recent steps since the last Clear; `dropped` older ones are gone. */
  private overall: HistoryStep[] = [];
  private dropped = 0;
  private selected: HistoryStep[] = [];
  /** HistoryStep's static id provider. */
  private nextId = 1;

  constructor(historySize: number = DEFAULT_HISTORY_SIZE, scale: GuiderScale = DEFAULT_GUIDER_SCALE, maxY: number = DEFAULT_MAX_Y) {
    this.historySizeValue = historySize;
    this.scaleValue = scale;
    this.maxY = maxY;
  }

  get historySize(): number {
    return this.historySizeValue;
  }

  set historySize(size: number) {
    this.historySizeValue = size;
    this.rebuild();
  }

  get scale(): GuiderScale {
    return this.scaleValue;
  }

  set scale(scale: GuiderScale) {
    this.scaleValue = scale;
    this.rebuild();
  }

  get pixelScale(): number {
    return this.pixelScaleValue;
  }

  /** Changes the RMS scale only: the steps keep their Display values until the next rebuild. */
  set pixelScale(arcsecPerPx: number) {
    this.pixelScaleValue = arcsecPerPx;
    this.rms.scale = arcsecPerPx;
  }

  /** The window, oldest first. */
  get guideSteps(): readonly HistoryStep[] {
    return this.selected;
  }

  private get displayFactor(): number {
    return this.scaleValue === 'ARCSECONDS' ? this.pixelScaleValue : 1;
  }

  private stepAt(index: number): HistoryStep | undefined {
    return this.overall[index - this.dropped];
  }

  private keep(step: HistoryStep): void {
    this.overall.push(step);
    if (this.overall.length > KEPT_STEPS) {
      const excess = this.overall.length - KEPT_STEPS / 2;
      this.overall.splice(0, excess);
      this.dropped += excess;
    }
  }

  private updateMaxDurationY(): void {
    this.maxDurationY = Math.max(...this.selected.map((step) => Math.max(Math.abs(step.raDurationMs), Math.abs(step.decDurationMs))));
  }

  private rebuild(): void {
    const total = this.dropped + this.overall.length;
    if (total === 0) return;
    const start = Math.max(0, total - this.historySizeValue);
    this.rms.clear();
    const factor = this.displayFactor;
    const window: HistoryStep[] = [];
    for (let index = start; index < total; index++) {
      const step = this.stepAt(index);
      if (step === undefined) continue;
      this.rms.add(step.raDistanceRawPx, step.decDistanceRawPx);
      window.push({ ...step, raDistanceRawDisplay: step.raDistanceRawPx * factor, decDistanceRawDisplay: step.decDistanceRawPx * factor });
    }
    this.selected = window;
    this.updateMaxDurationY();
    this.changeId++;
  }

  clear(): void {
    this.overall = [];
    this.dropped = 0;
    this.selected = [];
    this.rms.clear();
    this.maxDurationY = 1;
    this.nextId = 0;
    this.changeId++;
  }

  addGuideStep(step: GuideStep): void {
    const factor = this.displayFactor;
    const historyStep: HistoryStep = {
      id: this.nextId++,
      raDistanceRawPx: step.raDistanceRawPx,
      raDistanceRawDisplay: step.raDistanceRawPx * factor,
      raDurationMs: step.raDurationMs,
      decDistanceRawPx: step.decDistanceRawPx,
      decDistanceRawDisplay: step.decDistanceRawPx * factor,
      decDurationMs: step.decDurationMs,
      dither: Number.NaN,
    };
    this.keep(historyStep);
    if (this.selected.length === this.historySizeValue) {
      const leaving = this.stepAt(this.dropped + this.overall.length - this.historySizeValue - 1);
      if (leaving !== undefined) this.rms.remove(leaving.raDistanceRawPx, leaving.decDistanceRawPx);
    }
    this.rms.add(step.raDistanceRawPx, step.decDistanceRawPx);
    this.selected.push(historyStep);
    if (this.selected.length > this.historySizeValue) this.selected.shift();
    this.updateMaxDurationY();
    this.changeId++;
    if (this.changeId % this.historySizeValue === 0) this.rebuild();
  }

  addDitherIndicator(): void {
    const marker: HistoryStep = {
      id: this.nextId++,
      raDistanceRawPx: 0,
      raDistanceRawDisplay: 0,
      raDurationMs: 0,
      decDistanceRawPx: 0,
      decDistanceRawDisplay: 0,
      decDurationMs: 0,
      dither: 0.01,
    };
    this.keep(marker);
    this.selected.push(marker);
    this.changeId++;
  }
}
