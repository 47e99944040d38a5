import { useQuery } from '@tanstack/react-query';
import { Spinner } from '../../components/Button';
import { Panel } from '../../components/Panel';
import { useNinaClient } from '../../nina/api/client-context';
import { UNREACHABLE_RETRY_MS } from '../../nina/api/application';
import { diagnose } from '../../nina/diagnose';
import { activeRig, useSettingsStore } from '../../store/settings';
import { ConnectionForm } from './ConnectionForm';
import { DiagnosisExplanation } from './DiagnosisExplanation';

/**
 * Shown instead of the dashboard while NINA cannot be reached: what Skydeck is trying to reach,
 * what failed, what to do. It keeps retrying on its own; fixing the address is right here.
 */
export function ConnectionScreen({ error }: { error: unknown }) {
  const { endpoints } = useNinaClient();
  const rig = useSettingsStore(activeRig);
  const diagnosis = useQuery({
    queryKey: ['skydeck', 'diagnosis', endpoints.httpBase, endpoints.mode],
    queryFn: () => diagnose(endpoints),
    refetchInterval: UNREACHABLE_RETRY_MS * 2,
    retry: false,
  });

  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="connection-screen" data-diagnosis={diagnosis.data?.status ?? 'pending'}>
      <section aria-label="Cannot reach NINA" className="rounded-xl border border-bad/40 bg-surface p-5">
        <h2 className="text-lg font-semibold text-bad">Skydeck cannot reach NINA</h2>
        <p className="mt-1 text-sm text-muted">
          Trying to reach <span className="font-mono text-fg">{endpoints.label}</span>. Skydeck keeps trying every {UNREACHABLE_RETRY_MS / 1000} s.
        </p>
        <div className="mt-4">
          {diagnosis.data ? (
            <DiagnosisExplanation diagnosis={diagnosis.data} />
          ) : (
            <p className="flex items-center gap-2 text-muted">
              <Spinner /> Finding out why…
            </p>
          )}
        </div>
        {error instanceof Error ? <p className="mt-3 text-xs text-muted">Last error: {error.message}</p> : null}
      </section>
      <Panel title="NINA address">
        <ConnectionForm key={rig.id} rig={rig} />
      </Panel>
    </div>
  );
}
