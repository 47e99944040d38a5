// A 7-position filter wheel (ZWO EFW) and the active profile's filter list.

import { Device, Signal, type DeviceServices } from './device';

/** The EFW turns one slot in about a quarter second, plus the time to start and settle. */
const MOVE_OVERHEAD_MS = 600;
const MOVE_PER_SLOT_MS = 250;

export class FilterWheelNotConnectedError extends Error {
  constructor() {
    super('Filterwheel not connected');
  }
}

/** The profile's FilterInfo list; a filter's Id on the wire is its Position. */
export interface ProfileFilter {
  name: string;
  position: number;
}

export interface FilterChange {
  previous: ProfileFilter;
  next: ProfileFilter;
}

export const PROFILE_FILTERS: readonly ProfileFilter[] = ['L', 'R', 'G', 'B', 'Ha', 'OIII', 'SII'].map((name, position) => ({
  name,
  position,
}));

export class FilterWheel extends Device {
  readonly filterChanged = new Signal<FilterChange>();
  readonly filters = PROFILE_FILTERS;
  selectedPosition: number | null = 0;
  isMoving = false;
  private pending: Promise<ProfileFilter | null> = Promise.resolve(null);

  constructor(services: DeviceServices) {
    super(
      {
        kind: 'filterwheel',
        driver: {
          id: 'ZWO EFW',
          name: 'ZWO EFW',
          displayName: 'ZWO EFW',
          description: 'ZWO EFW 7 x 36 mm',
          driverInfo: 'ZWO native driver',
          driverVersion: '1.7',
          category: 'ZWOptical',
          hasSetupDialog: false,
          supportedActions: [],
        },
        noDeviceName: 'No Filter Wheel',
        logLabel: 'Filter Wheel',
        connectOrigin: { source: 'FilterWheelVM.cs', member: 'ChooseFW', line: 268 },
        disconnectOrigin: { source: 'FilterWheelVM.cs', member: 'Disconnect', line: 352 },
        connectDurationMs: 1000,
        rescanDurationMs: 800,
      },
      services,
    );
  }

  get selectedFilter(): ProfileFilter | null {
    if (this.selectedPosition === null) return null;
    return this.filters[this.selectedPosition] ?? null;
  }

  /** Puts `position` in the light path and raises FilterChanged, as FilterWheelVM does after a change. */
  selectFilter(position: number): void {
    const previous = this.selectedFilter;
    const next = this.filters[position];
    if (next === undefined) throw new RangeError(`No filter at position ${position}`);
    this.selectedPosition = position;
    if (previous !== null) this.filterChanged.emit({ previous, next });
  }

  /**
   * FilterWheelVM.ChangeFilter: IsMoving while the wheel turns the shortest way round (1–2 s), then
   * the new filter and FilterChanged. Changes queue behind each other like NINA's.
   */
  changeFilter(position: number): Promise<ProfileFilter | null> {
    const run = this.pending.then(
      () => this.turnTo(position),
      () => this.turnTo(position),
    );
    this.pending = run.catch(() => null);
    return run;
  }

  private async turnTo(position: number): Promise<ProfileFilter | null> {
    if (!this.connected) throw new FilterWheelNotConnectedError();
    if (this.filters[position] === undefined) throw new RangeError(`No filter at position ${position}`);
    if (this.selectedPosition === position) return this.selectedFilter;
    const from = this.selectedPosition ?? 0;
    const slots = Math.min(Math.abs(position - from), this.filters.length - Math.abs(position - from));
    this.isMoving = true;
    try {
      await this.services.clock.sleep(MOVE_OVERHEAD_MS + slots * MOVE_PER_SLOT_MS);
    } finally {
      this.isMoving = false;
    }
    if (!this.connected) throw new FilterWheelNotConnectedError();
    this.selectFilter(position);
    return this.selectedFilter;
  }

  protected onConnected(): void {
    this.isMoving = false;
  }

  protected onDisconnected(): void {
    this.isMoving = false;
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      selectedFilter: this.selectedFilter,
      isMoving: this.isMoving,
    };
  }
}
