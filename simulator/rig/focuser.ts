// A stepper focuser with a temperature probe (ZWO EAF) and NINA's FocuserInfo.

import { double, int, type NetValue } from '../wire/net-values';
import { Device, type DeviceServices } from './device';
import type { Environment } from './environment';
import { smoothNoise } from './random';

const NOISE_CHANNEL_PROBE = 201;
/** The EAF's stepper at its default speed. */
const SPEED_STEPS_PER_S = 200;
const MAX_POSITION_STEPS = 60_000;

/** A move that ended early: stopped through the API, or the focuser went away. */
export class FocuserMoveCanceledError extends Error {
  constructor() {
    super('The operation was canceled.');
  }
}

export class FocuserNotConnectedError extends Error {
  constructor() {
    super('Focuser not connected');
  }
}

interface Move {
  fromSteps: number;
  toSteps: number;
  startMs: number;
  abort: AbortController;
}

export class Focuser extends Device {
  private restingSteps = 15_320;
  private move: Move | null = null;

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

  get isMoving(): boolean {
    return this.move !== null;
  }

  /** Where the focuser is now, part way through a move. */
  get positionSteps(): number {
    const move = this.move;
    if (move === null) return this.restingSteps;
    const travelled = ((this.services.clock.nowMs() - move.startMs) / 1000) * SPEED_STEPS_PER_S;
    const distance = Math.abs(move.toSteps - move.fromSteps);
    return Math.round(move.fromSteps + Math.sign(move.toSteps - move.fromSteps) * Math.min(distance, travelled));
  }

  /** Test control: puts the focuser at a position at once. */
  set positionSteps(steps: number) {
    this.halt();
    this.restingSteps = steps;
  }

  /**
   * FocuserVM.MoveFocuser: absolute, at the stepper's speed, IsMoving until there. Resolves with the
   * position reached; rejects with FocuserMoveCanceledError when stopped (the focuser stays where it got to).
   */
  async moveTo(targetSteps: number, signal?: AbortSignal): Promise<number> {
    if (!this.connected) throw new FocuserNotConnectedError();
    this.halt();
    const toSteps = Math.min(MAX_POSITION_STEPS, Math.max(0, Math.round(targetSteps)));
    const fromSteps = this.restingSteps;
    const abort = new AbortController();
    const forward = (): void => abort.abort(new FocuserMoveCanceledError());
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted) forward();
    const move: Move = { fromSteps, toSteps, startMs: this.services.clock.nowMs(), abort };
    this.move = move;
    try {
      await this.services.clock.sleep((Math.abs(toSteps - fromSteps) / SPEED_STEPS_PER_S) * 1000, abort.signal);
      this.restingSteps = toSteps;
      return toSteps;
    } catch (error) {
      if (this.move === move) this.restingSteps = this.positionSteps;
      throw error instanceof Error ? error : new FocuserMoveCanceledError();
    } finally {
      signal?.removeEventListener('abort', forward);
      if (this.move === move) this.move = null;
    }
  }

  /** Stops a move where it is. */
  halt(): void {
    const move = this.move;
    if (move === null) return;
    this.restingSteps = this.positionSteps;
    this.move = null;
    move.abort.abort(new FocuserMoveCanceledError());
  }

  protected onConnected(): void {
    this.halt();
  }

  protected onDisconnected(): void {
    this.halt();
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
