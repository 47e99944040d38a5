// /v2/tppa (TPPASocket.cs, notes §10): three-point polar alignment. The channel accepts clients
// now; the actions, confirmations and progress/error broadcasts are the polar-alignment issue's.

import type { ChannelHandler } from './socket-hub';

export class TppaSocket implements ChannelHandler {
  onMessage(): void {}
}
