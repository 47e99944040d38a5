import { describe, expect, it, vi } from 'vitest';
import { createNinaHttp } from '../http';
import { sequenceTreeSchema } from '../schemas/sequence';
import { carryExposureBaselines, sendSequenceCommand } from './sequence';

const ok = (response: unknown) => new Response(JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'API' }));
const failure = (error: string, statusCode: number) => new Response(JSON.stringify({ Response: '', Error: error, StatusCode: statusCode, Success: false, Type: 'API' }));

function fakeNina(reply: () => Response) {
  const fetchImpl = vi.fn(async (_url: string, _init?: RequestInit) => reply());
  return { http: createNinaHttp('http://nina:1888', fetchImpl as unknown as typeof fetch), fetchImpl };
}

describe('sendSequenceCommand', () => {
  it('starts with skipValidation as true/false, never as a bare flag', async () => {
    const { http, fetchImpl } = fakeNina(() => ok('Sequence started'));
    await expect(sendSequenceCommand(http, { kind: 'start', skipValidation: false })).resolves.toBe('Sequence started');
    await sendSequenceCommand(http, { kind: 'start', skipValidation: true });
    expect(fetchImpl.mock.calls.map(([url]) => url)).toEqual([
      'http://nina:1888/v2/api/sequence/start?skipValidation=false',
      'http://nina:1888/v2/api/sequence/start?skipValidation=true',
    ]);
  });

  it('skips only the items running now', async () => {
    const { http, fetchImpl } = fakeNina(() => ok('Skipped'));
    await sendSequenceCommand(http, { kind: 'skip-current' });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe('http://nina:1888/v2/api/sequence/skip?type=CurrentItems');
  });

  it('loads a saved sequence by its name from list-available, subfolder and spaces included', async () => {
    const { http, fetchImpl } = fakeNina(() => ok('Sequence updated'));
    await sendSequenceCommand(http, { kind: 'load-saved', name: 'sub/Test short' });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe('http://nina:1888/v2/api/sequence/load?sequenceName=sub%2FTest+short');
  });

  it('POSTs a built sequence as the body of sequence/load', async () => {
    const { http, fetchImpl } = fakeNina(() => ok('Sequence updated'));
    const json = '{"$type":"NINA.Sequencer.Container.SequenceRootContainer, NINA.Sequencer"}';
    await expect(sendSequenceCommand(http, { kind: 'load-json', json })).resolves.toBe('Sequence updated');
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('http://nina:1888/v2/api/sequence/load');
    expect(init).toMatchObject({ method: 'POST', body: json });
  });

  it('shows NINA’s own error, and says where to look when it is only the catch-all “Unknown error”', async () => {
    const running = fakeNina(() => failure('Sequence is already running', 400));
    await expect(sendSequenceCommand(running.http, { kind: 'load-json', json: '{}' })).rejects.toMatchObject({ kind: 'nina', message: 'Sequence is already running' });

    const unreadable = fakeNina(() => failure('Unknown error', 500));
    await expect(sendSequenceCommand(unreadable.http, { kind: 'load-json', json: '[]' })).rejects.toMatchObject({
      kind: 'nina',
      ninaError: 'Unknown error',
      message: expect.stringMatching(/^Unknown error: NINA could not read the sequence.*NINA's log/),
    });
  });

  it('passes NINA’s refusals of the other commands through unchanged', async () => {
    const { http } = fakeNina(() => failure('Sequence not running', 409));
    await expect(sendSequenceCommand(http, { kind: 'skip-current' })).rejects.toMatchObject({ message: 'Sequence not running', statusCode: 409 });
  });
});

const takeMany = (status: string, exposureCount: number) =>
  sequenceTreeSchema.parse([
    { GlobalTriggers: [] },
    { Name: 'Targets_Container', Status: status === 'CREATED' ? 'CREATED' : 'RUNNING', Items: [{ Name: 'Take Many Exposures', Status: status, ExposureTime: 60, ExposureCount: exposureCount, Iterations: 5 }] },
  ]);

describe('carryExposureBaselines', () => {
  it('remembers the count Take Many Exposures had while it waited, since NINA never resets it', () => {
    const waiting = carryExposureBaselines(undefined, takeMany('CREATED', 10));
    expect(waiting.areas[0]?.items[0]?.exposure?.countAtStart).toBe(10);
    const running = carryExposureBaselines(waiting, takeMany('RUNNING', 12));
    expect(running.areas[0]?.items[0]?.exposure).toMatchObject({ exposureCount: 12, countAtStart: 10 });
  });

  it('counts from 0 for an item first seen already running', () => {
    expect(carryExposureBaselines(undefined, takeMany('RUNNING', 3)).areas[0]?.items[0]?.exposure?.countAtStart).toBe(0);
  });
});
