import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The address this machine itself can open; for a wildcard host that is localhost. */
export function localUrl(host: string, port: number): string {
  return urlFor(WILDCARD_HOSTS.has(host) ? 'localhost' : host, port);
}

/**
 * The addresses to type into a browser to reach a server listening on host:port. For a wildcard host that is
 * localhost plus each LAN IPv4 address, so a phone on the same Wi-Fi can be pointed at one.
 */
export function browserUrls(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (!WILDCARD_HOSTS.has(host)) return [urlFor(host, port)];
  const lanAddresses = Object.values(interfaces)
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => urlFor(address.address, port));
  return [localUrl(host, port), ...new Set(lanAddresses)];
}
