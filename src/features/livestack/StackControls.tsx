import { useState } from 'react';
import { Button, Spinner } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { StatusPill } from '../../components/StatusPill';
import { useNow } from '../../components/use-now';
import { useNinaClient } from '../../nina/api/client-context';
import { useLiveStackCommand, useLiveStackStatus } from '../../nina/api/livestack';
import { isLiveStackRunning } from '../../nina/schemas/livestack';
import { useLastStackUpdate } from '../../store/livestack-updates';
import { formatAgo } from './StackTile';

/** NINA relays a start to the Livestack plugin, which answers with STACK-STATUS within a second or two. */
const START_SILENCE_MS = 10_000;

export function StatusBadge({ status, pending }: { status: string | undefined; pending: boolean }) {
  if (pending) return <StatusPill tone="idle">Reading…</StatusPill>;
  if (status === undefined) return <StatusPill tone="warn">Unknown</StatusPill>;
  return isLiveStackRunning(status) ? (
    <StatusPill tone="ok" pulse>
      Running
    </StatusPill>
  ) : (
    <StatusPill tone="idle">Stopped</StatusPill>
  );
}

/** Start, stop and the status NINA relays from the Livestack plugin (notes §11). */
export function StackControls() {
  const { http } = useNinaClient();
  const status = useLiveStackStatus();
  const last = useLastStackUpdate(http.baseUrl);
  const clock = useNow(15_000, last !== undefined);
  const command = useLiveStackCommand();
  const [startedAtMs, setStartedAtMs] = useState<number>();
  const running = isLiveStackRunning(status.data);
  const known = status.data !== undefined;
  const waitingForPlugin = startedAtMs !== undefined && !running && command.isSuccess && command.variables === 'start';
  const now = useNow(1_000, waitingForPlugin);
  const pluginSilent = waitingForPlugin && now - startedAtMs >= START_SILENCE_MS;

  const send = (kind: 'start' | 'stop') => {
    setStartedAtMs(kind === 'start' ? Date.now() : undefined);
    command.mutate(kind);
  };

  return (
    <div className="space-y-3" data-testid="stack-controls" data-status={status.data ?? ''}>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={known && running} pending={command.isPending && command.variables === 'start'} onClick={() => send('start')}>
          Start live stack
        </Button>
        <Button disabled={known && !running} pending={command.isPending && command.variables === 'stop'} onClick={() => send('stop')}>
          Stop
        </Button>
      </div>
      <CommandFeedback status={command} />
      {waitingForPlugin && !pluginSilent ? (
        <p role="status" className="flex items-center gap-2 text-xs text-muted">
          <Spinner className="size-3" /> Waiting for the Livestack plugin to report that it runs…
        </p>
      ) : null}
      {pluginSilent ? (
        <p role="alert" className="text-sm text-warn">
          NINA passed the start on, but the Livestack plugin has not reported running. Is the Livestack plugin (1.0.1.7 or newer) installed in
          NINA?
        </p>
      ) : null}
      {status.isError ? <p className="text-sm text-bad">Could not read the status: {status.error.message}</p> : null}
      {last ? (
        <p className="text-sm" data-testid="last-stacked">
          Last frame stacked {formatAgo(clock - last.updatedAtMs)}:{' '}
          <span className="font-medium">
            {last.target} · {last.filter}
          </span>
        </p>
      ) : null}
      <p className="text-xs text-muted">
        While it runs, NINA’s Livestack plugin stacks every saved light frame into one stack per target and filter. Capture with “Save in NINA”,
        or run a sequence.
      </p>
    </div>
  );
}
