// NINA's advanced sequencer behind ISequenceMediator: the loaded root container, Sequence2VM's
// start and cancel, and the run itself as NINA.Sequencer executes it: SequenceItem.Run (status,
// validation, attempts, error behaviour, skip and cancel), SequentialStrategy (blocks, conditions,
// triggers before each item) and the root's FailureEvent. Everything happens in simulated time.

import { Signal } from '../device';
import { SequenceEntityFailedError } from '../mount-instructions';
import type { LogOrigin } from '../nina-log';
import { ClockDisposedError } from '../sim-clock';
import {
  describeLeaf,
  executeInstruction,
  isLightFrame,
  SequenceItemSkippedError,
  validationIssues,
  type InstructionContext,
  type SequencerRig,
} from './instructions';
import { ERROR_BEHAVIORS, Leaf, rootOf, shortName, allTargets, Container, type SequenceItem, type Trigger } from './model';
import { DEFAULT_SEQUENCE_FOLDER, listSequences, readSequence } from './saved-sequences';
import { emptyRootContainer } from './sequence-file';

/** The plugin's SequenceSkipType (V2): enum names or their numbers. */
export const SKIP_TYPES = { CurrentItems: 0, ToEnd: 1, ToImaging: 2 } as const;

/** OperationCanceledException: a stop, an interrupt or a skip ended the work. */
class OperationCanceledError extends Error {
  constructor() {
    super('The operation was canceled.');
  }
}

/** SequenceEntityFailedValidationException. */
class ValidationFailedError extends Error {}

/** A test control's planned failure: the next runs of matching instructions throw `message`. */
export interface InjectedFailure {
  match: string;
  message: string;
  remaining: number;
}

export interface EntityFailure {
  entity: string;
  error: string;
}

const ORIGIN = {
  run: { source: 'SequenceItem.cs', member: 'Run', line: 148 },
  runError: { source: 'SequenceItem.cs', member: 'Run', line: 196 },
  errorBehavior: { source: 'SequenceItem.cs', member: 'RunErrorBehavior', line: 121 },
  trigger: { source: 'SequenceTrigger.cs', member: 'Run', line: 117 },
  unknown: { source: 'UnknownSequenceItem.cs', member: 'Execute', line: 48 },
  sequencer: { source: 'Sequencer.cs', member: 'Start', line: 71 },
  container: { source: 'SequenceContainer.cs', member: 'RunTriggers', line: 473 },
} as const satisfies Record<string, LogOrigin>;

/** CancellationTokenSource.CreateLinkedTokenSource; `release` detaches it once the work is done. */
function linkedController(signal: AbortSignal): { controller: AbortController; release: () => void } {
  const controller = new AbortController();
  const forward = (): void => controller.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  return { controller, release: () => signal.removeEventListener('abort', forward) };
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new OperationCanceledError();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Immutable containers (Take Many Exposures, Smart Exposure) pass an interrupt on to their parent. */
function interruptTarget(container: Container): Container | null {
  return container.kind === 'TakeManyExposures' || container.kind === 'SmartExposure' ? container.parent : container;
}

export class Sequencer {
  /** ISequenceMediator.Initialized: NINA sets it once the sequencer's UI exists; here from start-up. */
  initialized = true;
  root: Container = emptyRootContainer();
  /** Sequence2VM.SequenceStarting / SequenceFinished (the plugin's SEQUENCE-STARTING / -FINISHED). */
  readonly sequenceStarting = new Signal();
  readonly sequenceFinished = new Signal();
  /** What a "Send Error to WebSocket" trigger hands the plugin's socket for each failure it sees. */
  readonly errorTriggerFired = new Signal<EntityFailure>();
  /** Test control: scales Wait for Time and Wait for Time Span. */
  waitScale = 1;
  readonly injectedFailures: InjectedFailure[] = [];
  /** ImageHistoryVM's count of light frames, which the dither and autofocus triggers divide. */
  lightFrames = 0;
  private running = false;
  private cancelRun: AbortController | null = null;
  private readonly runningItems = new Set<Leaf>();
  /** Subscribers of the root's FailureEvent: the Send Error triggers whose container is running. */
  private readonly failureSubscribers = new Map<Trigger, (failure: EntityFailure) => void>();
  private readonly context: InstructionContext;

  constructor(
    private readonly rig: SequencerRig,
    readonly folder: string = DEFAULT_SEQUENCE_FOLDER,
  ) {
    this.context = {
      rig,
      waitScale: () => this.waitScale,
      recordLightFrame: () => {
        this.lightFrames += 1;
      },
    };
  }

  /** Sequence2VM.IsRunning. */
  get isRunning(): boolean {
    return this.running;
  }

  listAvailable(): string[] {
    return listSequences(this.folder);
  }

  readSavedSequence(name: string): string | null {
    return readSequence(this.folder, name);
  }

  /** ISequenceMediator.SetAdvancedSequence. */
  setAdvancedSequence(root: Container): void {
    this.root = root;
  }

  targets(): Container[] {
    return allTargets(this.root);
  }

  /** The instructions running now (SequenceRootContainer.GetCurrentRunningItems). */
  runningInstructions(): Leaf[] {
    return [...this.runningItems];
  }

  /**
   * StartAdvancedSequence: the run proceeds without being awaited. Without skipValidation NINA asks
   * whether to start despite the validation issues; the prompt's default answer is Cancel and nobody
   * sits at the simulated NINA to change it, so such a sequence ends at once.
   */
  start(skipValidation: boolean): void {
    const controller = new AbortController();
    this.running = true;
    this.cancelRun = controller;
    this.sequenceStarting.emit();
    void this.runSequence(skipValidation, controller.signal)
      .catch((error: unknown) => this.rig.log.write('ERROR', ORIGIN.sequencer, messageOf(error)))
      .finally(() => {
        this.running = false;
        this.cancelRun = null;
        this.sequenceFinished.emit();
      });
  }

  /** CancelAdvancedSequence: cancels the run's token; items in progress go back to CREATED. */
  cancel(): void {
    this.cancelRun?.abort(new OperationCanceledError());
  }

  /** SequenceRootContainer.ResetAll. */
  resetAll(container: Container = this.root): void {
    for (const trigger of container.triggers) trigger.status = 'CREATED';
    for (const condition of container.conditions) {
      if (condition.data.kind === 'LoopCondition') condition.data.completedIterations = 0;
    }
    this.resetProgress(container);
    for (const item of container.items) {
      if (item instanceof Container) this.resetAll(item);
      else this.resetProgress(item);
    }
  }

  /** The plugin's sequence/skip: the running instructions, the Start area, or Start and Targets. */
  skip(type: number): void {
    if (type === SKIP_TYPES.CurrentItems) {
      for (const item of this.runningItems) this.skipItem(item);
      return;
    }
    const [startArea, targetArea] = this.root.items;
    if (type !== SKIP_TYPES.ToImaging && type !== SKIP_TYPES.ToEnd) return;
    if (startArea !== undefined) this.skipItem(startArea);
    if (type === SKIP_TYPES.ToEnd && targetArea !== undefined) this.skipItem(targetArea);
  }

  /** Sequencer.Validate: the issues of every enabled instruction and trigger, for the start prompt. */
  validationIssues(container: Container = this.root): string[] {
    const issues: string[] = [];
    for (const trigger of container.triggers) if (trigger.status !== 'DISABLED') issues.push(...this.triggerIssues(trigger));
    for (const item of container.items) {
      if (item.status === 'DISABLED') continue;
      if (item instanceof Leaf) issues.push(...validationIssues(this.rig, item));
      else if (item instanceof Container) issues.push(...this.validationIssues(item));
    }
    return [...new Set(issues)];
  }

  describe(item: SequenceItem): string {
    if (item instanceof Leaf) return describeLeaf(this.rig, item);
    const container = item as Container;
    const counts = new Map<string, number>();
    for (const child of container.items) counts.set(child.status, (counts.get(child.status) ?? 0) + 1);
    const itemText = [...counts].map(([status, count]) => `, Items[${status}]: ${count}`).join('');
    const conditionText = container.conditions.length === 0 ? '' : `, Conditions: ${container.conditions.map((c) => `Condition: ${shortName(c.type)}, `).join('')}`;
    const triggerText = container.triggers.length === 0 ? '' : `, Triggers: ${container.triggers.map((t) => this.describeTrigger(t)).join('')}`;
    return `Category: ${container.category}, Container: ${container.type.fullName}, Strategy: SequentialStrategy${itemText}${conditionText}${triggerText}`;
  }

  private describeTrigger(trigger: Trigger): string {
    const data = trigger.data;
    switch (data.kind) {
      case 'DitherAfterExposures':
        return `Trigger: DitherAfterExposures, After Exposures: ${data.afterExposures}`;
      case 'AutofocusAfterExposures':
        return `Trigger: AutofocusAfterExposures, AfterExposures: ${data.afterExposures}`;
      case 'AutofocusAfterTimeTrigger':
        return `Trigger: AutofocusAfterTimeTrigger, Amount: ${data.amountMin}`;
      default:
        return `Trigger: ${shortName(trigger.type)}`;
    }
  }

  private async runSequence(skipValidation: boolean, signal: AbortSignal): Promise<void> {
    const { log, clock } = this.rig;
    if (!skipValidation) {
      const issues = this.validationIssues();
      if (issues.length > 0) {
        log.write(
          'WARNING',
          ORIGIN.sequencer,
          `Pre-sequence checklist: ${issues.join(', ')}. The prompt to start anyway was answered with its default, Cancel`,
        );
        return;
      }
    }
    this.forEachTrigger(this.root, (trigger) => {
      if (trigger.data.kind === 'AutofocusAfterTimeTrigger') trigger.data.sinceMs = clock.nowMs();
    });
    try {
      await this.run(this.root, signal);
    } catch (error) {
      if (!this.isCancellation(error, signal)) throw error;
      log.info(ORIGIN.sequencer, 'Sequence run was cancelled');
    }
  }

  private forEachTrigger(container: Container, visit: (trigger: Trigger) => void): void {
    for (const trigger of container.triggers) visit(trigger);
    for (const item of container.items) if (item instanceof Container) this.forEachTrigger(item, visit);
  }

  private isCancellation(error: unknown, signal: AbortSignal): boolean {
    if (error instanceof ClockDisposedError) {
      // The simulator is closing: end the whole run instead of failing every item in turn.
      this.cancel();
      return true;
    }
    return signal.aborted || error instanceof OperationCanceledError;
  }

  private resetProgress(item: SequenceItem): void {
    if (item.status !== 'DISABLED') item.status = 'CREATED';
    if (item instanceof Container) {
      item.iterations = 0;
      for (const child of item.items) if (child.status !== 'DISABLED') child.status = 'CREATED';
    }
  }

  /** SequenceItem.Skip. */
  private skipItem(item: SequenceItem): void {
    if (item.status === 'DISABLED') return;
    item.status = 'SKIPPED';
    item.runAbort?.abort(new OperationCanceledError());
  }

  private interrupt(container: Container | null): void {
    const target = container === null ? null : interruptTarget(container);
    target?.interruptAbort?.abort(new OperationCanceledError());
  }

  private raiseFailure(entity: { name: string }, error: string): void {
    for (const subscriber of [...this.failureSubscribers.values()]) subscriber({ entity: entity.name, error });
  }

  /** SequenceItem.RunErrorBehavior. */
  private runErrorBehavior(item: SequenceItem, root: Container | null): void {
    const { log } = this.rig;
    const attemptWord = item.attempts !== 1 ? 'attempts' : 'attempt';
    const behavior = ERROR_BEHAVIORS[item.errorBehavior] ?? String(item.errorBehavior);
    const prefix = `Instruction ${item.name} failed after ${item.attempts} ${attemptWord}. Error behavior is set to ${behavior}.`;
    item.status = 'FAILED';
    switch (behavior) {
      case 'AbortOnError':
        log.write('ERROR', ORIGIN.errorBehavior, `${prefix} Aborting Sequence!`);
        this.interrupt(root);
        return;
      case 'SkipInstructionSetOnError':
        log.write('ERROR', ORIGIN.errorBehavior, `${prefix} Skipping current instruction set.`);
        this.interrupt(item.parent);
        return;
      case 'SkipToSequenceEndInstructions': {
        log.write('ERROR', ORIGIN.errorBehavior, `${prefix} Skipping to end of sequence instructions.`);
        const [startArea, targetArea] = root?.items ?? [];
        for (const area of [startArea, targetArea]) if (area instanceof Container && area.status === 'RUNNING') this.interrupt(area);
        return;
      }
      default:
        log.write('ERROR', ORIGIN.errorBehavior, `${prefix} Continuing.`);
    }
  }

  /** SequenceItem.Run. */
  private async run(item: SequenceItem, signal: AbortSignal): Promise<void> {
    if (item.status !== 'CREATED') return;
    const { log } = this.rig;
    item.status = 'RUNNING';
    const { controller: local, release } = linkedController(signal);
    item.runAbort = local;
    const root = rootOf(item);
    const leaf = item instanceof Leaf ? item : null;
    try {
      log.info(ORIGIN.run, `Starting ${this.describe(item)}`);
      if (leaf !== null) {
        const issues = validationIssues(this.rig, leaf);
        if (issues.length > 0) {
          this.runErrorBehavior(item, root);
          throw new ValidationFailedError(issues.join(', '));
        }
        if (root !== null) this.runningItems.add(leaf);
      }
      let success = false;
      for (let attempt = 0; attempt < item.attempts && !success; attempt++) {
        try {
          if (leaf !== null) await this.executeLeaf(leaf, local.signal);
          else await this.executeContainer(item as Container, local.signal);
          throwIfAborted(local.signal);
          log.info(ORIGIN.run, `Finishing ${this.describe(item)}`);
          item.status = 'FINISHED';
          success = true;
        } catch (error) {
          if (error instanceof SequenceItemSkippedError || this.isCancellation(error, local.signal)) throw error;
          log.write('ERROR', ORIGIN.runError, `${this.describe(item)} - ${messageOf(error)}`);
          if (root !== null) this.raiseFailure(item, messageOf(error));
        }
      }
      if (!success) this.runErrorBehavior(item, root);
    } catch (error) {
      if (error instanceof ValidationFailedError) {
        log.write('ERROR', ORIGIN.run, `Failed validation: ${this.describe(item)} - ${error.message}`);
        item.status = 'FAILED';
        if (root !== null) this.raiseFailure(item, error.message);
      } else if (error instanceof SequenceItemSkippedError) {
        log.write('WARNING', ORIGIN.unknown, error.message);
        log.write('WARNING', ORIGIN.run, `Skipped ${this.describe(item)}`);
        item.status = 'SKIPPED';
      } else if (this.isCancellation(error, local.signal)) {
        if (signal.aborted) {
          item.status = 'CREATED';
          log.write('DEBUG', ORIGIN.run, `Cancelled ${this.describe(item)}`);
          throw error;
        }
        item.status = 'SKIPPED';
        log.write('DEBUG', ORIGIN.run, `Skipped ${this.describe(item)}`);
      } else {
        throw error;
      }
    } finally {
      if (leaf !== null) this.runningItems.delete(leaf);
      item.runAbort = null;
      release();
    }
  }

  private async executeLeaf(leaf: Leaf, signal: AbortSignal): Promise<void> {
    const needle = (text: string): string => text.toLowerCase();
    const injected = this.injectedFailures.find(
      (failure) => failure.remaining > 0 && [leaf.name, shortName(leaf.type)].some((name) => needle(name) === needle(failure.match)),
    );
    if (injected !== undefined) {
      injected.remaining -= 1;
      if (injected.remaining === 0) this.injectedFailures.splice(this.injectedFailures.indexOf(injected), 1);
      throw new SequenceEntityFailedError(injected.message);
    }
    await executeInstruction(this.context, leaf, signal);
  }

  /** SequenceContainer.Execute: an interrupt (its own token) ends it quietly; a cancel of the run does not. */
  private async executeContainer(container: Container, signal: AbortSignal): Promise<void> {
    const { controller, release } = linkedController(signal);
    container.interruptAbort = controller;
    try {
      await this.runStrategy(container, controller.signal);
    } catch (error) {
      if (signal.aborted || !this.isCancellation(error, controller.signal)) throw error;
    } finally {
      container.interruptAbort = null;
      release();
    }
  }

  /** SequentialStrategy.Execute: blocks of the items while the conditions (own and parents') hold. */
  private async runStrategy(container: Container, signal: AbortSignal): Promise<void> {
    container.iterations = 0;
    this.initializeBlock(container);
    try {
      for (;;) {
        let next = this.nextItem(container);
        if (next === null) break;
        while (next !== null) {
          throwIfAborted(signal);
          await this.runTriggers(container, next, signal);
          await this.run(next, signal);
          next = this.nextItem(container);
        }
        this.finishBlock(container);
        if (this.canContinue(container)) {
          for (const item of container.items) {
            if (item instanceof Container) this.resetAll(item);
            else this.resetProgress(item);
          }
        }
      }
      for (const item of container.items) if (item.status === 'CREATED') this.skipItem(item);
    } finally {
      this.teardownBlock(container);
    }
  }

  private nextItem(container: Container): SequenceItem | null {
    const next = container.items.find((item) => item.status === 'CREATED') ?? null;
    return next !== null && this.canContinue(container) ? next : null;
  }

  /** CanContinue: the container's enabled conditions (or a single pass without any), and its parents'. */
  private canContinue(container: Container): boolean {
    const conditions = container.conditions.filter((condition) => condition.status !== 'DISABLED' && condition.data.kind !== 'unmodelled');
    let canContinue = container.iterations < 1;
    if (conditions.length > 0) {
      canContinue = true;
      for (const condition of conditions) {
        const data = condition.data;
        if (data.kind === 'LoopCondition' && data.completedIterations >= data.iterations) {
          condition.status = 'FINISHED';
          canContinue = false;
        }
      }
    }
    return canContinue && (container.parent === null || this.canContinue(container.parent));
  }

  private finishBlock(container: Container): void {
    container.iterations += 1;
    for (const condition of container.conditions) {
      if (condition.data.kind === 'LoopCondition') condition.data.completedIterations += 1;
    }
  }

  /** SendErrorTrigger.SequenceBlockInitialize: listen to the root's failures while this container runs. */
  private initializeBlock(container: Container): void {
    for (const trigger of container.triggers) {
      if (trigger.data.kind !== 'SendErrorTrigger' || this.failureSubscribers.has(trigger)) continue;
      this.failureSubscribers.set(trigger, (failure) => {
        this.rig.log.write('DEBUG', ORIGIN.trigger, `Detected failure event, sending to websocket: ${failure.entity}, ${failure.error}`);
        this.errorTriggerFired.emit(failure);
      });
    }
  }

  private teardownBlock(container: Container): void {
    for (const trigger of container.triggers) this.failureSubscribers.delete(trigger);
  }

  /** RunTriggers: the container's triggers, then its parents' up to the root's global triggers. */
  private async runTriggers(container: Container, next: SequenceItem, signal: AbortSignal): Promise<void> {
    for (const trigger of [...container.triggers]) {
      if (trigger.status === 'DISABLED' || !this.shouldTrigger(trigger, next)) continue;
      try {
        await this.runTrigger(trigger, signal);
      } catch (error) {
        this.rig.log.write('ERROR', ORIGIN.container, messageOf(error));
      }
    }
    if (container.parent !== null) await this.runTriggers(container.parent, next, signal);
  }

  private shouldTrigger(trigger: Trigger, next: SequenceItem): boolean {
    const data = trigger.data;
    const nextIsLight = next instanceof Leaf && next.instruction.kind === 'TakeExposure' && next.instruction.imageType === 'LIGHT';
    switch (data.kind) {
      case 'DitherAfterExposures':
      case 'AutofocusAfterExposures': {
        if (!nextIsLight || data.afterExposures <= 0) return false;
        if (data.lastTriggerId > this.lightFrames) data.lastTriggerId = 0;
        return data.lastTriggerId < this.lightFrames && this.lightFrames > 0 && this.lightFrames % data.afterExposures === 0;
      }
      case 'AutofocusAfterTimeTrigger':
        return nextIsLight && data.amountMin > 0 && this.rig.clock.nowMs() - data.sinceMs >= data.amountMin * 60_000;
      default:
        return false;
    }
  }

  private triggerIssues(trigger: Trigger): string[] {
    const data = trigger.data;
    if (data.kind === 'DitherAfterExposures' && data.afterExposures > 0 && !this.rig.guider.connected) return ['Guider not connected'];
    if ((data.kind === 'AutofocusAfterExposures' || data.kind === 'AutofocusAfterTimeTrigger') && !this.rig.focuser.connected) return ['Focuser not connected'];
    return [];
  }

  /** The instruction a trigger's TriggerRunner holds: a Dither or a Run Autofocus, outside the tree. */
  private triggerRunnerItem(trigger: Trigger): Leaf {
    if (trigger.data.kind === 'DitherAfterExposures') {
      return new Leaf({ fullName: 'NINA.Sequencer.SequenceItem.Guider.Dither', assembly: 'NINA.Sequencer' }, 'Dither', 'Guider', { kind: 'Dither' });
    }
    return new Leaf({ fullName: 'NINA.Sequencer.SequenceItem.Autofocus.RunAutofocus', assembly: 'NINA.Sequencer' }, 'Run Autofocus', 'Focuser', {
      kind: 'RunAutofocus',
    });
  }

  /** SequenceTrigger.Run: a failure of its instruction is the trigger's failure; a cancel leaves it CREATED. */
  private async runTrigger(trigger: Trigger, signal: AbortSignal): Promise<void> {
    const { log, clock } = this.rig;
    const root = trigger.parent === null ? null : rootOf(trigger.parent);
    trigger.status = 'RUNNING';
    try {
      log.info(ORIGIN.trigger, `Starting ${this.describeTrigger(trigger)}`);
      const issues = this.triggerIssues(trigger);
      if (issues.length > 0) throw new ValidationFailedError(issues.join(', '));
      const data = trigger.data;
      if (data.kind === 'DitherAfterExposures' || data.kind === 'AutofocusAfterExposures') data.lastTriggerId = this.lightFrames;
      const runner = this.triggerRunnerItem(trigger);
      await this.run(runner, signal);
      if (data.kind === 'AutofocusAfterTimeTrigger') data.sinceMs = clock.nowMs();
      if (runner.status === 'FAILED') throw new SequenceEntityFailedError(`${this.describe(runner)} failed to exectue`);
      trigger.status = 'FINISHED';
    } catch (error) {
      if (!(error instanceof ValidationFailedError) && this.isCancellation(error, signal)) {
        trigger.status = 'CREATED';
        return;
      }
      trigger.status = 'FAILED';
      const prefix = error instanceof ValidationFailedError ? 'Failed validation' : 'Failed';
      log.write('ERROR', ORIGIN.trigger, `${prefix}: ${this.describeTrigger(trigger)} - ${messageOf(error)}`);
      if (root !== null) this.raiseFailure(trigger, messageOf(error));
    }
  }

  /** The sequencer as a test control reports it. */
  snapshot(): Record<string, unknown> {
    const entity = (item: SequenceItem): Record<string, unknown> => ({
      name: item.name,
      type: shortName(item.type),
      status: item.status,
      ...(item instanceof Leaf && item.instruction.kind === 'TakeExposure'
        ? { exposureCount: item.instruction.exposureCount, light: isLightFrame(item.instruction) }
        : {}),
      ...(item instanceof Container
        ? {
            items: item.items.map(entity),
            conditions: item.conditions.map((c) => ({ name: c.name, status: c.status, ...(c.data.kind === 'LoopCondition' ? { completedIterations: c.data.completedIterations, iterations: c.data.iterations } : {}) })),
            triggers: item.triggers.map((t) => ({ name: t.name, status: t.status })),
          }
        : {}),
    });
    return {
      initialized: this.initialized,
      running: this.running,
      title: this.root.name,
      runningItems: this.runningInstructions().map((item) => item.name),
      lightFrames: this.lightFrames,
      waitScale: this.waitScale,
      injectedFailures: this.injectedFailures,
      root: entity(this.root),
    };
  }
}
