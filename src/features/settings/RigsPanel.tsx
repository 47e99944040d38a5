import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { useSettingsStore, type Rig } from '../../store/settings';
import { ConnectionForm } from './ConnectionForm';

function describeAddress(rig: Rig): string {
  return rig.address.mode === 'server' ? 'through Skydeck’s server' : `${rig.address.protocol}://${rig.address.host}:${rig.address.port}`;
}

/** Several NINA instances: switch between them; each keeps its own history. */
export function RigsPanel() {
  const rigs = useSettingsStore((state) => state.rigs);
  const activeRigId = useSettingsStore((state) => state.activeRigId);
  const selectRig = useSettingsStore((state) => state.selectRig);
  const removeRig = useSettingsStore((state) => state.removeRig);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Rig>();

  return (
    <Panel title="Rigs">
      <ul className="space-y-2" aria-label="Rigs">
        {rigs.map((rig) => {
          const active = rig.id === activeRigId;
          return (
            <li key={rig.id} className={`flex flex-wrap items-center gap-2 rounded-lg border p-3 ${active ? 'border-accent' : 'border-border'}`}>
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {rig.name} {active ? <span className="ml-1 text-xs text-accent">in use</span> : null}
                </p>
                <p className="truncate text-xs text-muted">{describeAddress(rig)}</p>
              </div>
              {!active ? (
                <Button onClick={() => selectRig(rig.id)} aria-label={`Use ${rig.name}`}>
                  Use
                </Button>
              ) : null}
              {rigs.length > 1 ? (
                <Button variant="ghost" className="text-muted" onClick={() => setRemoving(rig)} aria-label={`Remove ${rig.name}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="mt-3">
        {adding ? (
          <div className="rounded-lg border border-border p-3">
            <ConnectionForm onDone={() => setAdding(false)} />
          </div>
        ) : (
          <Button onClick={() => setAdding(true)}>Add a rig</Button>
        )}
      </div>
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove ${removing?.name ?? 'this rig'}?`}
        confirmLabel="Remove"
        tone="danger"
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          if (removing) removeRig(removing.id);
          setRemoving(undefined);
        }}
      >
        Skydeck forgets this rig’s address. Its saved session history stays in this browser until you clear it.
      </ConfirmDialog>
    </Panel>
  );
}
