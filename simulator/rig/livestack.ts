// The Livestack plugin (isbeorn's nina.plugin.livestack, ≥ 1.0.1.7) as its dockable runs it: the
// Advanced API starts and stops it through the message broker (Livestack_LivestackDockable_Start/
// StopLiveStack) and listens to its two broadcasts, the status (LiveStackStatus Running/Stopped) and
// a stack update per stacked frame.
//
// While running it takes every saved LIGHT or SNAPSHOT frame (the plugin hooks the image-save
// mediator and accepts both types; frames that are never saved, like TPPA's or autofocus', never
// reach it), skips frames with fewer than 8 stars, and stacks each into the tab of its target and
// filter ("No_target"/"No_filter" when empty), one frame at a time. A colour combination of three
// filter tabs of one target (the plugin's wizard; a test control here) is refreshed and broadcast
// as "RGB" after each frame of that target. A stop drops the frame being stacked and the queue.

import { Signal } from './device';
import type { ImageTypeName } from './imaging/frame-renderer';
import type { Imaging, SavedImage } from './imaging/imaging';
import { STRETCH_DEFAULTS } from './imaging/profile';
import type { GreyImage, StretchParameters } from './imaging/stretch';
import { colorPicture, geometryOf, MonoStack, monoPicture, overlaps, type RgbImage } from './livestack-stack';
import type { LogOrigin, NinaLog } from './nina-log';
import { ClockDisposedError, type SimClock } from './sim-clock';

export const NO_TARGET = 'No_target';
export const NO_FILTER = 'No_filter';
export const COLOR_FILTER = 'RGB';
/** Frames the plugin takes from the image-save mediator. */
const STACKED_TYPES: readonly ImageTypeName[] = ['LIGHT', 'SNAPSHOT'];
const MINIMUM_STARS = 8;
/** Calibrating, registering, adding and re-rendering a 26-megapixel frame. */
const STACK_FRAME_MS = 1_800;
/** The plugin renders its tabs with its own default stretch, which is NINA's. */
const STACK_STRETCH: StretchParameters = { factor: STRETCH_DEFAULTS.factor, blackClipping: STRETCH_DEFAULTS.blackClipping };

const ORIGIN = {
  dockable: { source: 'LivestackDockable.cs', member: 'StartLiveStack', line: 96 },
  stack: { source: 'LivestackDockable.cs', member: 'StatusUpdate', line: 371 },
} as const satisfies Record<string, LogOrigin>;

/** The LiveStackStatus enum, whose name the status broadcast carries. */
export type LiveStackStatus = 'Running' | 'Stopped';

export type StackPicture = { kind: 'mono'; image: GreyImage } | { kind: 'color'; image: RgbImage };

/** LiveStackBroadcastContent: mono tabs carry StackCount, colour tabs the three channel counts. */
export interface StackUpdate {
  filter: string;
  target: string;
  isMonochrome: boolean;
  stackCount: number | null;
  redStackCount: number | null;
  greenStackCount: number | null;
  blueStackCount: number | null;
  /** The tab's stretched stack as of this update, rendered when first asked for. */
  picture: () => StackPicture;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

export interface LiveStackDevices {
  clock: SimClock;
  log: NinaLog;
  imaging: Imaging;
}

interface ColorCombination {
  target: string;
  red: MonoStack;
  green: MonoStack;
  blue: MonoStack;
}

interface Session {
  abort: AbortController;
  queue: SavedImage[];
  wake: (() => void) | null;
}

export class LiveStack {
  /** Livestack_LivestackDockable_StatusBroadcast. */
  readonly statusBroadcast = new Signal<LiveStackStatus>();
  /** Livestack_LivestackDockable_StackUpdateBroadcast. */
  readonly stackUpdateBroadcast = new Signal<StackUpdate>();
  private session: Session | null = null;
  private readonly tabs: MonoStack[] = [];
  private readonly combinations: ColorCombination[] = [];

  constructor(private readonly devices: LiveStackDevices) {
    devices.imaging.imageSaved.subscribe((image) => this.onImageSaved(image));
  }

  get running(): boolean {
    return this.session !== null;
  }

  /** StartLiveStack. A second start while running does nothing (the dockable's command is busy; inferred). */
  start(): void {
    if (this.session !== null) return;
    const session: Session = { abort: new AbortController(), queue: [], wake: null };
    this.session = session;
    void this.work(session);
  }

  /** StopLiveStack: cancels the running session; nothing happens when none runs. */
  stop(): void {
    this.session?.abort.abort(new Error('Live stack stopped'));
    this.session?.wake?.();
  }

  /**
   * The colour combination wizard: red, green and blue are tabs of `target`. Broadcast as "RGB"
   * from the next stacked frame of that target on. False when a channel has no tab yet.
   */
  combineColors(target: string, filters: { red: string; green: string; blue: string }): boolean {
    const tab = (filter: string): MonoStack | undefined => this.tabs.find((stack) => stack.target === target && stack.filter === filter);
    const [red, green, blue] = [tab(filters.red), tab(filters.green), tab(filters.blue)];
    if (red === undefined || green === undefined || blue === undefined) return false;
    const existing = this.combinations.findIndex((combination) => combination.target === target);
    if (existing !== -1) this.combinations.splice(existing, 1);
    this.combinations.push({ target, red, green, blue });
    return true;
  }

  snapshot(): Record<string, unknown> {
    return {
      running: this.running,
      queued: this.session?.queue.length ?? 0,
      tabs: this.tabs.map((stack) => ({ target: stack.target, filter: stack.filter, stackCount: stack.count, noiseAdu: stack.noiseAdu() })),
      colorCombinations: this.combinations.map(({ target, red, green, blue }) => ({
        target,
        red: red.filter,
        green: green.filter,
        blue: blue.filter,
        counts: [red.count, green.count, blue.count],
      })),
    };
  }

  private onImageSaved(image: SavedImage): void {
    const session = this.session;
    if (session === null || !STACKED_TYPES.includes(image.frame.meta.imageType)) return;
    session.queue.push(image);
    session.wake?.();
  }

  private async work(session: Session): Promise<void> {
    const { clock, log } = this.devices;
    const signal = session.abort.signal;
    let disposed = false;
    await Promise.resolve();
    this.statusBroadcast.emit('Running');
    try {
      while (!signal.aborted) {
        const image = session.queue.shift();
        if (image === undefined) {
          await new Promise<void>((resolve) => (session.wake = resolve));
          session.wake = null;
          continue;
        }
        const { stars } = image.frame.stars;
        if (stars < MINIMUM_STARS) {
          log.info(ORIGIN.stack, `Skipping frame as not enough stars have been detected (${stars})`);
          continue;
        }
        log.info(ORIGIN.stack, `Received new frame - ${image.fileName}`);
        await clock.sleep(STACK_FRAME_MS, signal);
        this.stackFrame(image);
      }
    } catch (error) {
      disposed = error instanceof ClockDisposedError;
      if (!signal.aborted && !disposed) log.write('ERROR', ORIGIN.dockable, String(error));
    } finally {
      for (const image of session.queue.splice(0)) log.info(ORIGIN.stack, `Flushing queue - ${image.fileName}`);
      this.session = null;
      if (!disposed) this.statusBroadcast.emit('Stopped');
    }
  }

  private stackFrame(image: SavedImage): void {
    const { imaging, log } = this.devices;
    const { meta } = image.frame;
    const target = meta.targetName.trim() === '' ? NO_TARGET : meta.targetName;
    const filter = meta.filterName === null || meta.filterName.trim() === '' ? NO_FILTER : meta.filterName;
    const rendered = imaging.render(image.frame);
    const geometry = geometryOf(image.frame.params, rendered);
    let tab = this.tabs.find((stack) => stack.target === target && stack.filter === filter);
    if (tab === undefined) {
      tab = new MonoStack(target, filter, rendered, geometry);
      this.tabs.push(tab);
    } else if (!overlaps(tab.geometry, geometry) || !tab.add(rendered, geometry)) {
      log.write('ERROR', ORIGIN.stack, `Unable to align frame to the reference of ${target} ${filter} - ${image.fileName}`);
      return;
    }
    log.info(ORIGIN.stack, `Rendering stack - ${image.fileName}`);
    const snapshot = tab.snapshot();
    this.stackUpdateBroadcast.emit({
      filter,
      target,
      isMonochrome: true,
      stackCount: tab.count,
      redStackCount: null,
      greenStackCount: null,
      blueStackCount: null,
      picture: once(() => ({ kind: 'mono', image: monoPicture(snapshot, STACK_STRETCH) })),
    });
    const combination = this.combinations.find((candidate) => candidate.target === target);
    if (combination === undefined) return;
    const { red, green, blue } = combination;
    // The wizard's tabs must share stars with the red one; the plugin's refresh fails quietly otherwise.
    if (!overlaps(red.geometry, green.geometry) || !overlaps(red.geometry, blue.geometry)) return;
    const channels = [red.snapshot(), green.snapshot(), blue.snapshot()] as const;
    const picture = once((): StackPicture => {
      const image = colorPicture(...channels, STACK_STRETCH);
      if (image === null) throw new Error('The colour channels could not be aligned');
      return { kind: 'color', image };
    });
    this.stackUpdateBroadcast.emit({
      filter: COLOR_FILTER,
      target,
      isMonochrome: false,
      stackCount: null,
      redStackCount: combination.red.count,
      greenStackCount: combination.green.count,
      blueStackCount: combination.blue.count,
      picture,
    });
  }
}
