import { useState } from 'react';
import { Button, Spinner } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { useSavedSequences, useSequenceCommand } from '../../nina/api/sequence';
import { SelectField } from './fields';

/** The sequences saved in NINA's sequence folder (subfolders as `sub/Name`), loaded by name into NINA's sequencer. */
export function SavedSequencesPanel({ sequenceLoaded, running }: { sequenceLoaded: boolean; running: boolean }) {
  const list = useSavedSequences();
  const load = useSequenceCommand();
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const names = list.data ?? [];
  const selected = names.includes(chosen) ? chosen : (names[0] ?? '');

  const send = () => load.mutate({ kind: 'load-saved', name: selected });

  return (
    <Panel
      title="Saved sequences"
      aside={
        <Button variant="ghost" className="text-muted" pending={list.isFetching} onClick={() => void list.refetch()}>
          Refresh
        </Button>
      }
    >
      {list.isPending ? (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner /> Reading NINA’s sequence folder…
        </p>
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : names.length === 0 ? (
        <p className="text-sm text-muted">NINA’s sequence folder has no saved sequences. Save one in NINA’s Advanced Sequencer, or build one below.</p>
      ) : (
        <form
          aria-label="Load a saved sequence"
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (sequenceLoaded) setConfirming(true);
            else send();
          }}
        >
          <SelectField label="Sequence" value={selected} onChange={(event) => setChosen(event.target.value)}>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="primary" disabled={running || selected === ''} pending={load.isPending}>
            Load
          </Button>
          {running ? <p className="text-sm text-muted">A sequence is running: NINA loads another one once it has stopped.</p> : null}
          <CommandFeedback status={load} pendingText="Loading…" />
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title="Replace NINA’s sequence?"
        confirmLabel="Replace"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          send();
        }}
      >
        Loading “{selected}” replaces the sequence in NINA’s sequencer, and any changes to it not saved in NINA are lost.
      </ConfirmDialog>
    </Panel>
  );
}
