import { describe, expect, it } from 'vitest';
import { ninaAddressSchema, resolveEndpoints } from './endpoints';

describe('resolveEndpoints', () => {
  it('uses the page origin through Skydeck’s server, with wss under https', () => {
    expect(resolveEndpoints({ mode: 'server', protocol: 'http', host: 'x', port: 1 }, { protocol: 'https:', host: 'deck.local:8443' })).toMatchObject({
      httpBase: 'https://deck.local:8443',
      socketBase: 'wss://deck.local:8443',
    });
  });

  it('talks to NINA directly on its port', () => {
    const endpoints = resolveEndpoints({ mode: 'direct', protocol: 'http', host: '192.168.1.20', port: 1888 }, { protocol: 'http:', host: 'x' });
    expect(endpoints).toEqual({
      httpBase: 'http://192.168.1.20:1888',
      socketBase: 'ws://192.168.1.20:1888',
      label: 'http://192.168.1.20:1888',
      mode: 'direct',
    });
  });

  it('brackets IPv6 hosts', () => {
    expect(resolveEndpoints({ mode: 'direct', protocol: 'http', host: 'fe80::1', port: 1888 }, { protocol: 'http:', host: 'x' }).httpBase).toBe(
      'http://[fe80::1]:1888',
    );
  });
});

describe('ninaAddressSchema', () => {
  it('rejects a URL typed into the host field, saying why', () => {
    const result = ninaAddressSchema.safeParse({ mode: 'direct', protocol: 'http', host: 'http://nina:1888/', port: 1888 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('without http://');
  });

  it('rejects ports out of range', () => {
    expect(ninaAddressSchema.safeParse({ mode: 'direct', protocol: 'http', host: 'nina', port: 70000 }).success).toBe(false);
  });
});
