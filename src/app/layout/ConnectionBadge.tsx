import { StatusPill } from '../../components/StatusPill';
import { useNinaVersions } from '../../nina/api/application';
import { useSkydeckServer } from '../../nina/api/skydeck-server';
import { useConnectionStore } from '../../store/connection';

/** Header badge: is NINA there, are live updates flowing, which versions. */
export function ConnectionBadge() {
  const socket = useConnectionStore((state) => state.socket);
  const versions = useNinaVersions();
  const server = useSkydeckServer();

  let pill;
  if (versions.isError && !versions.data) {
    pill = <StatusPill tone="bad">Unreachable</StatusPill>;
  } else if (socket.state === 'open' && versions.data) {
    pill = (
      <StatusPill tone="ok">
        <span className="max-[400px]:sr-only">Connected</span>
      </StatusPill>
    );
  } else if (socket.state === 'reconnecting') {
    pill = (
      <StatusPill tone="warn" pulse title={socket.lastError}>
        Reconnecting…
      </StatusPill>
    );
  } else {
    pill = (
      <StatusPill tone="idle" pulse>
        Connecting…
      </StatusPill>
    );
  }

  return (
    <div className="flex min-w-0 items-center gap-2" data-testid="connection-badge" data-state={socket.state}>
      {server.data?.mode === 'demo' ? (
        <span
          data-testid="demo-badge"
          aria-label="Demo: simulated NINA"
          title="Skydeck is running on its built-in NINA simulator"
          className="whitespace-nowrap rounded-full border border-accent/50 px-2 py-0.5 text-xs text-accent"
        >
          <span className="sm:hidden">Demo</span>
          <span className="hidden sm:inline">Demo: simulated NINA</span>
        </span>
      ) : null}
      {pill}
      {versions.data ? (
        <span className="hidden whitespace-nowrap text-xs text-muted md:inline" data-testid="nina-versions">
          NINA {versions.data.nina} · API {versions.data.plugin}
        </span>
      ) : null}
    </div>
  );
}
