// How the /v2/tppa handler reads a frame (TPPASocket.cs:57-108):
//   try { var r = JsonConvert.DeserializeObject<TPPARequest>(text); topic = r.Action; content = r; }
//   catch { topic = text; }
// Newtonsoft's reader is lenient (single quotes, unquoted names, comments, trailing commas, NaN and
// Infinity, `undefined`), matches property names case-insensitively and converts values per target
// type; anything it cannot read or convert throws, and so does `r.Action` when the text is empty or
// the JSON literal null. Every throw makes the frame a legacy text action: the whole text is the topic.

import type { TppaStartContent } from '../rig/polar-alignment';
import { DotNetException, parseDouble } from './mount-socket-json';

/** TPPARequest: the action and the start options, null where the JSON had nothing (or null). */
export interface TppaRequest extends TppaStartContent {
  Action: string | null;
}

export type TppaFrame = { kind: 'request'; request: TppaRequest } | { kind: 'text'; text: string };

type Token =
  | { kind: 'object'; entries: [string, Token][] }
  | { kind: 'array' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; raw: string; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

/** Newtonsoft's JsonReaderException or JsonSerializationException: the frame is not a TPPARequest. */
class NotARequest extends Error {}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*/;

/** JsonTextReader with its default settings, over the whole frame. */
class LenientReader {
  private index = 0;

  constructor(private readonly text: string) {}

  /** The root value; null when there is none at all (an empty or blank frame). */
  readDocument(): Token | null {
    this.skip();
    if (this.index >= this.text.length) return null;
    const value = this.readValue();
    this.skip();
    // JsonConvert.DeserializeObject checks for additional content after the root value.
    if (this.index < this.text.length) throw new NotARequest('Additional text encountered after finished reading JSON content');
    return value;
  }

  /** White space and the comments Newtonsoft allows between tokens. */
  private skip(): void {
    for (;;) {
      const rest = this.text.slice(this.index);
      const space = /^\s+/.exec(rest);
      if (space) {
        this.index += space[0].length;
        continue;
      }
      if (rest.startsWith('//')) {
        const end = rest.indexOf('\n');
        this.index += end === -1 ? rest.length : end + 1;
        continue;
      }
      if (rest.startsWith('/*')) {
        const end = rest.indexOf('*/', 2);
        if (end === -1) throw new NotARequest('Unexpected end while parsing comment');
        this.index += end + 2;
        continue;
      }
      return;
    }
  }

  private readValue(): Token {
    this.skip();
    const char = this.text[this.index];
    if (char === undefined) throw new NotARequest('Unexpected end when reading JSON');
    if (char === '{') return this.readObject();
    if (char === '[') return this.readArray();
    if (char === '"' || char === "'") return { kind: 'string', value: this.readString() };
    const rest = this.text.slice(this.index);
    for (const [literal, token] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
      ['undefined', { kind: 'null' }],
      ['NaN', { kind: 'number', raw: 'NaN', value: Number.NaN }],
      ['Infinity', { kind: 'number', raw: 'Infinity', value: Number.POSITIVE_INFINITY }],
      ['-Infinity', { kind: 'number', raw: '-Infinity', value: Number.NEGATIVE_INFINITY }],
    ] as const) {
      if (rest.startsWith(literal) && !/^[A-Za-z0-9_$]/.test(rest.slice(literal.length))) {
        this.index += literal.length;
        return token;
      }
    }
    const number = NUMBER.exec(rest);
    if (number && !/^[A-Za-z0-9_$.]/.test(rest.slice(number[0].length))) {
      this.index += number[0].length;
      return { kind: 'number', raw: number[0], value: Number(number[0]) };
    }
    throw new NotARequest(`Unexpected character encountered while parsing value: ${char}`);
  }

  private readString(): string {
    const quote = this.text[this.index];
    this.index += 1;
    let value = '';
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) throw new NotARequest('Unterminated string');
      this.index += 1;
      if (char === quote) return value;
      if (char !== '\\') {
        value += char;
        continue;
      }
      const escape = this.text[this.index] ?? '';
      this.index += 1;
      if (escape === 'u') {
        const hex = this.text.slice(this.index, this.index + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new NotARequest('Invalid Unicode escape sequence');
        value += String.fromCharCode(Number.parseInt(hex, 16));
        this.index += 4;
        continue;
      }
      const unescaped = ESCAPES[escape];
      if (unescaped === undefined) throw new NotARequest(`Bad JSON escape sequence: \\${escape}`);
      value += unescaped;
    }
  }

  private readObject(): Token {
    this.index += 1;
    const entries: [string, Token][] = [];
    for (;;) {
      this.skip();
      const char = this.text[this.index];
      if (char === undefined) throw new NotARequest('Unexpected end when reading JSON');
      if (char === '}') {
        this.index += 1;
        return { kind: 'object', entries };
      }
      let name: string;
      if (char === '"' || char === "'") {
        name = this.readString();
      } else {
        const identifier = IDENTIFIER.exec(this.text.slice(this.index));
        if (!identifier) throw new NotARequest(`Invalid property identifier character: ${char}`);
        name = identifier[0];
        this.index += name.length;
      }
      this.skip();
      if (this.text[this.index] !== ':') throw new NotARequest(`Invalid character after parsing property name. Expected ':'`);
      this.index += 1;
      entries.push([name, this.readValue()]);
      this.skip();
      const after = this.text[this.index];
      if (after === ',') this.index += 1;
      else if (after !== '}') throw new NotARequest(`After parsing a value an unexpected character was encountered: ${after ?? 'end'}`);
    }
  }

  private readArray(): Token {
    this.index += 1;
    for (;;) {
      this.skip();
      const char = this.text[this.index];
      if (char === undefined) throw new NotARequest('Unexpected end when reading JSON');
      if (char === ']') {
        this.index += 1;
        return { kind: 'array' };
      }
      this.readValue();
      this.skip();
      const after = this.text[this.index];
      if (after === ',') this.index += 1;
      else if (after !== ']') throw new NotARequest(`After parsing a value an unexpected character was encountered: ${after ?? 'end'}`);
    }
  }
}

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** ReadAsString: numbers keep their text, booleans become "true"/"false". */
function asString(token: Token): string | null {
  switch (token.kind) {
    case 'null':
      return null;
    case 'string':
      return token.value;
    case 'number':
      return token.raw;
    case 'boolean':
      return token.value ? 'true' : 'false';
    default:
      throw new NotARequest('Error reading string. Unexpected token: StartObject.');
  }
}

/** ReadAsBoolean: numbers are true unless zero; strings go through bool.TryParse, "" is null. */
function asBoolean(token: Token): boolean | null {
  switch (token.kind) {
    case 'null':
      return null;
    case 'boolean':
      return token.value;
    case 'number':
      return token.value !== 0;
    case 'string': {
      if (token.value === '') return null;
      const text = token.value.trim().toLowerCase();
      if (text === 'true' || text === 'false') return text === 'true';
      throw new NotARequest(`Could not convert string to boolean: ${token.value}.`);
    }
    default:
      throw new NotARequest('Error reading boolean.');
  }
}

function parseInt32(text: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new NotARequest(`Could not convert string to integer: ${text}.`);
  const value = Number(text.trim());
  if (value < INT32_MIN || value > INT32_MAX) throw new NotARequest(`JSON integer ${text} is too large or small for an Int32.`);
  return value;
}

/** ReadAsInt32: only integer literals (1.0 is "not a valid integer") and integer strings. */
function asInt32(token: Token): number | null {
  switch (token.kind) {
    case 'null':
      return null;
    case 'number':
      if (!/^-?\d+$/.test(token.raw)) throw new NotARequest(`Input string '${token.raw}' is not a valid integer.`);
      return parseInt32(token.raw);
    case 'string':
      return token.value === '' ? null : parseInt32(token.value);
    default:
      throw new NotARequest('Error reading integer.');
  }
}

/** ReadAsDouble: numbers (and NaN/Infinity), and strings double.Parse accepts. */
function asDouble(token: Token): number | null {
  switch (token.kind) {
    case 'null':
      return null;
    case 'number':
      return token.value;
    case 'string':
      if (token.value === '') return null;
      try {
        return parseDouble(token.value);
      } catch (error) {
        if (error instanceof DotNetException) throw new NotARequest(`Could not convert string to double: ${token.value}.`);
        throw error;
      }
    default:
      throw new NotARequest('Error reading double.');
  }
}

/** Convert.ToInt16 rounds half to even and refuses what does not fit. */
function toInt16(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  const rounded = fraction > 0.5 || (fraction === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  if (!Number.isFinite(value) || rounded < -32_768 || rounded > 32_767) throw new NotARequest('Value was either too large or too small for an Int16.');
  return rounded;
}

/** short? has no ReadAs method: the token is read as is, then Convert.ChangeType makes it an Int16. */
function asInt16(token: Token): number | null {
  switch (token.kind) {
    case 'null':
      return null;
    case 'boolean':
      return token.value ? 1 : 0;
    case 'number':
      return toInt16(token.value);
    case 'string': {
      if (token.value === '') return null;
      if (!/^\s*[+-]?\d+\s*$/.test(token.value)) throw new NotARequest(`Error converting value "${token.value}" to type 'System.Nullable\`1[System.Int16]'.`);
      return toInt16(Number(token.value.trim()));
    }
    default:
      throw new NotARequest('Error converting value to type Int16.');
  }
}

const PROPERTIES = {
  Action: asString,
  ManualMode: asBoolean,
  TargetDistance: asInt32,
  MoveRate: asInt32,
  EastDirection: asBoolean,
  StartFromCurrentPosition: asBoolean,
  AltDegrees: asInt32,
  AltMinutes: asInt32,
  AltSeconds: asDouble,
  AzDegrees: asInt32,
  AzMinutes: asInt32,
  AzSeconds: asDouble,
  AlignmentTolerance: asDouble,
  Filter: asString,
  ExposureTime: asDouble,
  Binning: asInt16,
  Gain: asInt32,
  Offset: asInt32,
  SearchRadius: asDouble,
} as const satisfies Record<keyof TppaRequest, (token: Token) => unknown>;

type PropertyName = keyof typeof PROPERTIES;
const PROPERTY_NAMES = Object.keys(PROPERTIES) as PropertyName[];

/** GetClosestMatchProperty: the exact name, else the first one equal ignoring case; others are skipped. */
function propertyFor(name: string): PropertyName | undefined {
  return PROPERTY_NAMES.find((property) => property === name) ?? PROPERTY_NAMES.find((property) => property.toLowerCase() === name.toLowerCase());
}

function bind(entries: readonly [string, Token][]): TppaRequest {
  const request: Record<string, unknown> = Object.fromEntries(PROPERTY_NAMES.map((name) => [name, null]));
  for (const [name, token] of entries) {
    const property = propertyFor(name);
    if (property !== undefined) request[property] = PROPERTIES[property](token);
  }
  return request as unknown as TppaRequest;
}

/** What the handler makes of one frame: a TPPARequest, or the text itself as a legacy topic. */
export function readTppaFrame(text: string): TppaFrame {
  try {
    const root = new LenientReader(text).readDocument();
    if (root === null || root.kind === 'null') return { kind: 'text', text };
    if (root.kind !== 'object') throw new NotARequest('Cannot deserialize the current JSON value into type TPPARequest');
    return { kind: 'request', request: bind(root.entries) };
  } catch (error) {
    if (error instanceof NotARequest) return { kind: 'text', text };
    throw error;
  }
}
