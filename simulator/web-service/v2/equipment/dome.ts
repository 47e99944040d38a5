// Dome.cs: GET /equipment/dome/info (ExtendedDomeInfo, notes §3.8).

import type { Router } from '../../../http/router';
import { ok } from '../../../wire/envelope';
import type { NetValue } from '../../../wire/net-values';
import type { ApiContext } from '../api-context';

/** ExtendedDomeInfo: NINA's DomeInfo plus the dome follower's state. */
export function domeInfo(context: ApiContext): Record<string, NetValue> {
  const dome = context.rig.dome;
  return {
    IsFollowing: dome.connected && dome.followingScope,
    IsSynchronized: dome.connected && dome.isSynchronized,
    ...dome.info(),
  };
}

export function registerDomeRoutes(router: Router, context: ApiContext): void {
  router.get('/equipment/dome/info', {}, () => ok(domeInfo(context)));
}
