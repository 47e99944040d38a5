// Query-parameter binding as EmbedIO's [QueryField] does it (notes §1.2): a missing field is
// default(T), conversion goes through .NET's invariant-culture TypeConverters, and a value that
// does not convert (or a missing [QueryField(true)]) is an HTTP 400 HTML page, not JSON.

/** An EmbedIO HttpException.BadRequest raised while binding; the HTTP layer turns it into an HTML page. */
export class BindingError extends Error {}

/**
 * EmbedIO's parsed query: a NameValueCollection, so names are case-insensitive, a repeated name
 * keeps every value (handlers read the last) and a bare `?flag` is present with the value "".
 */
export class QueryData {
  private readonly values = new Map<string, string[]>();

  constructor(search: string) {
    const text = search.startsWith('?') ? search.slice(1) : search;
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const separator = pair.indexOf('=');
      const name = decodeQueryComponent(separator === -1 ? pair : pair.slice(0, separator));
      const value = separator === -1 ? '' : decodeQueryComponent(pair.slice(separator + 1));
      if (name === '') continue;
      const key = name.toLowerCase();
      const list = this.values.get(key) ?? [];
      list.push(value);
      this.values.set(key, list);
    }
  }

  /** The last value given for the name, as `GetValues(name).LastOrDefault()`. */
  last(name: string): string | undefined {
    return this.values.get(name.toLowerCase())?.at(-1);
  }

  /** `IsParameterOmitted` is the negation: any value, even `false` or "", counts as given. */
  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }
}

function decodeQueryComponent(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export interface QueryField<T> {
  /** The C# type's `Type.Name`, which EmbedIO puts in "Cannot convert field X to <Name>." */
  readonly typeName: string;
  /** `[QueryField(true)]`: missing gives "Missing query field X." */
  readonly required: boolean;
  /** `default(T)` for a missing field. */
  readonly missing: T;
  /** The converted value, or undefined when the TypeConverter would throw. */
  convert(text: string): T | undefined;
}

interface FieldOptions {
  required?: boolean;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NAMED_DOUBLES: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  '-nan': Number.NaN,
  '+nan': Number.NaN,
  infinity: Number.POSITIVE_INFINITY,
  '+infinity': Number.POSITIVE_INFINITY,
  '-infinity': Number.NEGATIVE_INFINITY,
  '∞': Number.POSITIVE_INFINITY,
  '+∞': Number.POSITIVE_INFINITY,
  '-∞': Number.NEGATIVE_INFINITY,
};

/** DoubleConverter: NumberStyles.Float with the invariant culture (no thousands separators, no comma decimals). */
function convertDouble(text: string): number | undefined {
  const trimmed = text.trim();
  const named = NAMED_DOUBLES[trimmed.toLowerCase()];
  if (named !== undefined) return named;
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined;
}

/** BaseNumberConverter: `#ff`, `0xff` and `&hff` are hexadecimal, otherwise NumberStyles.Integer. */
function integerConverter(minimum: number, maximum: number) {
  return (text: string): number | undefined => {
    const trimmed = text.trim();
    const hex = /^(?:#|0x|&h)([0-9a-f]+)$/i.exec(trimmed);
    let value: number;
    if (hex?.[1] !== undefined) {
      const unsigned = Number.parseInt(hex[1], 16);
      const range = maximum - minimum + 1;
      if (unsigned >= range) return undefined;
      value = unsigned > maximum ? unsigned - range : unsigned;
    } else {
      if (!/^[+-]?\d+$/.test(trimmed)) return undefined;
      value = Number(trimmed);
    }
    return Number.isSafeInteger(value) && value >= minimum && value <= maximum ? value : undefined;
  };
}

function field<T>(typeName: string, missing: T, convert: (text: string) => T | undefined, options: FieldOptions) {
  return { typeName, missing, convert, required: options.required ?? false } satisfies QueryField<T>;
}

export const queryField = {
  double: (options: FieldOptions = {}): QueryField<number> => field('Double', 0, convertDouble, options),
  int16: (options: FieldOptions = {}): QueryField<number> => field('Int16', 0, integerConverter(-32_768, 32_767), options),
  int32: (options: FieldOptions = {}): QueryField<number> =>
    field('Int32', 0, integerConverter(-2_147_483_648, 2_147_483_647), options),
  boolean: (options: FieldOptions = {}): QueryField<boolean> =>
    field(
      'Boolean',
      false,
      (text) => {
        const trimmed = text.trim().toLowerCase();
        if (trimmed === 'true') return true;
        if (trimmed === 'false') return false;
        return undefined;
      },
      options,
    ),
  string: (options: FieldOptions = {}): QueryField<string | null> => field<string | null>('String', null, (text) => text, options),
  /** EnumConverter: member names case-insensitively, comma-separated names (OR-ed), or any integer. */
  enumeration: (typeName: string, members: Readonly<Record<string, number>>, options: FieldOptions = {}): QueryField<number> =>
    field(
      typeName,
      0,
      (text) => {
        const trimmed = text.trim();
        if (/^[+-]?\d+$/.test(trimmed)) return Number(trimmed);
        let combined = 0;
        for (const part of trimmed.split(',')) {
          const name = part.trim().toLowerCase();
          const member = Object.entries(members).find(([memberName]) => memberName.toLowerCase() === name);
          if (member === undefined) return undefined;
          combined |= member[1];
        }
        return combined;
      },
      options,
    ),
};

export type QuerySpec = Readonly<Record<string, QueryField<unknown>>>;
export type BoundQuery<S extends QuerySpec> = { -readonly [K in keyof S]: S[K] extends QueryField<infer T> ? T : never };

/** Binds every declared field in declaration order, like EmbedIO binds a handler's parameters. */
export function bindQuery<S extends QuerySpec>(spec: S, data: QueryData): BoundQuery<S> {
  const bound: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(spec)) {
    if (!data.has(name) && definition.required) throw new BindingError(`Missing query field ${name}.`);
    const text = data.last(name);
    if (text === undefined) {
      bound[name] = definition.missing;
      continue;
    }
    const value = definition.convert(text);
    if (value === undefined) throw new BindingError(`Cannot convert field ${name} to ${definition.typeName}.`);
    bound[name] = value;
  }
  return bound as BoundQuery<S>;
}
