// The plugin's PreprocessRequestModule (notes §1.1, API.cs:151-175). It runs first for every
// request, so 404 pages, WebSocket upgrades and images carry the headers too.

import type { HttpReply } from './reply';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
};

/** With UseAccessControlHeader on, OPTIONS is answered at once (routing's later 405 never reaches the client). */
export function preflightReply(): HttpReply {
  return { status: 200, contentType: 'text/plain', body: '' };
}
