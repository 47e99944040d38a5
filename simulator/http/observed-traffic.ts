// What clients sent, kept for the test controls: REST requests under /v2/ (idle-load figures,
// "commands are never retried") and text frames received per WebSocket channel.

export interface ReceivedRequest {
  atMs: number;
  method: string;
  path: string;
  query: string;
}

export interface ReceivedSocketMessage {
  channel: string;
  atMs: number;
  text: string;
}

/** Bounds memory in a long demo session; tests clear the lists long before this. */
const MAX_ENTRIES = 100_000;

function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
}

export class ObservedTraffic {
  readonly requests: ReceivedRequest[] = [];
  readonly socketMessages: ReceivedSocketMessage[] = [];

  request(method: string, path: string, query: string): void {
    pushBounded(this.requests, { atMs: Date.now(), method, path, query });
  }

  socketMessage(channel: string, text: string): void {
    pushBounded(this.socketMessages, { channel, atMs: Date.now(), text });
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  clearSocketMessages(): void {
    this.socketMessages.length = 0;
  }
}
