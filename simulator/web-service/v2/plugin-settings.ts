// GET /plugin/settings: enveloped, although the spec shows it bare (notes §15, §16 item 18).

import type { Router } from '../../http/router';
import { ok } from '../../wire/envelope';
import type { ApiContext } from './api-context';

export function registerPluginSettingsRoutes(router: Router, context: ApiContext): void {
  router.get('/plugin/settings', {}, () =>
    ok({
      AccessControlHeaderEnabled: context.settings.accessControlHeader,
      ShouldCreateThumbnails: context.settings.createThumbnails,
    }),
  );
}
