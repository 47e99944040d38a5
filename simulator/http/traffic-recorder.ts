// Appends every reply and every socket frame the simulator sends to a JSON-lines file, which the
// contract tests check against the published spec (`simulator/contract/`).

import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { replyText, type HttpReply } from './reply';

const BODY_TEXT_LIMIT = 2048;

export interface RestTraffic {
  method: string;
  path: string;
  query: string;
  reply: HttpReply;
}

export interface SocketTraffic {
  channel: string;
  text: string;
  injected?: boolean;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export class TrafficRecorder {
  private constructor(
    private readonly stream: WriteStream,
    readonly filePath: string,
  ) {}

  /** Opens `<dir>/sim-<pid>-<startMs>-<port>.jsonl` for appending. */
  static open(directory: string, startMs: number, port: number): TrafficRecorder {
    mkdirSync(directory, { recursive: true });
    const filePath = join(directory, `sim-${process.pid}-${startMs}-${port}.jsonl`);
    return new TrafficRecorder(createWriteStream(filePath, { flags: 'a' }), filePath);
  }

  private append(record: Record<string, unknown>): void {
    this.stream.write(`${JSON.stringify(record)}\n`);
  }

  rest({ method, path, query, reply }: RestTraffic): void {
    const text = replyText(reply);
    const parsed = reply.contentType.startsWith('application/json') ? parseJson(text) : { ok: false as const };
    this.append({
      kind: 'rest',
      method,
      path,
      query,
      httpStatus: reply.status,
      contentType: reply.contentType,
      body: parsed.ok ? parsed.value : null,
      ...(parsed.ok ? {} : { bodyText: text.slice(0, BODY_TEXT_LIMIT) }),
      ...(reply.injected ? { injected: true } : {}),
    });
  }

  socketOut(traffic: SocketTraffic): void {
    const parsed = parseJson(traffic.text);
    this.append({
      kind: 'ws',
      channel: traffic.channel,
      direction: 'out',
      data: parsed.ok ? parsed.value : null,
      ...(parsed.ok ? {} : { text: traffic.text }),
      ...(traffic.injected ? { injected: true } : {}),
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }
}
