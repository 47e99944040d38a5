import { lazy, Suspense, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Spinner } from '../../components/Button';
import { useNinaClient } from '../../nina/api/client-context';
import { useNinaVersions } from '../../nina/api/application';

// Only needed when something is wrong, so it is not part of the initial download.
const ConnectionScreen = lazy(() => import('../../features/settings/ConnectionScreen').then((module) => ({ default: module.ConnectionScreen })));

/**
 * Until NINA has answered once, views would only show empty cards; show what Skydeck is trying
 * to reach instead, and why it fails. Settings stay reachable so the address can be fixed.
 */
export function ConnectionGate({ children }: { children: ReactNode }) {
  const [pathname] = useLocation();
  const versions = useNinaVersions();
  const { endpoints } = useNinaClient();

  if (pathname.startsWith('/settings') || versions.data) return children;
  const connecting = (
    <div role="status" className="flex items-center gap-3 p-6 text-muted">
      <Spinner />
      Connecting to {endpoints.label}…
    </div>
  );
  if (versions.isError) {
    return (
      <Suspense fallback={connecting}>
        <ConnectionScreen error={versions.error} />
      </Suspense>
    );
  }
  return connecting;
}
