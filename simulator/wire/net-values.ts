// JavaScript cannot tell an int from a double, an enum from a string or a class from a dictionary,
// but NINA's two serializers write each differently. Device models describe their C# shapes with
// these markers so one model serializes correctly on the REST (STJ) and socket (NJ) paths.
//
// Conventions for unmarked values:
// - a plain object is a C# class: STJ omits its null properties, NJ writes them; `undefined` means
//   "the type has no such property" and is never written
// - a plain number is a JSON number as Newtonsoft reads it: integral = Int64, otherwise Double
// - `null`, booleans, strings and arrays are what they look like

export type NetValue =
  | null
  | undefined
  | boolean
  | string
  | number
  | NetDouble
  | NetFloat
  | NetInt
  | NetEnum
  | NetDateTime
  | NetTimeSpan
  | NetHashtable
  | NetDictionary
  | NetEmptyJToken
  | readonly NetValue[]
  | { readonly [key: string]: NetValue };

/** System.Double: integral values keep `.0` on the NJ path. */
export class NetDouble {
  constructor(readonly value: number) {}
}

/** System.Single: formatted with float precision (shortest digits that round-trip a float). */
export class NetFloat {
  constructor(readonly value: number) {}
}

/** Int16/Int32/Int64/UInt64: always integral, never `.0`. */
export class NetInt {
  constructor(readonly value: number) {
    if (!Number.isInteger(value)) throw new RangeError(`NetInt needs an integer, got ${value}`);
  }
}

/** A C# enum: its name on STJ REST (JsonStringEnumConverter), its number on NJ. */
export class NetEnum {
  constructor(
    readonly name: string,
    readonly value: number,
  ) {}
}

export type DateTimeKind = 'local' | 'utc' | 'unspecified';

/**
 * System.DateTime. `epochMs` is the instant for local/utc kinds; for unspecified it is the wall
 * clock read as if it were UTC. Sub-millisecond fractions are kept (DateTime has 100 ns ticks).
 */
export class NetDateTime {
  constructor(
    readonly epochMs: number,
    readonly kind: DateTimeKind,
  ) {}
}

/** System.TimeSpan, in milliseconds (sub-millisecond fractions kept down to 100 ns ticks). */
export class NetTimeSpan {
  constructor(readonly ms: number) {}
}

/** System.Collections.Hashtable: nulls are written on both paths and the key order is not insertion order. */
export class NetHashtable {
  constructor(readonly entries: Readonly<Record<string, NetValue>>) {}
}

/** Dictionary<string, object>: insertion order kept; null values are written even by STJ. */
export class NetDictionary {
  constructor(readonly entries: Readonly<Record<string, NetValue>>) {}
}

/**
 * A Newtonsoft JValue written by System.Text.Json: STJ sees an IEnumerable<JToken> with no
 * children and writes `[]`. This is how event-history mangles nested payloads.
 */
export class NetEmptyJToken {}

export const double = (value: number): NetDouble => new NetDouble(value);
export const float = (value: number): NetFloat => new NetFloat(Math.fround(value));
export const int = (value: number): NetInt => new NetInt(value);
export const netEnum = (name: string, value: number): NetEnum => new NetEnum(name, value);
export const dateTimeLocal = (epochMs: number): NetDateTime => new NetDateTime(epochMs, 'local');
export const dateTimeUtc = (epochMs: number): NetDateTime => new NetDateTime(epochMs, 'utc');
export const timeSpan = (ms: number): NetTimeSpan => new NetTimeSpan(ms);
export const hashtable = (entries: Record<string, NetValue>): NetHashtable => new NetHashtable(entries);
export const dictionary = (entries: Record<string, NetValue>): NetDictionary => new NetDictionary(entries);

/** `default(DateTime)`: 0001-01-01T00:00:00, kind Unspecified. */
export const DATETIME_MIN_EPOCH_MS = -62_135_596_800_000;
export const dateTimeMinValue = (): NetDateTime => new NetDateTime(DATETIME_MIN_EPOCH_MS, 'unspecified');

/** Builds enum helpers from a C# enum's name → number table, so models cannot misspell a member. */
export function defineNetEnum<const T extends Record<string, number>>(members: T): { [K in keyof T]: NetEnum } {
  const result: Record<string, NetEnum> = {};
  for (const [name, value] of Object.entries(members)) result[name] = new NetEnum(name, value);
  return result as { [K in keyof T]: NetEnum };
}

/** The number behind a numeric value, as C# code reading the property would see it. */
export function netNumber(value: NetValue): number {
  if (typeof value === 'number') return value;
  if (value instanceof NetDouble || value instanceof NetFloat || value instanceof NetInt) return value.value;
  if (value instanceof NetEnum) return value.value;
  throw new TypeError('Not a numeric value');
}
