// FilterWheel.cs: GET /equipment/filterwheel/info (FWInfo, notes §3.6).

import type { Router } from '../../../http/router';
import type { ProfileFilter } from '../../../rig/filter-wheel';
import { ok } from '../../../wire/envelope';
import { int, type NetValue } from '../../../wire/net-values';
import type { ApiContext } from '../api-context';

/** FInfo: a filter's Name and its Position as Id. */
export function filterInfo(filter: ProfileFilter): Record<string, NetValue> {
  return { Name: filter.name, Id: int(filter.position) };
}

/** FWInfo: SelectedFilter only while connected; AvailableFilters come from the profile, always. */
export function filterWheelInfo(context: ApiContext): Record<string, NetValue> {
  const wheel = context.rig.filterWheel;
  const selected = wheel.connected ? wheel.selectedFilter : null;
  return {
    ...wheel.deviceInfo(),
    SupportedActions: wheel.supportedActions(),
    IsMoving: wheel.connected && wheel.isMoving,
    SelectedFilter: selected === null ? null : filterInfo(selected),
    AvailableFilters: wheel.filters.map(filterInfo),
  };
}

export function registerFilterWheelRoutes(router: Router, context: ApiContext): void {
  router.get('/equipment/filterwheel/info', {}, () => ok(filterWheelInfo(context)));
}
