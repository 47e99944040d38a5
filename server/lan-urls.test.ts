import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { browserUrls, localUrl } from './lan-urls';

function address(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const common = { address, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

const interfaces = {
  lo: [address('127.0.0.1', 'IPv4', true), address('::1', 'IPv6', true)],
  wlan0: [address('192.168.1.50', 'IPv4'), address('fe80::1', 'IPv6')],
  eth0: [address('10.0.0.7', 'IPv4')],
};

describe('browserUrls', () => {
  it('lists localhost and every LAN IPv4 address when listening everywhere', () => {
    expect(browserUrls('0.0.0.0', 8080, interfaces)).toEqual([
      'http://localhost:8080',
      'http://192.168.1.50:8080',
      'http://10.0.0.7:8080',
    ]);
  });

  it('lists only the address the server is bound to otherwise', () => {
    expect(browserUrls('192.168.1.50', 9000, interfaces)).toEqual(['http://192.168.1.50:9000']);
    expect(browserUrls('::1', 9000, interfaces)).toEqual(['http://[::1]:9000']);
  });
});

describe('localUrl', () => {
  it('uses localhost for a wildcard host and the host itself otherwise', () => {
    expect(localUrl('0.0.0.0', 8080)).toBe('http://localhost:8080');
    expect(localUrl('127.0.0.1', 4321)).toBe('http://127.0.0.1:4321');
  });
});
