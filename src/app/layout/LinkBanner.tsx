import { Button } from '../../components/Button';
import { useNow } from '../../components/use-now';
import { useConnectionStore } from '../../store/connection';

/** Shown while live updates are down after having worked: figures on screen may be stale. */
export function LinkBanner() {
  const socket = useConnectionStore((state) => state.socket);
  const reconnect = useConnectionStore((state) => state.reconnect);
  const down = socket.state === 'reconnecting';
  const now = useNow(500, down);
  if (!down) return null;
  const retryInS = socket.retryAtMs ? Math.max(0, Math.ceil((socket.retryAtMs - now) / 1000)) : undefined;
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-warn/40 bg-warn/10 px-4 py-2 text-sm">
      <span className="text-warn">Live updates from NINA are down{socket.lastError ? ` (${socket.lastError})` : ''}.</span>
      <span className="text-muted">
        {retryInS === undefined || retryInS === 0 ? 'Reconnecting…' : `Retrying in ${retryInS} s.`} Figures on screen may be out of date.
      </span>
      {reconnect ? (
        <Button variant="ghost" className="ml-auto" onClick={reconnect}>
          Retry now
        </Button>
      ) : null}
    </div>
  );
}
