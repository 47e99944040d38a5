// The plugin's HttpResponse envelope (notes §2.1, CoreUtility.cs:251-261).

import type { NetValue } from './net-values';

export type EnvelopeType = 'API' | 'Socket';

export interface Envelope {
  Response: NetValue;
  Error: string;
  StatusCode: number;
  Success: boolean;
  Type: EnvelopeType;
}

export function ok(response: NetValue, type: EnvelopeType = 'API'): Envelope {
  return { Response: response, Error: '', StatusCode: 200, Success: true, Type: type };
}

/** `CreateErrorTable`: the message goes in Error, Response is "" and Type is always "API". */
export function err(message: string, statusCode: number): Envelope {
  return { Response: '', Error: message, StatusCode: statusCode, Success: false, Type: 'API' };
}

/** CommonErrors.UNKNOWN_ERROR, what every handler's catch-all replies. */
export const unknownError = (): Envelope => err('Unknown error', 500);
