import { describe, expect, it } from 'vitest';
import { dictionary, double, float, hashtable, int, netEnum, timeSpan, type NetValue } from './net-values';
import { hashtableKeyOrder, serialize, STJ_DEFAULT, toNewtonsoft, toStj } from './serializer';

const pierWest = netEnum('pierWest', 1);

describe('the two serializers on one model', () => {
  const model: NetValue = {
    Position: double(12345),
    Step: int(3),
    SideOfPier: pierWest,
    Temperature: double(Number.NaN),
    Gust: double(Number.POSITIVE_INFINITY),
    Calm: double(Number.NEGATIVE_INFINITY),
    Filename: null,
    Absent: undefined,
    Angle: float(92.31),
    Duration: timeSpan(60_000),
  };

  it('STJ (REST): nulls omitted, enums as names, NaN/Infinity as strings, integral doubles as 1', () => {
    expect(toStj(model)).toBe(
      '{"Position":12345,"Step":3,"SideOfPier":"pierWest","Temperature":"NaN","Gust":"Infinity","Calm":"-Infinity",' +
        '"Angle":92.31,"Duration":"00:01:00"}',
    );
  });

  it('Newtonsoft (socket): nulls written, enums as numbers, NaN as a string, integral doubles keep .0', () => {
    expect(toNewtonsoft(model)).toBe(
      '{"Position":12345.0,"Step":3,"SideOfPier":1,"Temperature":"NaN","Gust":"Infinity","Calm":"-Infinity",' +
        '"Filename":null,"Angle":92.31,"Duration":"00:01:00"}',
    );
  });

  it('STJ writes null dictionary entries, which it omits for class properties', () => {
    expect(toStj({ A: null, B: dictionary({ C: null }) })).toBe('{"B":{"C":null}}');
  });

  it('STJ with default options (the /v2/mount replies) writes nulls and enum numbers and refuses NaN', () => {
    expect(serialize({ A: null, B: pierWest }, STJ_DEFAULT)).toBe('{"A":null,"B":1}');
    expect(() => serialize({ A: double(Number.NaN) }, STJ_DEFAULT)).toThrow(RangeError);
  });

  it('STJ escapes non-ASCII and HTML-sensitive characters like JavaScriptEncoder.Default; Newtonsoft does not', () => {
    const text = `22° 00' 52" <&+>`;
    expect(toStj(text)).toBe('"22\\u00B0 00\\u0027 52\\u0022 \\u003C\\u0026\\u002B\\u003E"');
    expect(toNewtonsoft(text)).toBe(JSON.stringify(text));
  });
});

describe('Hashtable key order', () => {
  const keys = ['Event', 'Time', 'IsSafe', 'Previous', 'New'];

  it('is not insertion order, and is the same every time', () => {
    const order = hashtableKeyOrder(keys);
    expect(order).not.toEqual(keys);
    expect(order).toEqual(hashtableKeyOrder([...keys].reverse()));
    expect([...order].sort()).toEqual([...keys].sort());
  });

  it('writes every entry, nulls included, in that order on both paths', () => {
    const table = hashtable({ Event: 'SAFETY-CHANGED', IsSafe: false, Extra: null });
    const expectedKeys = hashtableKeyOrder(['Event', 'IsSafe', 'Extra']);
    expect(Object.keys(JSON.parse(toStj(table)) as object)).toEqual(expectedKeys);
    expect(Object.keys(JSON.parse(toNewtonsoft(table)) as object)).toEqual(expectedKeys);
    expect(toStj(table)).toContain('"Extra":null');
  });
});
