// GET /event-history (WebSocketV2.cs:29-50, notes §13.2): every stored event, oldest first.

import type { Router } from '../../http/router';
import { ok } from '../../wire/envelope';
import type { ApiContext } from './api-context';

export function registerEventHistoryRoutes(router: Router, context: ApiContext): void {
  router.get('/event-history', {}, () => ok([...context.events.history()]));
}
