// A 7-position filter wheel (ZWO EFW) and the active profile's filter list.

import { Device, Signal, type DeviceServices } from './device';

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
