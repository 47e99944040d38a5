import { describe, expect, it } from 'vitest';
import { describeUpstreamFailure, proxyErrorBody } from './proxy-error';

function systemError(code: string, message = `connect ${code} 192.168.1.20:1888`): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeUpstreamFailure', () => {
  it('names the socket error that reply-from wrapped in its own', () => {
    const cause = systemError('ECONNREFUSED');
    const wrapped = Object.assign(new Error(cause.message, { cause }), {
      code: 'FST_REPLY_FROM_INTERNAL_SERVER_ERROR',
    });
    expect(describeUpstreamFailure(wrapped)).toEqual({ code: 'ECONNREFUSED', message: 'Connection refused' });
  });

  it.each([
    ['EHOSTUNREACH', 'Host unreachable'],
    ['ENOTFOUND', 'Host name not found'],
    ['ETIMEDOUT', 'Connection timed out'],
    ['ENETUNREACH', 'Network unreachable'],
  ])('explains %s in plain English', (code, message) => {
    expect(describeUpstreamFailure(systemError(code))).toEqual({ code, message });
  });

  it('reports undici timeouts and resets with the system code the UI knows', () => {
    expect(describeUpstreamFailure(new Error('x', { cause: systemError('UND_ERR_CONNECT_TIMEOUT') }))).toEqual({
      code: 'ETIMEDOUT',
      message: 'Connection timed out',
    });
    expect(describeUpstreamFailure(systemError('UND_ERR_SOCKET')).code).toBe('ECONNRESET');
  });

  it('looks inside the per-address errors of a happy-eyeballs connect', () => {
    const aggregate = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], '');
    expect(describeUpstreamFailure(aggregate).code).toBe('ECONNREFUSED');
  });

  it('keeps the innermost message for a failure it has no name for', () => {
    expect(describeUpstreamFailure(new Error('outer', { cause: new Error('certificate has expired') }))).toEqual({
      code: 'EPROXY',
      message: 'certificate has expired',
    });
    expect(describeUpstreamFailure('not an error')).toEqual({ code: 'EPROXY', message: 'NINA could not be reached' });
  });
});

describe('proxyErrorBody', () => {
  it('wraps the failure with the address Skydeck tried', () => {
    const failure = { code: 'ECONNREFUSED', message: 'Connection refused' };
    expect(proxyErrorBody(failure, 'http://192.168.1.20:1888')).toEqual({
      SkydeckProxyError: { code: 'ECONNREFUSED', message: 'Connection refused', target: 'http://192.168.1.20:1888' },
    });
  });
});
