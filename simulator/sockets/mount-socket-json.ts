// How the /v2/mount handler reads a frame (Mount.cs:530-532):
//   var json = JsonSerializer.Deserialize<Dictionary<string, object>>(message);
//   string direction = json["direction"].ToString().ToLower();
//   double rate = double.Parse(json["rate"].ToString());
// Every value is a JsonElement, and a bad frame fails with a .NET exception whose Message the socket
// sends back, so this reproduces System.Text.Json's reader errors (with their Path, LineNumber and
// BytePositionInLine), KeyNotFoundException, NullReferenceException and double.Parse's
// FormatException, all as .NET 8 words them.

/** A .NET exception; `message` is its Message, exactly as the client receives it. */
export class DotNetException extends Error {}

export type JsonValueKind = 'Object' | 'Array' | 'String' | 'Number' | 'True' | 'False' | 'Null';

/** A JsonElement: its kind, its raw JSON text and, for a string, the unescaped value. */
export interface JsonElement {
  kind: JsonValueKind;
  raw: string;
  stringValue?: string;
}

const NULL_REFERENCE = 'Object reference not set to an instance of an object.';
const DICTIONARY_TYPE = 'System.Collections.Generic.Dictionary`2[System.String,System.Object]';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPABLE = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u'].map((char) => char.charCodeAt(0)));
const ESCAPED: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** How .NET's ThrowHelper prints an offending byte: the character if printable ASCII, else its hex. */
function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

/** Utf8JsonReader with JsonSerializer's defaults (no comments, no trailing commas), over the frame's UTF-8 bytes. */
class Reader {
  private readonly bytes: Buffer;
  private index = 0;
  /** The dictionary key whose value is being read, for the exception's Path. */
  private property: string | null = null;

  constructor(text: string) {
    this.bytes = Buffer.from(text, 'utf8');
  }

  fail(reason: string, at: number = this.index): never {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.bytes.length; i++) {
      if (this.bytes[i] === 0x0a) {
        line += 1;
        lineStart = i + 1;
      }
    }
    const path = this.property === null ? '$' : `$.${this.property}`;
    throw new DotNetException(`${reason} Path: ${path} | LineNumber: ${line} | BytePositionInLine: ${at - lineStart}.`);
  }

  private peek(): number | undefined {
    return this.bytes[this.index];
  }

  private skipWhitespace(): void {
    while (this.index < this.bytes.length && WHITESPACE.has(this.bytes[this.index] ?? 0)) this.index += 1;
  }

  private failEndInContainer(): never {
    return this.fail('Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.');
  }

  /** The whole frame: one value, then nothing but whitespace. */
  readDocument(): Map<string, JsonElement> | null {
    this.skipWhitespace();
    if (this.index >= this.bytes.length) {
      this.fail('The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, while isFinalBlock is true.');
    }
    let result: Map<string, JsonElement> | null = null;
    const start = this.index;
    if (this.peek() === 0x7b) {
      result = this.readObject();
    } else if (this.peek() === 0x5b) {
      // The dictionary converter refuses the first token it reads: anything but StartObject or null.
      this.fail(`The JSON value could not be converted to ${DICTIONARY_TYPE}.`, start + 1);
    } else if (this.readValue().kind !== 'Null') {
      this.fail(`The JSON value could not be converted to ${DICTIONARY_TYPE}.`);
    }
    this.skipWhitespace();
    const trailing = this.peek();
    if (trailing !== undefined) this.fail(`'${printable(trailing)}' is invalid after a single JSON value. Expected end of data.`);
    return result;
  }

  private readObject(): Map<string, JsonElement> {
    const entries = new Map<string, JsonElement>();
    this.index += 1;
    this.skipWhitespace();
    if (this.peek() === 0x7d) {
      this.index += 1;
      return entries;
    }
    for (;;) {
      this.skipWhitespace();
      const next = this.peek();
      if (next === undefined) this.failEndInContainer();
      if (next !== 0x22) this.fail(`'${printable(next)}' is an invalid start of a property name. Expected a '"'.`);
      const key = this.readString().stringValue ?? '';
      this.skipWhitespace();
      const separator = this.peek();
      if (separator === undefined) this.failEndInContainer();
      if (separator !== 0x3a) this.fail(`'${printable(separator)}' is invalid after a property name. Expected a ':'.`);
      this.index += 1;
      this.property = key;
      entries.set(key, this.readValue());
      this.property = null;
      this.skipWhitespace();
      const after = this.peek();
      if (after === undefined) this.failEndInContainer();
      if (after === 0x7d) {
        this.index += 1;
        return entries;
      }
      if (after === 0x5d) this.fail(`']' is invalid without a matching open.`);
      if (after !== 0x2c) this.fail(`'${printable(after)}' is invalid after a value. Expected either ',', '}', or ']'.`);
      this.index += 1;
      this.skipWhitespace();
      if (this.peek() === 0x7d) {
        this.fail('The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.');
      }
    }
  }

  private readValue(): JsonElement {
    this.skipWhitespace();
    const start = this.index;
    const first = this.peek();
    if (first === undefined) this.failEndInContainer();
    if (first === 0x7b) {
      this.readNestedObject();
      return { kind: 'Object', raw: this.rawFrom(start) };
    }
    if (first === 0x5b) {
      this.readArray();
      return { kind: 'Array', raw: this.rawFrom(start) };
    }
    if (first === 0x22) return this.readString();
    if (first === 0x2d || isDigit(first)) {
      this.readNumber();
      return { kind: 'Number', raw: this.rawFrom(start) };
    }
    if (first === 0x74) return this.readLiteral('true', 'True');
    if (first === 0x66) return this.readLiteral('false', 'False');
    if (first === 0x6e) return this.readLiteral('null', 'Null');
    return this.fail(`'${printable(first)}' is an invalid start of a value.`);
  }

  private rawFrom(start: number): string {
    return this.bytes.subarray(start, this.index).toString('utf8');
  }

  private readNestedObject(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.peek() === 0x7d) {
      this.index += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      const next = this.peek();
      if (next === undefined) this.failEndInContainer();
      if (next !== 0x22) this.fail(`'${printable(next)}' is an invalid start of a property name. Expected a '"'.`);
      this.readString();
      this.skipWhitespace();
      const separator = this.peek();
      if (separator === undefined) this.failEndInContainer();
      if (separator !== 0x3a) this.fail(`'${printable(separator)}' is invalid after a property name. Expected a ':'.`);
      this.index += 1;
      this.readValue();
      if (this.closeOrContinue(0x7d, 'object')) return;
    }
  }

  private readArray(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.peek() === 0x5d) {
      this.index += 1;
      return;
    }
    for (;;) {
      this.readValue();
      if (this.closeOrContinue(0x5d, 'array')) return;
    }
  }

  /** After a value inside a container: true at its closing bracket, false after a comma. */
  private closeOrContinue(closing: number, container: 'object' | 'array'): boolean {
    this.skipWhitespace();
    const after = this.peek();
    if (after === undefined) this.failEndInContainer();
    if (after === closing) {
      this.index += 1;
      return true;
    }
    if (after === 0x7d || after === 0x5d) this.fail(`'${printable(after)}' is invalid without a matching open.`);
    if (after !== 0x2c) this.fail(`'${printable(after)}' is invalid after a value. Expected either ',', '}', or ']'.`);
    this.index += 1;
    this.skipWhitespace();
    if (this.peek() === closing) {
      const kind = container === 'object' ? 'JSON object' : 'JSON array';
      this.fail(`The ${kind} contains a trailing comma at the end which is not supported in this mode. Change the reader options.`);
    }
    return false;
  }

  private readString(): JsonElement {
    const start = this.index;
    this.index += 1;
    let value = '';
    let segmentStart = this.index;
    for (;;) {
      const byte = this.peek();
      if (byte === undefined) this.fail('Expected end of string, but instead reached end of data.');
      if (byte === 0x22) {
        value += this.bytes.subarray(segmentStart, this.index).toString('utf8');
        this.index += 1;
        return { kind: 'String', raw: this.rawFrom(start), stringValue: value };
      }
      if (byte < 0x20) this.fail(`'${printable(byte)}' is invalid within a JSON string. The string should be correctly escaped.`);
      if (byte !== 0x5c) {
        this.index += 1;
        continue;
      }
      value += this.bytes.subarray(segmentStart, this.index).toString('utf8');
      const escape = this.bytes[this.index + 1];
      if (escape === undefined) {
        this.index += 1;
        this.fail('Expected end of string, but instead reached end of data.');
      }
      if (!ESCAPABLE.has(escape)) {
        this.fail(`'${printable(escape)}' is an invalid escapable character within a JSON string. The string should be correctly escaped.`, this.index + 1);
      }
      if (escape === 0x75) {
        const hex = this.bytes.subarray(this.index + 2, this.index + 6).toString('latin1');
        const bad = [...hex].findIndex((char) => !/[0-9a-fA-F]/.test(char));
        if (hex.length < 4 && bad === -1) this.fail('Expected end of string, but instead reached end of data.', this.bytes.length);
        if (bad !== -1) {
          this.fail(`'${hex[bad]}' is not a hex digit following '\\u' within a JSON string. The string should be correctly escaped.`, this.index + 2 + bad);
        }
        value += String.fromCharCode(Number.parseInt(hex, 16));
        this.index += 6;
      } else {
        value += ESCAPED[String.fromCharCode(escape)] ?? '';
        this.index += 2;
      }
      segmentStart = this.index;
    }
  }

  private requireDigit(afterWhat: 'sign' | 'decimal'): void {
    const byte = this.peek();
    if (byte === undefined) this.fail("Expected a digit ('0'-'9'), but instead reached end of data.");
    if (!isDigit(byte)) {
      const where =
        afterWhat === 'sign'
          ? "immediately after a sign character ('-') or an exponent ('e' or 'E')"
          : "immediately after a decimal point ('.')";
      this.fail(`'${printable(byte)}' is invalid within a number, ${where}. Expected a digit ('0'-'9').`);
    }
  }

  private skipDigits(): void {
    while (isDigit(this.peek())) this.index += 1;
  }

  private readNumber(): void {
    if (this.peek() === 0x2d) {
      this.index += 1;
      this.requireDigit('sign');
    }
    if (this.peek() === 0x30) {
      this.index += 1;
      const next = this.peek();
      if (isDigit(next)) this.fail(`Invalid leading zero before '${printable(next ?? 0)}'.`);
    } else {
      this.skipDigits();
    }
    if (this.peek() === 0x2e) {
      this.index += 1;
      this.requireDigit('decimal');
      this.skipDigits();
    }
    if (this.peek() === 0x65 || this.peek() === 0x45) {
      this.index += 1;
      if (this.peek() === 0x2b || this.peek() === 0x2d) this.index += 1;
      this.requireDigit('sign');
      this.skipDigits();
    }
    const end = this.peek();
    if (end !== undefined && !WHITESPACE.has(end) && end !== 0x2c && end !== 0x7d && end !== 0x5d) {
      this.fail(`'${printable(end)}' is an invalid end of a number. Expected a delimiter.`);
    }
  }

  private readLiteral(literal: 'true' | 'false' | 'null', kind: 'True' | 'False' | 'Null'): JsonElement {
    const start = this.index;
    for (let offset = 0; offset < literal.length; offset++) {
      const byte = this.bytes[start + offset];
      if (byte !== literal.charCodeAt(offset)) {
        const seen = this.bytes.subarray(start, start + offset + (byte === undefined ? 0 : 1)).toString('utf8');
        this.fail(`'${seen}' is an invalid JSON literal. Expected the literal '${literal}'.`, start + offset);
      }
    }
    this.index = start + literal.length;
    return { kind, raw: literal };
  }
}

/** `JsonSerializer.Deserialize<Dictionary<string, object>>(text)`: null for the JSON literal null; the last duplicate key wins. */
export function deserializeDictionary(text: string): Map<string, JsonElement> | null {
  return new Reader(text).readDocument();
}

/** `json[key]`: the indexer throws KeyNotFoundException, and indexing a null dictionary a NullReferenceException. */
export function entry(json: Map<string, JsonElement> | null, key: string): JsonElement {
  if (json === null) throw new DotNetException(NULL_REFERENCE);
  const element = json.get(key);
  if (element === undefined) throw new DotNetException(`The given key '${key}' was not present in the dictionary.`);
  return element;
}

/** `value.ToString()`: a JSON null is a null object; strings unescaped, booleans "True"/"False", the rest raw. */
export function elementToString(element: JsonElement): string {
  switch (element.kind) {
    case 'Null':
      throw new DotNetException(NULL_REFERENCE);
    case 'String':
      return element.stringValue ?? '';
    case 'True':
      return 'True';
    case 'False':
      return 'False';
    default:
      return element.raw;
  }
}

/** Char.IsWhiteSpace for the ASCII range, what NumberStyles.AllowLeadingWhite/AllowTrailingWhite skip. */
function trimNetWhitespace(text: string): string {
  const isWhite = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d);
  let start = 0;
  let end = text.length;
  while (start < end && isWhite(text.charCodeAt(start))) start += 1;
  while (end > start && isWhite(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
/** NumberStyles.Float | AllowThousands in en-US: sign, digits with "," group separators, ".", exponent. */
const FLOAT_WITH_THOUSANDS = /^[+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * `double.Parse(text)` in the culture the notes assume (en-US, "." decimal, "," thousands): out of
 * range gives ±Infinity (no OverflowException since .NET Core 3.0); NaN and infinities by name.
 */
export function parseDouble(text: string): number {
  const trimmed = trimNetWhitespace(text);
  const named = /^([+-]?)(nan|infinity|∞)$/i.exec(trimmed);
  if (named) {
    if ((named[2] ?? '').toLowerCase() === 'nan') return Number.NaN;
    return named[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (!FLOAT_WITH_THOUSANDS.test(trimmed)) throw new DotNetException(`The input string '${text}' was not in a correct format.`);
  return Number(trimmed.replaceAll(',', ''));
}
