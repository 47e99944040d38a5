// event-history stores each event by writing it with Newtonsoft, reading it back into a Hashtable
// and later writing that with System.Text.Json (notes §13.2). Top-level scalars survive (ISO-looking
// strings come back as DateTime); nested objects and arrays come back as Newtonsoft JTokens, which
// STJ writes as empty arrays for every leaf.

import { formatTimeSpan } from './net-format';
import { hashtableKeyOrder } from './serializer';
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

/** Newtonsoft's ISO date shape (DateTimeUtils.TryParseDateTimeIso). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** DateParseHandling.DateTime with RoundtripKind: an offset becomes Local, `Z` stays Utc, none is Unspecified. */
export function parseNewtonsoftDate(text: string): NetDateTime | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  const wall = new Date(0);
  wall.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  wall.setUTCHours(Number(hour), Number(minute), Number(second), 0);
  const wallEpochMs = wall.getTime() + Number(`0.${fraction.padEnd(7, '0')}`) * 1000;
  if (zone === undefined) return new NetDateTime(wallEpochMs, 'unspecified');
  if (zone === 'Z') return new NetDateTime(wallEpochMs, 'utc');
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  return new NetDateTime(wallEpochMs - offsetMinutes * 60_000, 'local');
}

/** What STJ writes for a JToken whose declared type is JToken: it is enumerated as IEnumerable<JToken>. */
function enumeratedJToken(value: NetValue): NetValue {
  const children = jsonChildren(value);
  if (children === null) return new NetEmptyJToken();
  return children.map((child) => (child.key === null ? enumeratedJToken(child.value) : [enumeratedJToken(child.value)]));
}

interface JsonChild {
  key: string | null;
  value: NetValue;
}

/** The members of a JSON object or array in the order Newtonsoft wrote them; null for scalars. */
function jsonChildren(value: NetValue): JsonChild[] | null {
  if (Array.isArray(value)) return value.map((item: NetValue) => ({ key: null, value: item ?? null }));
  if (value instanceof NetHashtable) {
    return hashtableKeyOrder(Object.keys(value.entries)).map((key) => ({ key, value: value.entries[key] ?? null }));
  }
  if (value instanceof NetDictionary) {
    return Object.entries(value.entries).map(([key, item]) => ({ key, value: item ?? null }));
  }
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.entries(value as Record<string, NetValue>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => ({ key, value: item ?? null }));
  }
  return null;
}

function nonFiniteText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/** One top-level Hashtable value after the round trip (its runtime type is what STJ sees). */
function roundTripValue(value: NetValue): NetValue {
  if (value === null || value === undefined || typeof value === 'boolean') return value ?? null;
  if (typeof value === 'string') return parseNewtonsoftDate(value) ?? value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : nonFiniteText(value);
  if (value instanceof NetDouble || value instanceof NetFloat) {
    return Number.isFinite(value.value) ? new NetDouble(value.value) : nonFiniteText(value.value);
  }
  if (value instanceof NetInt) return value.value;
  if (value instanceof NetEnum) return value.value;
  if (value instanceof NetDateTime) return value;
  if (value instanceof NetTimeSpan) return formatTimeSpan(value.ms);
  const children = jsonChildren(value);
  if (children === null) return new NetEmptyJToken();
  if (Array.isArray(value)) return children.map((child) => enumeratedJToken(child.value));
  const entries: Record<string, NetValue> = {};
  for (const child of children) entries[child.key ?? ''] = enumeratedJToken(child.value);
  return new NetDictionary(entries);
}

/** The Hashtable event-history keeps for an event: `{Event, Time, ...data}` after the Newtonsoft round trip. */
export function historyRow(entries: Record<string, NetValue>): NetHashtable {
  const row: Record<string, NetValue> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) row[key] = roundTripValue(value);
  }
  return new NetHashtable(row);
}
