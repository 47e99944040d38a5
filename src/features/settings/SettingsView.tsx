import { Panel } from '../../components/Panel';
import { useNinaClient } from '../../nina/api/client-context';
import { useNinaVersions } from '../../nina/api/application';
import { useSkydeckServer } from '../../nina/api/skydeck-server';
import { activeRig, useSettingsStore } from '../../store/settings';
import { ConnectionForm } from './ConnectionForm';
import { RigsPanel } from './RigsPanel';
import { SessionPanel } from './SessionPanel';

export function SettingsView() {
  const { endpoints } = useNinaClient();
  const server = useSkydeckServer();
  const versions = useNinaVersions();
  const rig = useSettingsStore(activeRig);

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Panel title={`Connection: ${rig.name}`} label="Connection">
        <dl className="mb-4 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted">Talking to</dt>
          <dd className="break-words">{endpoints.label}</dd>
          {server.data ? (
            <>
              <dt className="text-muted">Skydeck’s server</dt>
              <dd className="break-all">
                {server.data.mode === 'demo' ? 'Demo mode: a simulated NINA built into Skydeck' : <span className="font-mono">forwards to {server.data.nina.url}</span>}
              </dd>
            </>
          ) : null}
          <dt className="text-muted">NINA</dt>
          <dd>{versions.data ? `${versions.data.nina} · Advanced API ${versions.data.plugin}` : versions.isError ? 'not reachable' : '…'}</dd>
        </dl>
        <ConnectionForm key={rig.id} rig={rig} />
      </Panel>
      <RigsPanel />
      <SessionPanel />
      <Panel title="Opening Skydeck on a phone">
        <p className="text-sm text-muted">
          Start Skydeck’s server on a computer on the observatory network (<code className="font-mono">npm start</code>) and open the address it prints,
          such as <code className="font-mono">http://192.168.1.50:8080</code>, in the phone’s browser. The phone must be on the same Wi-Fi.
        </p>
      </Panel>
    </div>
  );
}
