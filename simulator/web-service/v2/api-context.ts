// What the plugin's controllers reach: NINA (the rig), the event socket, the plugin's settings and
// the few pieces of state the plugin itself keeps.

import type { GuideStep } from '../../rig/guider';
import type { Rig } from '../../rig/rig';
import type { EventSocket } from '../../sockets/event-socket';

/** The plugin options that change wire behaviour (Properties/Settings). */
export interface PluginSettings {
  /** UseAccessControlHeader, default on. */
  accessControlHeader: boolean;
  /** CreateThumbnails, default on. */
  createThumbnails: boolean;
}

/** Static state of the plugin's own classes, kept since the plugin loaded. */
export interface PluginState {
  /** GuiderWatcher.lastGuideStep: the last GuideEvent, never reset. */
  lastGuideStep: GuideStep | null;
}

export interface ApiContext {
  rig: Rig;
  events: EventSocket;
  settings: PluginSettings;
  plugin: PluginState;
}
