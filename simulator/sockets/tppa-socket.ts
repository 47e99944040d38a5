// /v2/tppa (TPPASocket.cs, notes §10): three-point polar alignment through the message broker.
//
// A frame names an action, as JSON ({"Action": …, options}) or as the bare legacy text. The four
// actions are published to the TPPA plugin's broker topics and confirmed to every client; whether
// TPPA then does anything shows only in its broadcasts, which the module forwards to every client:
// progress ({Status, Progress = Progress / MaxProgress, so -1 when indeterminate}) and, in the
// adjustment phase, the signed errors in degrees. Other text is ignored without a reply; valid JSON
// without an Action throws in the handler, and EmbedIO then drops the connection. Replies and
// broadcasts are Newtonsoft envelopes of Type "Socket".

import type { WebSocket } from 'ws';
import type { PolarAlignment, TppaStatus } from '../rig/polar-alignment';
import type { AlignmentErrorDeg } from '../rig/polar-alignment-axis';
import { ok, type Envelope } from '../wire/envelope';
import { dictionary, double } from '../wire/net-values';
import { toNewtonsoft } from '../wire/serializer';
import type { ChannelHandler, SocketHub } from './socket-hub';
import { readTppaFrame, type TppaRequest } from './tppa-socket-json';

const ACTIONS = {
  'start-alignment': { topic: 'PolarAlignmentPlugin_DockablePolarAlignmentVM_StartAlignment', response: 'started procedure' },
  'stop-alignment': { topic: 'PolarAlignmentPlugin_DockablePolarAlignmentVM_StopAlignment', response: 'stopped procedure' },
  'pause-alignment': { topic: 'PolarAlignmentPlugin_PolarAlignment_PauseAlignment', response: 'paused procedure' },
  'resume-alignment': { topic: 'PolarAlignmentPlugin_PolarAlignment_ResumeAlignment', response: 'resumed procedure' },
} as const;

export type TppaAction = keyof typeof ACTIONS;
/** Enough for a long e2e session; older entries are dropped. */
const LOG_LIMIT = 5_000;

/** One frame the module received or sent, for the test controls. */
export interface TppaLogEntry {
  /** Real time, epoch ms. */
  atMs: number;
  direction: 'in' | 'out';
  text: string;
  /** In: the action the handler recognised, null for none. */
  action?: TppaAction | null;
  /** In: whether it was published (and confirmed), ignored, or made the module drop the connection. */
  outcome?: 'published' | 'ignored' | 'connection-dropped';
  /** In: whether the frame was read as JSON (a TPPARequest) or as legacy text. */
  format?: 'json' | 'text';
  /** Out: which kind of message went to the clients. */
  kind?: 'confirmation' | 'progress' | 'alignment-error';
}

function isAction(topic: string): topic is TppaAction {
  return Object.hasOwn(ACTIONS, topic);
}

export class TppaSocket implements ChannelHandler {
  private readonly entries: TppaLogEntry[] = [];

  constructor(
    private readonly hub: SocketHub,
    private readonly tppa: PolarAlignment,
  ) {
    tppa.progress.subscribe((status) => this.sendProgress(status));
    tppa.alignmentError.subscribe((reading) => this.sendAlignmentError(reading));
  }

  onMessage(client: WebSocket, text: string): void {
    const frame = readTppaFrame(text);
    const format = frame.kind === 'request' ? 'json' : 'text';
    const topic = frame.kind === 'request' ? frame.request.Action : text;
    if (topic === null) {
      // `topic.Equals(...)` on a null Action: a NullReferenceException out of the handler.
      this.record({ direction: 'in', text, action: null, outcome: 'connection-dropped', format });
      client.terminate();
      return;
    }
    if (!isAction(topic)) {
      this.record({ direction: 'in', text, action: null, outcome: 'ignored', format });
      return;
    }
    this.record({ direction: 'in', text, action: topic, outcome: 'published', format });
    this.publish(topic, frame.kind === 'request' ? frame.request : null);
    this.broadcast(ok(ACTIONS[topic].response, 'Socket'), 'confirmation');
  }

  /** What the broker delivers to the TPPA plugin; published whether or not anything comes of it. */
  private publish(action: TppaAction, content: TppaRequest | null): void {
    switch (action) {
      case 'start-alignment':
        this.tppa.start(content);
        break;
      case 'stop-alignment':
        this.tppa.stop();
        break;
      case 'pause-alignment':
        this.tppa.pause();
        break;
      case 'resume-alignment':
        this.tppa.resume();
        break;
    }
  }

  /** `Progress = status.Progress / status.MaxProgress`: C# division, so a MaxProgress of 0 gives NaN or ±Infinity. */
  private sendProgress({ status, progress, maxProgress }: TppaStatus): void {
    this.broadcast(ok({ Status: status, Progress: double(progress / maxProgress) }, 'Socket'), 'progress');
  }

  private sendAlignmentError(reading: AlignmentErrorDeg): void {
    const response = dictionary({
      AzimuthError: double(reading.azimuthDeg),
      AltitudeError: double(reading.altitudeDeg),
      TotalError: double(reading.totalDeg),
    });
    this.broadcast(ok(response, 'Socket'), 'alignment-error');
  }

  private broadcast(envelope: Envelope, kind: NonNullable<TppaLogEntry['kind']>): void {
    const text = toNewtonsoft(envelope);
    this.record({ direction: 'out', text, kind });
    this.hub.broadcast('/v2/tppa', text);
  }

  private record(entry: Omit<TppaLogEntry, 'atMs'>): void {
    this.entries.push({ atMs: Date.now(), ...entry });
    if (this.entries.length > LOG_LIMIT) this.entries.splice(0, this.entries.length - LOG_LIMIT);
  }

  /** Oldest first. */
  log(): readonly TppaLogEntry[] {
    return this.entries;
  }

  clearLog(): void {
    this.entries.length = 0;
  }
}
