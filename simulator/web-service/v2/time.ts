// GET /time (DateTime.Now, undocumented in the spec) and GET /application-start (notes §15).

import type { Router } from '../../http/router';
import { ok } from '../../wire/envelope';
import { dateTimeLocal } from '../../wire/net-values';
import type { ApiContext } from './api-context';

export function registerTimeRoutes(router: Router, context: ApiContext): void {
  const clock = context.rig.clock;
  router.get('/time', {}, () => ok(dateTimeLocal(clock.nowMs())));
  router.get('/application-start', {}, () => ok(dateTimeLocal(clock.startMs)));
}
