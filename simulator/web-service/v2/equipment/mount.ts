// Mount.cs: GET /equipment/mount/info (MountInfo, notes §3.3). Slews, parking and the axis-move
// socket come with the mount issue.

import type { Router } from '../../../http/router';
import { TrackingMode } from '../../../rig/nina-enums';
import { ok } from '../../../wire/envelope';
import type { NetValue } from '../../../wire/net-values';
import type { ApiContext } from '../api-context';

/** MountInfo: every TelescopeInfo property plus TrackingMode read from the driver (absent without one). */
export function mountInfo(context: ApiContext): Record<string, NetValue> {
  const mount = context.rig.mount;
  return { TrackingMode: mount.connected ? TrackingMode[mount.trackingMode] : null, ...mount.info() };
}

export function registerMountRoutes(router: Router, context: ApiContext): void {
  router.get('/equipment/mount/info', {}, () => ok(mountInfo(context)));
}
