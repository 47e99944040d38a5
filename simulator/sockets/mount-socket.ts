// /v2/mount (MountAxisMoveSocket, notes §5): axis jog commands. The channel accepts clients now;
// the command handling, replies and the 2 s watchdog are the mount-jog issue's.

import type { ChannelHandler } from './socket-hub';

export class MountSocket implements ChannelHandler {
  onMessage(): void {}
}
