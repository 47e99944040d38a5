// The two JSON serializers NINA's Advanced API uses (notes §2.2), as one writer with options.

import { formatDateTime, formatDouble, formatFloat, formatTimeSpan } from './net-format';
import {
  NetDateTime,
  NetDictionary,
  NetDouble,
  NetEmptyJToken,
  NetEnum,
  NetFloat,
  NetHashtable,
  NetInt,
  NetTimeSpan,
  type NetValue,
} from './net-values';

interface SerializerOptions {
  /** STJ `DefaultIgnoreCondition = WhenWritingNull`: omit null class properties (not dictionary entries). */
  omitNullProperties: boolean;
  /** STJ `JsonStringEnumConverter`: enums as names; otherwise as numbers. */
  enumsAsNames: boolean;
  /** Newtonsoft writes integral doubles as `1.0`; STJ writes `1`. */
  doubleKeepsDecimalPoint: boolean;
  /** STJ without AllowNamedFloatingPointLiterals refuses NaN/Infinity; the others write them as strings. */
  namedFloatingPointLiterals: boolean;
  /** STJ's default JavaScriptEncoder escapes non-ASCII and HTML-sensitive characters; Newtonsoft does not. */
  escapeLikeStj: boolean;
}

/** REST replies: STJ with the plugin's options (`CoreUtility.cs:162-167`). */
export const STJ_API: SerializerOptions = {
  omitNullProperties: true,
  enumsAsNames: true,
  doubleKeepsDecimalPoint: false,
  namedFloatingPointLiterals: true,
  escapeLikeStj: true,
};

/** `/v2/socket` and `/v2/tppa`: Newtonsoft with default settings. */
export const NEWTONSOFT: SerializerOptions = {
  omitNullProperties: false,
  enumsAsNames: false,
  doubleKeepsDecimalPoint: true,
  namedFloatingPointLiterals: true,
  escapeLikeStj: false,
};

/** `/v2/mount` replies: STJ with default options (`Mount.cs:655`). */
export const STJ_DEFAULT: SerializerOptions = {
  omitNullProperties: false,
  enumsAsNames: false,
  doubleKeepsDecimalPoint: false,
  namedFloatingPointLiterals: false,
  escapeLikeStj: true,
};

/** A deterministic stand-in for .NET string hash codes, which differ per process anyway. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The order a Hashtable enumerates its keys in: by bucket, which follows the hash, not insertion. */
export function hashtableKeyOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => stringHash(a) - stringHash(b) || (a < b ? -1 : 1));
}

const STJ_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * JavaScriptEncoder.Default: printable ASCII passes except the HTML-sensitive `"&'+<>` and
 * backtick; everything else (control characters, all non-ASCII) becomes `\uXXXX` in upper case.
 */
function stjString(text: string): string {
  let result = '"';
  for (const char of text) {
    const short = STJ_SHORT_ESCAPES[char];
    if (short !== undefined) {
      result += short;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f && !'"&\'+<>`'.includes(char)) {
      result += char;
      continue;
    }
    for (let i = 0; i < char.length; i++) result += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `${result}"`;
}

function writeString(text: string, options: SerializerOptions): string {
  return options.escapeLikeStj ? stjString(text) : JSON.stringify(text);
}

function writeNonFinite(value: number, options: SerializerOptions): string {
  if (!options.namedFloatingPointLiterals) {
    throw new RangeError('.NET number values such as positive and negative infinity cannot be written as valid JSON.');
  }
  if (Number.isNaN(value)) return '"NaN"';
  return value > 0 ? '"Infinity"' : '"-Infinity"';
}

function writeFloatingPoint(value: number, options: SerializerOptions, format: (value: number) => string): string {
  if (!Number.isFinite(value)) return writeNonFinite(value, options);
  const text = format(value);
  if (options.doubleKeepsDecimalPoint && !/[.E]/.test(text)) return `${text}.0`;
  return text;
}

function writeEntries(
  entries: Iterable<readonly [string, NetValue]>,
  options: SerializerOptions,
  omitNulls: boolean,
): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (value === null && omitNulls) continue;
    parts.push(`${writeString(key, options)}:${serialize(value, options)}`);
  }
  return `{${parts.join(',')}}`;
}

export function serialize(value: NetValue, options: SerializerOptions): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return writeString(value, options);
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : writeFloatingPoint(value, options, formatDouble);
  }
  if (value instanceof NetDouble) return writeFloatingPoint(value.value, options, formatDouble);
  if (value instanceof NetFloat) return writeFloatingPoint(value.value, options, formatFloat);
  if (value instanceof NetInt) return String(value.value);
  if (value instanceof NetEnum) return options.enumsAsNames ? writeString(value.name, options) : String(value.value);
  if (value instanceof NetDateTime) return writeString(formatDateTime(value.epochMs, value.kind), options);
  if (value instanceof NetTimeSpan) return writeString(formatTimeSpan(value.ms), options);
  if (value instanceof NetEmptyJToken) return '[]';
  if (value instanceof NetHashtable) {
    const keys = hashtableKeyOrder(Object.keys(value.entries));
    return writeEntries(
      keys.map((key) => [key, value.entries[key]] as const),
      options,
      false,
    );
  }
  if (value instanceof NetDictionary) return writeEntries(Object.entries(value.entries), options, false);
  if (Array.isArray(value)) {
    return `[${value.map((item: NetValue) => serialize(item, options)).join(',')}]`;
  }
  return writeEntries(Object.entries(value), options, options.omitNullProperties);
}

export const toStj = (value: NetValue): string => serialize(value, STJ_API);
export const toNewtonsoft = (value: NetValue): string => serialize(value, NEWTONSOFT);
