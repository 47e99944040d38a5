import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useActivityStore } from '../../store/activity';
import { ninaKeys } from '../api/keys';
import type { NinaHttp } from '../http';
import type { NinaEvent } from '../schemas/events';
import { sequenceEvents } from './sequence';

const BASE = 'http://nina:1888';
const http = { baseUrl: BASE } as NinaHttp;

function setup() {
  const queryClient = new QueryClient();
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  return { queryClient, invalidate };
}

const event = (name: string): NinaEvent => ({ name, known: false, data: {} });

afterEach(() => useActivityStore.getState().setSequenceRunning(false));

describe('sequenceEvents', () => {
  it('rereads the sequence tree on SEQUENCE-STARTING, -FINISHED and -ENTITY-FAILED', () => {
    for (const name of ['SEQUENCE-STARTING', 'SEQUENCE-FINISHED', 'SEQUENCE-ENTITY-FAILED']) {
      const { queryClient, invalidate } = setup();
      sequenceEvents([event(name)], { http, queryClient });
      expect(invalidate).toHaveBeenCalledWith({ queryKey: ninaKeys.sequenceTree(BASE) });
    }
  });

  it('rereads it after a saved frame only while a sequence runs', () => {
    const idle = setup();
    sequenceEvents([event('IMAGE-SAVE')], { http, queryClient: idle.queryClient });
    expect(idle.invalidate).not.toHaveBeenCalled();

    useActivityStore.getState().setSequenceRunning(true);
    const running = setup();
    sequenceEvents([event('IMAGE-SAVE'), event('IMAGE-SAVE')], { http, queryClient: running.queryClient });
    expect(running.invalidate).toHaveBeenCalledTimes(1);
  });

  it('ignores everything else', () => {
    const { queryClient, invalidate } = setup();
    sequenceEvents([event('GUIDER-DITHER'), event('FILTERWHEEL-CHANGED')], { http, queryClient });
    expect(invalidate).not.toHaveBeenCalled();
  });
});
