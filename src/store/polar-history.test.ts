import { describe, expect, it } from 'vitest';
import type { TppaMessage } from '../nina/schemas/tppa';
import type { TppaMessageContext } from '../nina/sockets/tppa';
import { applyTppaMessage, currentRun, emptySession, idleLive, POLAR_END_GRACE_MS, POLAR_READING_LIMIT, POLAR_RUN_LIMIT, type PolarSession, type TppaLive } from './polar-history';

const own = (tolerance?: number): TppaMessageContext => ({ own: true, startOptions: tolerance === undefined ? {} : { AlignmentTolerance: tolerance } });
const other: TppaMessageContext = { own: false };
const confirmation = (action: 'start' | 'stop' | 'pause' | 'resume'): TppaMessage => ({ kind: 'confirmation', action: `${action}-alignment`, text: `${action}ed procedure` });
const progress = (status: string, fraction?: number): TppaMessage => ({ kind: 'progress', status, fraction });
const reading = (totalArcmin: number): TppaMessage => ({ kind: 'alignment-error', azimuthDeg: totalArcmin / 60, altitudeDeg: 0, totalDeg: totalArcmin / 60 });

/** Feeds messages one second apart, from t = 1000. */
function play(steps: readonly (readonly [TppaMessage, TppaMessageContext?])[], start: { session: PolarSession; live: TppaLive } = { session: emptySession, live: idleLive }) {
  let state = start;
  steps.forEach(([message, context], index) => {
    state = applyTppaMessage(state.session, state.live, message, context ?? other, 1_000 * (index + 1));
  });
  return state;
}

describe('applyTppaMessage', () => {
  it('opens a run on this browser’s start, keeping the tolerance it sent', () => {
    const { session, live } = play([[confirmation('start'), own(1.5)]]);
    expect(session.runs).toHaveLength(1);
    expect(currentRun(session)).toMatchObject({ id: 1, status: 'running', toleranceArcmin: 1.5, phase: 'measuring', point: 1, joinedLate: false });
    expect(live.pause).toBe('none');
  });

  it('does not know the tolerance of a run another client started', () => {
    const { session } = play([[confirmation('start'), other]]);
    expect(currentRun(session)?.toleranceArcmin).toBeNull();
  });

  it('counts the three measurement points from TPPA’s moves, then the calculation', () => {
    const { session, live } = play([
      [confirmation('start'), own()],
      [progress('Capturing new image to solve...')],
      [progress('Solving image...')],
      [progress('Moving to next point', 0.2)],
      [progress('Moving to next point', 0.7)],
      [progress('Settling 2 s / 5 s', 0.4)],
    ]);
    expect(currentRun(session)?.point).toBe(2);
    expect(live).toMatchObject({ status: 'Settling 2 s / 5 s', fraction: 0.4 });
    const later = play([[progress('Move mount along RA axis! 2°/10°')], [progress('Move mount along RA axis! 5°/10°')], [progress('Moved far enough. Stop axis rotation now!')]], { session, live });
    expect(currentRun(later.session)?.point).toBe(3);
    const calculating = play([[progress('Moving to next point')], [progress('Calculating Error')]], later);
    expect(currentRun(calculating.session)).toMatchObject({ point: 3, phase: 'calculating' });
  });

  it('records readings and ends the run as aligned when one is within the tolerance it sent', () => {
    const { session, live } = play([[confirmation('start'), own(1)], [reading(12)], [reading(4)], [reading(0.8)]]);
    const run = session.runs.at(-1)!;
    expect(run.readings.map((r) => Math.round(r.totalDeg * 60 * 10) / 10)).toEqual([12, 4, 0.8]);
    expect(run).toMatchObject({ status: 'aligned', endedAtMs: 4_000, phase: 'adjusting' });
    expect(currentRun(session)).toBeUndefined();
    expect(live.status).toBeUndefined();
  });

  it('never ends a run by itself with a tolerance of 0 or an unknown one', () => {
    expect(currentRun(play([[confirmation('start'), own(0)], [reading(0.1)]]).session)?.status).toBe('running');
    expect(currentRun(play([[confirmation('start'), own()], [reading(0.1)]]).session)?.status).toBe('running');
  });

  it('ends the run on a stop confirmation, whoever sent it', () => {
    const { session } = play([[confirmation('start'), own()], [reading(3)], [confirmation('stop'), other]]);
    expect(session.runs.at(-1)).toMatchObject({ status: 'stopped', endedAtMs: 3_000 });
  });

  it('follows pause: requested on the confirmation, paused once TPPA says so, over on resume', () => {
    let state = play([[confirmation('start'), own()], [confirmation('pause')]]);
    expect(state.live.pause).toBe('requested');
    state = play([[progress('Solving image...')]], state);
    expect(state.live.pause).toBe('requested');
    state = play([[progress('Paused')]], state);
    expect(state.live.pause).toBe('paused');
    state = play([[confirmation('resume')]], state);
    expect(state.live.pause).toBe('none');
  });

  it('joins a run it did not see start, from its progress or readings', () => {
    const { session } = play([[progress('Solving image...')], [reading(5)]]);
    expect(session.runs).toHaveLength(1);
    expect(currentRun(session)).toMatchObject({ joinedLate: true, point: null, toleranceArcmin: null });
    expect(currentRun(session)?.readings).toHaveLength(1);
  });

  it('does not open a run for messages that were in flight when the last one ended', () => {
    const ended = play([[confirmation('start'), own()], [confirmation('stop')]]);
    const late = applyTppaMessage(ended.session, ended.live, progress('Solving image...'), other, 2_000 + POLAR_END_GRACE_MS - 1);
    expect(late.session).toBe(ended.session);
    const afterGrace = applyTppaMessage(ended.session, ended.live, progress('Solving image...'), other, 2_000 + POLAR_END_GRACE_MS);
    expect(afterGrace.session.runs).toHaveLength(2);
  });

  it('keeps the running run when another start is confirmed (TPPA ignores it)', () => {
    const { session } = play([[confirmation('start'), own(2)], [reading(10)], [confirmation('start'), other]]);
    expect(session.runs).toHaveLength(1);
    expect(currentRun(session)?.toleranceArcmin).toBe(2);
  });

  it('changes only the live state for progress, so the saved history is not rewritten', () => {
    const started = play([[confirmation('start'), own()]]);
    const next = applyTppaMessage(started.session, started.live, progress('Solving image...'), other, 5_000);
    expect(next.session).toBe(started.session);
    expect(next.live.lastMessageAtMs).toBe(5_000);
  });

  it('shows an unreadable message or a refusal as a problem', () => {
    const { live } = play([[{ kind: 'unreadable', problem: 'TPPA sent an error reading Skydeck cannot read', raw: '{}' }]]);
    expect(live.problem).toEqual({ text: 'TPPA sent an error reading Skydeck cannot read', atMs: 1_000 });
    expect(play([[{ kind: 'refusal', text: 'Nope' }]]).live.problem?.text).toBe('NINA: Nope');
  });

  it('bounds the readings of a run and the number of runs', () => {
    const many = Array.from({ length: POLAR_READING_LIMIT + 5 }, () => [reading(3)] as const);
    const { session } = play([[confirmation('start'), own()], ...many]);
    expect(currentRun(session)?.readings).toHaveLength(POLAR_READING_LIMIT);
    const runs = Array.from({ length: POLAR_RUN_LIMIT + 3 }, () => [[confirmation('start'), own()], [confirmation('stop')]] as const).flat();
    expect(play(runs).session.runs).toHaveLength(POLAR_RUN_LIMIT);
  });
});
