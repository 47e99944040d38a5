// The WebApi module at /v2/api: every controller's routes, as ControllerV2's partial classes.

import { Router } from '../../http/router';
import type { ApiContext } from './api-context';
import { registerApplicationRoutes } from './application/application';
import { registerImageRoutes } from './application/image';
import { registerSequenceRoutes } from './application/sequence';
import { registerLiveStackRoutes } from './application/livestack';
import { registerCameraRoutes } from './equipment/camera';
import { registerConnectionRoutes } from './equipment/connection';
import { registerDeviceInfoRoutes } from './equipment/device-info';
import { registerDomeRoutes } from './equipment/dome';
import { registerFilterWheelRoutes } from './equipment/filter-wheel';
import { registerFocuserRoutes } from './equipment/focuser';
import { registerGuiderRoutes } from './equipment/guider';
import { registerMountRoutes } from './equipment/mount';
import { registerEventHistoryRoutes } from './event-history';
import { registerPluginSettingsRoutes } from './plugin-settings';
import { registerTimeRoutes } from './time';
import { registerVersionRoutes } from './version';

export const API_BASE_PATH = '/v2/api';

export function createApiRouter(context: ApiContext): Router {
  const router = new Router();
  registerVersionRoutes(router);
  registerTimeRoutes(router, context);
  registerPluginSettingsRoutes(router, context);
  registerConnectionRoutes(router, context);
  registerCameraRoutes(router, context);
  registerMountRoutes(router, context);
  registerFilterWheelRoutes(router, context);
  registerGuiderRoutes(router, context);
  registerDomeRoutes(router, context);
  registerDeviceInfoRoutes(router, context);
  registerEventHistoryRoutes(router, context);
  registerApplicationRoutes(router, context);
  registerImageRoutes(router, context);
  registerFocuserRoutes(router, context);
  registerSequenceRoutes(router, context);
  registerLiveStackRoutes(router, context);
  return router;
}
