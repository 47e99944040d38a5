import { describeItem, type Contract, type ContractResult, type TrafficItem } from './spec';

export interface Checked {
  item: TrafficItem;
  result: ContractResult;
  /** Where the item came from (`sim-….jsonl:12`), when it was recorded. */
  source?: string;
}

const LIST_WIDTH = 110;

function clip(text: string, width = LIST_WIDTH): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** Violations grouped by operation or event, each distinct error once with its count and first example. */
export function violationSummary(checked: readonly Checked[]): string {
  const failures = checked.filter((entry) => !entry.result.ok);
  if (failures.length === 0) return '';
  const groups = new Map<string, { failing: number; errors: Map<string, { count: number; example: Checked; value?: string }> }>();
  for (const entry of failures) {
    const operation = entry.result.operation.replace(/ \[[^\]]*\]$/, '');
    const group = groups.get(operation) ?? { failing: 0, errors: new Map() };
    group.failing += 1;
    for (const error of entry.result.errors) {
      const signature = `${error.candidate ? `[${error.candidate}] ` : ''}${error.at}: ${error.message}`;
      const seen = group.errors.get(signature);
      if (seen) seen.count += 1;
      else group.errors.set(signature, { count: 1, example: entry, value: error.value });
    }
    groups.set(operation, group);
  }
  const lines = [`${failures.length} of ${checked.length} replies/messages violate the contract, in ${groups.size} operations/events:`];
  for (const [operation, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', `${operation}  (${group.failing} failing)`);
    for (const [signature, { count, example, value }] of group.errors) {
      lines.push(`  ${count}× ${signature}`);
      const at = example.source ? ` (${example.source})` : '';
      lines.push(`      first: ${clip(describeItem(example.item), 90)}${value !== undefined ? ` value ${value}` : ''}${at}`);
    }
  }
  return lines.join('\n');
}

function area(operation: string): string {
  const segments = (operation.split(' ')[1] ?? '').split('/').filter(Boolean);
  return segments[0] === 'equipment' && segments.length > 2 ? `equipment/${segments[1]}` : (segments[0] ?? '/');
}

/** Which published operations and socket events the checked traffic covers, and which exceptions it used. */
export function coverageSummary(contract: Contract, checked: readonly Checked[]): string {
  const covered = new Set(checked.map((entry) => entry.result.covers).filter((covers): covers is string => covers !== undefined));
  const operations = contract.operations();
  const events = contract.socketEvents();
  const seenOperations = operations.filter((operation) => covered.has(operation));
  const seenEvents = events.filter((name) => covered.has(`/socket ${name}`));

  const byArea = new Map<string, { total: number; missing: string[] }>();
  for (const operation of operations) {
    const key = area(operation);
    const entry = byArea.get(key) ?? { total: 0, missing: [] };
    entry.total += 1;
    if (!covered.has(operation)) entry.missing.push(operation.split(' ')[1]?.replace(`/${key}`, '') || '/');
    byArea.set(key, entry);
  }
  const lines = [
    `Coverage: ${seenOperations.length} of ${operations.length} spec operations answered (HTML pages not counted); ` +
      `${seenEvents.length} of ${events.length} documented socket events seen.`,
    `  ${'area'.padEnd(24)}seen   not seen`,
  ];
  for (const [key, { total, missing }] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    const seen = `${total - missing.length}/${total}`;
    lines.push(clip(`  ${key.padEnd(24)}${seen.padEnd(7)}${missing.join(' ')}`));
  }
  lines.push(clip(`  socket events seen: ${seenEvents.join(' ') || 'none'}`, 400));

  const used = new Map<string, number>();
  for (const entry of checked) for (const id of entry.result.exceptionsApplied) used.set(id, (used.get(id) ?? 0) + 1);
  const usage = [...used].sort(([a], [b]) => a.localeCompare(b)).map(([id, count]) => `${id} ×${count}`);
  lines.push(clip(`  exceptions used: ${usage.join(', ') || 'none'}`, 400));
  return lines.join('\n');
}
