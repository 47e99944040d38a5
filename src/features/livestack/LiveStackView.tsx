import { useMemo, useState, type ReactNode } from 'react';
import { Button, Spinner } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { useNinaClient } from '../../nina/api/client-context';
import { useHideStack, useLiveStackAvailable, useLiveStackStatus } from '../../nina/api/livestack';
import { isLiveStackRunning } from '../../nina/schemas/livestack';
import { useStackUpdates } from '../../store/livestack-updates';
import { IntegrationTable } from './IntegrationTable';
import { StackControls, StatusBadge } from './StackControls';
import { COLOR_FILTER, groupStacks, type TargetGroup } from './stack-groups';
import { StackTile } from './StackTile';
import { StackViewer } from './StackViewer';

/** On a phone the panels stack in reading order; on a desktop the tiles take the wide column. */
function Slot({ order, name, children }: { order: string; name: string; children: ReactNode }) {
  return (
    <div className={`${order} lg:order-none`}>
      <PanelErrorBoundary name={name}>{children}</PanelErrorBoundary>
    </div>
  );
}

function TargetStacks({ group, paused, onOpen, onHide }: { group: TargetGroup; paused: boolean; onOpen: (key: string) => void; onHide: (target: string, filter: string) => void }) {
  return (
    <Panel title={group.target} label={`Stacks of ${group.target}`} aside={<span className="text-xs text-muted">{group.stacks.length === 1 ? '1 stack' : `${group.stacks.length} stacks`}</span>}>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 2xl:grid-cols-4">
        {group.stacks.map((stack) => (
          <StackTile
            key={stack.key}
            stack={stack}
            paused={paused}
            wide={group.stacks.length === 1 || stack.filter === COLOR_FILTER}
            onOpen={() => onOpen(stack.key)}
            onHide={() => onHide(stack.target, stack.filter)}
          />
        ))}
      </div>
    </Panel>
  );
}

export function LiveStackView() {
  const { http } = useNinaClient();
  const status = useLiveStackStatus();
  const available = useLiveStackAvailable();
  const updates = useStackUpdates(http.baseUrl);
  const hideStack = useHideStack();
  const [selectedKey, setSelectedKey] = useState<string>();
  const groups = useMemo(() => groupStacks(available.data ?? [], updates), [available.data, updates]);
  const allStacks = useMemo(() => groups.flatMap((group) => group.stacks), [groups]);
  const selected = allStacks.find((stack) => stack.key === selectedKey);
  const running = isLiveStackRunning(status.data);

  let stacks: ReactNode;
  if (available.isPending) {
    stacks = (
      <Panel title="Stacks">
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner /> Asking NINA which stacks it has…
        </p>
      </Panel>
    );
  } else if (available.isError && !available.data) {
    stacks = (
      <Panel title="Stacks">
        <div className="space-y-3">
          <ErrorNotice error={available.error} />
          <Button onClick={() => void available.refetch()}>Ask again</Button>
        </div>
      </Panel>
    );
  } else if (groups.length === 0) {
    stacks = (
      <Panel title="Stacks">
        <p className="text-sm text-muted" data-testid="no-stacks">
          {running
            ? 'Waiting for the first saved light frame: each target and filter gets its own stack here.'
            : 'No stacks yet. Start the live stack, then save light frames: each target and filter gets its own stack here.'}
        </p>
      </Panel>
    );
  } else {
    stacks = (
      <div className="flex flex-col gap-3">
        {groups.map((group) => (
          <TargetStacks key={group.target} group={group} paused={selected !== undefined} onOpen={setSelectedKey} onHide={hideStack} />
        ))}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3 lg:grid lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
      <div className="contents lg:col-start-1 lg:row-start-1 lg:flex lg:flex-col lg:gap-3">
        <Slot order="order-2" name="the stacks">
          {stacks}
        </Slot>
      </div>
      <div className="contents lg:sticky lg:top-18 lg:col-start-2 lg:row-start-1 lg:flex lg:flex-col lg:gap-3">
        <Slot order="order-1" name="the live stack controls">
          <Panel title="Live stack" aside={<StatusBadge status={status.data} pending={status.isPending} />}>
            <StackControls />
          </Panel>
        </Slot>
        {groups.length > 0 ? (
          <Slot order="order-3" name="the integration times">
            <Panel title="Integration">
              <div className="space-y-4">
                {groups.map((group) => (
                  <section key={group.target} aria-label={`Integration of ${group.target}`}>
                    {groups.length > 1 ? <h3 className="mb-1 text-sm font-semibold">{group.target}</h3> : null}
                    <IntegrationTable group={group} />
                  </section>
                ))}
              </div>
            </Panel>
          </Slot>
        ) : null}
      </div>
      {selected ? (
        <PanelErrorBoundary name="the large view">
          <StackViewer key={selected.key} stack={selected} stacks={allStacks} onSelect={setSelectedKey} onClose={() => setSelectedKey(undefined)} />
        </PanelErrorBoundary>
      ) : null}
    </div>
  );
}
