import { z } from 'zod';

/**
 * Where NINA is. Through Skydeck's server, the browser talks to its own origin and the server
 * proxies `/v2/*` to NINA (no CORS needed). Direct, the browser talks to the Advanced API itself,
 * which needs the plugin's CORS option on (notes §1.1).
 */
export const ninaAddressSchema = z.object({
  mode: z.enum(['server', 'direct']),
  protocol: z.enum(['http', 'https']),
  host: z
    .string()
    .trim()
    .min(1, 'Enter the NINA PC’s name or IP address')
    .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'Use a host name or IP address only, without http:// or a path'),
  port: z.number().int().min(1, 'Port must be 1–65535').max(65535, 'Port must be 1–65535'),
});
export type NinaAddress = z.infer<typeof ninaAddressSchema>;

/** The Advanced API's default port (notes §1); it moves to 1889+ when 1888 is taken. */
export const DEFAULT_NINA_PORT = 1888;

export const defaultNinaAddress: NinaAddress = { mode: 'server', protocol: 'http', host: 'localhost', port: DEFAULT_NINA_PORT };

export interface NinaEndpoints {
  /** Base for REST: `${httpBase}/v2/api/...` */
  httpBase: string;
  /** Base for sockets: `${socketBase}/v2/socket` */
  socketBase: string;
  /** What a person should read as "where Skydeck is trying to reach NINA". */
  label: string;
  mode: NinaAddress['mode'];
}

export function resolveEndpoints(address: NinaAddress, page: Pick<Location, 'protocol' | 'host'>): NinaEndpoints {
  if (address.mode === 'server') {
    const origin = `${page.protocol}//${page.host}`;
    return {
      httpBase: origin,
      socketBase: `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}`,
      label: `NINA through Skydeck's server (${page.host})`,
      mode: 'server',
    };
  }
  const host = address.host.includes(':') && !address.host.startsWith('[') ? `[${address.host}]` : address.host;
  const authority = `${host}:${address.port}`;
  return {
    httpBase: `${address.protocol}://${authority}`,
    socketBase: `${address.protocol === 'https' ? 'wss' : 'ws'}://${authority}`,
    label: `${address.protocol}://${authority}`,
    mode: 'direct',
  };
}
