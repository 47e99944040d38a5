import { z } from 'zod';

/**
 * Replies on `/v2/mount` (notes §5): one per message, to the sender only, STJ with default options.
 * Success is "Moving" or "Stopped Move"; failures carry NINA's text in `Error` (and, for an invalid
 * direction, a misleading `Response`, so `Error` wins).
 */
export const jogReplySchema = z.object({
  Response: z.unknown(),
  Error: z.string().nullish(),
  StatusCode: z.number(),
  Success: z.boolean(),
  Type: z.string().nullish(),
});

export type JogReply = { kind: 'moving' | 'stopped'; text: string } | { kind: 'error'; text: string };

export function parseJogReply(text: string): JogReply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'error', text: 'NINA sent an unreadable reply on the jog channel' };
  }
  const parsed = jogReplySchema.safeParse(json);
  if (!parsed.success) return { kind: 'error', text: 'NINA sent an unexpected reply on the jog channel' };
  const { Success, StatusCode, Error: errorText, Response: response } = parsed.data;
  if (!Success || StatusCode !== 200) return { kind: 'error', text: errorText?.trim() || 'NINA refused the move' };
  if (response === 'Stopped Move') return { kind: 'stopped', text: 'Stopped' };
  return { kind: 'moving', text: typeof response === 'string' && response ? response : 'Moving' };
}
