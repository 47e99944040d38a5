import type { SequenceCondition, SequenceNode, SequenceTree, SequenceTrigger } from '../../nina/schemas/sequence';
import { nodeDetails, statusPresentation } from './presentation';

const toneText = { ok: 'text-ok', warn: 'text-warn', bad: 'text-bad', idle: 'text-muted', info: 'text-accent' } as const;

function StatusWord({ status, statusText }: { status: SequenceNode['status']; statusText: string }) {
  const { label, tone, mark } = statusPresentation[status];
  return (
    <span className={`shrink-0 whitespace-nowrap text-xs font-medium ${toneText[tone]}`} title={statusText || undefined}>
      <span aria-hidden className="mr-1 inline-block w-3 text-center">
        {mark}
      </span>
      {status === 'UNKNOWN' && statusText ? statusText : label}
    </span>
  );
}

function conditionText(condition: SequenceCondition): string {
  if (condition.iterations !== undefined) return `${condition.name} ${condition.completedIterations ?? 0}/${condition.iterations}`;
  if (condition.remainingTime) return `${condition.name} (${condition.remainingTime} left)`;
  return condition.name;
}

function triggerText(trigger: SequenceTrigger): string {
  if (trigger.targetExposures !== undefined && trigger.targetExposures > 0) return `${trigger.name} ${trigger.progressExposures ?? 0}/${trigger.targetExposures}`;
  return trigger.name;
}

/** Conditions and triggers of a set, as small labels under its name. */
function Extras({ conditions, triggers }: { conditions: readonly SequenceCondition[]; triggers: readonly SequenceTrigger[] }) {
  if (conditions.length === 0 && triggers.length === 0) return null;
  return (
    <ul aria-label="Conditions and triggers" className="mb-1 ml-7 flex flex-wrap gap-1.5">
      {conditions.map((condition, index) => (
        <li key={`c${index}`} className="rounded border border-border px-1.5 py-0.5 text-xs text-muted">
          ⟳ {conditionText(condition)}
        </li>
      ))}
      {triggers.map((trigger, index) => (
        <li key={`t${index}`} className={`rounded border px-1.5 py-0.5 text-xs ${trigger.status === 'RUNNING' ? 'border-accent text-accent' : 'border-border text-muted'}`}>
          ⚡ {triggerText(trigger)}
        </li>
      ))}
    </ul>
  );
}

function NodeRow({ node, current, container }: { node: SequenceNode; current: boolean; container: boolean }) {
  const details = nodeDetails(node);
  return (
    <div
      className={`flex items-start gap-2 rounded-md px-2 py-1.5 ${container ? 'min-h-11' : 'min-h-9'} ${
        current ? 'bg-accent/15 ring-1 ring-accent' : node.status === 'DISABLED' ? 'opacity-60' : ''
      }`}
    >
      {container ? (
        <span aria-hidden className="mt-0.5 w-3 shrink-0 text-muted transition-transform [details[open]>summary_&]:rotate-90">
          ▸
        </span>
      ) : (
        <span aria-hidden className="w-3 shrink-0" />
      )}
      <span className="min-w-0 flex-1 break-words">
        <span className={`${container ? 'font-semibold' : 'font-medium'} ${node.status === 'DISABLED' ? 'line-through' : ''}`}>{node.name}</span>
        {details ? <span className="ml-2 text-xs text-muted">{details}</span> : null}
      </span>
      <StatusWord status={node.status} statusText={node.statusText} />
    </div>
  );
}

function TreeNode({ node, current }: { node: SequenceNode; current: ReadonlySet<string> }) {
  const isCurrent = current.has(node.id);
  const common = {
    'data-testid': 'sequence-node',
    'data-node-id': node.id,
    'data-status': node.status,
    'data-kind': node.kind,
    'data-name': node.name,
    'aria-current': isCurrent ? ('step' as const) : undefined,
  };
  if (node.kind !== 'container') {
    return (
      <li {...common}>
        <NodeRow node={node} current={isCurrent} container={false} />
      </li>
    );
  }
  return (
    <li {...common}>
      <details open>
        <summary className="cursor-pointer list-none rounded-md hover:bg-surface-2 [&::-webkit-details-marker]:hidden">
          <NodeRow node={node} current={isCurrent} container />
        </summary>
        <Extras conditions={node.conditions} triggers={node.triggers} />
        {node.items.length > 0 ? (
          <ul className="ml-3 border-l border-border pl-1.5">
            {node.items.map((child) => (
              <TreeNode key={child.id} node={child} current={current} />
            ))}
          </ul>
        ) : (
          <p className="ml-7 pb-1 text-xs text-muted">Empty</p>
        )}
      </details>
    </li>
  );
}

/** NINA's advanced sequence as it runs: every set and instruction with its status; what runs now is outlined. */
export function SequenceTreeView({ tree, current }: { tree: SequenceTree; current: ReadonlySet<string> }) {
  return (
    <div className="text-sm">
      {tree.globalTriggers.length > 0 ? (
        <p className="mb-2 text-xs text-muted">
          Global triggers: {tree.globalTriggers.map(triggerText).join(', ')}
        </p>
      ) : null}
      <ul aria-label="Sequence tree" className="space-y-0.5">
        {tree.areas.map((area) => (
          <TreeNode key={area.id} node={area} current={current} />
        ))}
      </ul>
    </div>
  );
}
