// ControllerV2.cs: the API index and the version routes (notes §2.1, §15).

import type { Router } from '../../http/router';
import { NINA_VERSION, NINA_VERSION_FRIENDLY } from '../../rig/rig';
import { ok } from '../../wire/envelope';
import { queryField } from '../../wire/query-binder';

/** The plugin's AssemblyVersion. */
export const PLUGIN_VERSION = '2.2.15.0';

const INDEX_TEXT =
  'ninaAPI: https://github.com/rennmaus-coder/ninaAPI/, https://bump.sh/christian-photo/doc/advanced-api, ' +
  'https://bump.sh/christian-photo/doc/advanced-api-websockets';

export function registerVersionRoutes(router: Router): void {
  // The one reply that is not an envelope: the method returns a string and EmbedIO serializes it.
  router.getRaw('/', {}, () => ({
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(INDEX_TEXT),
  }));
  router.get('/version', {}, () => ok(PLUGIN_VERSION));
  router.get('/version/nina', { friendly: queryField.boolean() }, ({ friendly }) =>
    ok(friendly ? NINA_VERSION_FRIENDLY : NINA_VERSION),
  );
}
