// FilterWheel.cs (notes §3.6): info (FWInfo), change-filter (not awaited) and filter-info.

import type { Router } from '../../../http/router';
import type { ProfileFilter } from '../../../rig/filter-wheel';
import { FILTER_FOCUS_OFFSETS_STEPS } from '../../../rig/imaging/profile';
import { err, ok } from '../../../wire/envelope';
import { double, int, netEnum, type NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
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

const binningMode = (bin: number): NetValue => ({ Name: `${bin}x${bin}`, X: int(bin), Y: int(bin) });

/** NINA's FilterInfo as the profile holds it: the user's focus offsets, NINA's defaults for the rest (-1 = use the profile's). */
function profileFilterInfo(filter: ProfileFilter): NetValue {
  return {
    Name: filter.name,
    FocusOffset: int(FILTER_FOCUS_OFFSETS_STEPS[filter.name] ?? 0),
    Position: int(filter.position),
    AutoFocusExposureTime: double(-1),
    AutoFocusFilter: false,
    FlatWizardFilterSettings: {
      FlatWizardMode: netEnum('DYNAMICEXPOSURE', 0),
      HistogramMeanTarget: double(0.5),
      HistogramTolerance: double(0.1),
      MaxFlatExposureTime: double(30),
      MinFlatExposureTime: double(0.01),
      MaxAbsoluteFlatDeviceBrightness: int(32_767),
      MinAbsoluteFlatDeviceBrightness: int(0),
      Gain: int(-1),
      Offset: int(-1),
      Binning: binningMode(1),
    },
    AutoFocusBinning: binningMode(1),
    AutoFocusGain: int(-1),
    AutoFocusOffset: int(-1),
  };
}

export function registerFilterWheelRoutes(router: Router, context: ApiContext): void {
  const wheel = context.rig.filterWheel;
  router.get('/equipment/filterwheel/info', {}, () => ok(filterWheelInfo(context)));

  /** `filterId` indexes the profile's filter list; the change itself is not awaited. */
  router.get('/equipment/filterwheel/change-filter', { filterId: queryField.int32() }, ({ filterId }) => {
    if (!wheel.connected) return err('Filterwheel not connected', 409);
    if (wheel.filters[filterId] === undefined) return err('Filter not available', 409);
    void wheel.changeFilter(filterId).catch(() => undefined);
    return ok('Filter changed');
  });

  router.get('/equipment/filterwheel/filter-info', { filterId: queryField.int32() }, ({ filterId }) => {
    if (!wheel.connected) return err('Filterwheel not connected', 409);
    const filter = wheel.filters[filterId];
    if (filter === undefined) return err('Filter not available', 409);
    return ok(profileFilterInfo(filter));
  });
}
