import type { GuideGraph, GuideStep, NinaGuideRms, NinaGuideScale } from '../schemas/guider';

/**
 * The guide graph as Skydeck keeps it: NINA's window (HistorySize, often 100 steps) extended with
 * the steps seen on earlier polls, so a 400-step view works whatever NINA's own setting is.
 */

/** The longest window the graph offers (PHD2's and NINA's largest history setting). */
export const GUIDE_HISTORY_CAPACITY = 400;

export interface GuideHistory {
  /** NINA's ChangeId of the last graph merged in. */
  changeId?: number;
  /** Oldest first, at most GUIDE_HISTORY_CAPACITY, contiguous in NINA's step ids. */
  steps: readonly GuideStep[];
  pixelScaleArcsecPerPx?: number;
  /** NINA's own graph settings and its RMS over its own window. */
  ninaScale?: NinaGuideScale;
  ninaHistorySize?: number;
  ninaRms?: NinaGuideRms;
}

const sameStep = (a: GuideStep, b: GuideStep) =>
  a.id === b.id && a.dither === b.dither && Object.is(a.raPx, b.raPx) && Object.is(a.decPx, b.decPx);

function fromGraph(graph: GuideGraph, steps: readonly GuideStep[]): GuideHistory {
  return {
    changeId: graph.changeId,
    steps,
    pixelScaleArcsecPerPx: graph.pixelScaleArcsecPerPx,
    ninaScale: graph.scale,
    ninaHistorySize: graph.historySize,
    ninaRms: graph.rms,
  };
}

/**
 * Adds a new `guider/graph` reply to what was kept. An unchanged reply (same ChangeId and pixel
 * scale, which NINA changes without a new ChangeId) returns `previous` itself, so nothing
 * downstream re-renders. The kept steps are dropped whenever the reply does not continue them:
 * NINA cleared its graph (ids restart at 0), NINA restarted (ChangeId went back), or Skydeck
 * missed steps while it was not looking (no overlap), because a graph stitched across a gap
 * would show a night that did not happen.
 */
export function mergeGuideGraph(previous: GuideHistory | undefined, graph: GuideGraph, capacity = GUIDE_HISTORY_CAPACITY): GuideHistory {
  const fresh = () => fromGraph(graph, graph.steps.slice(-capacity));
  if (!previous) return fresh();
  if (graph.changeId !== undefined && graph.changeId === previous.changeId && graph.pixelScaleArcsecPerPx === previous.pixelScaleArcsecPerPx) {
    return previous;
  }
  if (graph.changeId !== undefined && previous.changeId !== undefined && graph.changeId < previous.changeId) return fresh();
  const last = previous.steps.at(-1);
  if (!last) return fresh();
  const overlap = graph.steps.findIndex((step) => step.id === last.id);
  const overlapping = graph.steps[overlap];
  if (!overlapping || !sameStep(overlapping, last)) return fresh();
  const added = graph.steps.slice(overlap + 1);
  return fromGraph(graph, added.length === 0 ? previous.steps : [...previous.steps, ...added].slice(-capacity));
}

/** The newest `count` entries of the history, dither markers included. */
export function latestSteps(history: GuideHistory | undefined, count: number): readonly GuideStep[] {
  if (!history) return [];
  return history.steps.length <= count ? history.steps : history.steps.slice(-count);
}

/**
 * The guide steps `next` adds to `previous` (dither markers left out), or none when `next` does
 * not continue it: the first read of a graph holds steps of unknown age, and a restarted graph
 * has nothing to do with what came before.
 */
export function stepsAddedSince(previous: GuideHistory | undefined, next: GuideHistory): readonly GuideStep[] {
  if (!previous || previous === next) return [];
  const last = previous.steps.at(-1);
  if (!last) return [];
  const overlap = next.steps.findIndex((step) => step.id === last.id);
  if (overlap === -1) return [];
  return next.steps.slice(overlap + 1).filter((step) => !step.dither);
}
