export class NinaUrlError extends Error {}

const EXAMPLE_HOST = '192.168.1.20:1888';

/**
 * Turns the user's NINA address into the origin the proxy forwards to. Only an origin is accepted: the proxy
 * appends the browser's `/v2/...` path itself, so a path here would silently be ignored or doubled.
 */
export function parseNinaUrl(input: string): string {
  const text = input.trim();
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(text)) {
    const example = `http://${text || EXAMPLE_HOST}`;
    throw new NinaUrlError(`"${input}" must start with http:// or https://, e.g. ${example}.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new NinaUrlError(`"${input}" is not a valid URL. Give NINA's address like http://${EXAMPLE_HOST}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NinaUrlError(`"${input}" must start with http:// or https://, e.g. http://${EXAMPLE_HOST}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new NinaUrlError(`"${input}" must not contain a user name or password; NINA's Advanced API has no login.`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    throw new NinaUrlError(
      `"${input}" must be only http(s)://host[:port], without a path: Skydeck adds /v2/... itself. Try ${url.origin}.`,
    );
  }
  return url.origin;
}
