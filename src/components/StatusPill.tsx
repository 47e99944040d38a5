import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'idle' | 'info';

const tones: Record<Tone, string> = {
  ok: 'text-ok border-ok/40 bg-ok/10',
  warn: 'text-warn border-warn/40 bg-warn/10',
  bad: 'text-bad border-bad/40 bg-bad/10',
  idle: 'text-muted border-border bg-surface-2',
  info: 'text-accent border-accent/40 bg-accent/10',
};

const dots: Record<Tone, string> = { ok: 'bg-ok', warn: 'bg-warn', bad: 'bg-bad', idle: 'bg-muted', info: 'bg-accent' };

export function StatusPill({ tone, children, pulse = false, title }: { tone: Tone; children: ReactNode; pulse?: boolean; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-xs font-medium ${tones[tone]}`}>
      <span aria-hidden className={`size-2 rounded-full ${dots[tone]} ${pulse ? 'animate-pulse' : ''}`} />
      {children}
    </span>
  );
}
