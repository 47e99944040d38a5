import { describe, expect, it } from 'vitest';
import { deserializeDictionary, DotNetException, elementToString, entry, parseDouble } from './mount-socket-json';

function readFrame(text: string): { direction: string; rate: number } {
  const json = deserializeDictionary(text);
  return { direction: elementToString(entry(json, 'direction')).toLowerCase(), rate: parseDouble(elementToString(entry(json, 'rate'))) };
}

function failure(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof DotNetException) return error.message;
    throw error;
  }
  throw new Error('did not throw');
}

describe('reading a /v2/mount frame as the plugin does', () => {
  it('takes the direction and a rate given as a number or a numeric string', () => {
    expect(readFrame('{"direction":"east","rate":1}')).toEqual({ direction: 'east', rate: 1 });
    expect(readFrame('{ "rate" : "0.25", "direction" : "NORTH" }')).toEqual({ direction: 'north', rate: 0.25 });
    expect(readFrame('{"direction":"west","rate":1.5e-1,"extra":[1,{"a":null}]}')).toEqual({ direction: 'west', rate: 0.15 });
    expect(readFrame('{"direction":"south","rate":" 1,000.5 "}')).toEqual({ direction: 'south', rate: 1000.5 });
    expect(readFrame('{"direction":"east","rate":1,"rate":2}').rate).toBe(2);
  });

  it('reads whatever JSON value the direction is as text: numbers raw, booleans as True/False', () => {
    expect(readFrame('{"direction":5,"rate":1}').direction).toBe('5');
    expect(readFrame('{"direction":true,"rate":1}').direction).toBe('true');
    expect(readFrame('{"direction":{"a": 1},"rate":1}').direction).toBe('{"a": 1}');
    expect(readFrame('{"direction":"e\\u0061st","rate":1}').direction).toBe('east');
  });

  it('accepts the names .NET parses: NaN and the infinities; huge values become Infinity', () => {
    expect(parseDouble('NaN')).toBeNaN();
    expect(parseDouble('-Infinity')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseDouble('∞')).toBe(Number.POSITIVE_INFINITY);
    expect(parseDouble('1e400')).toBe(Number.POSITIVE_INFINITY);
    expect(parseDouble('+.5')).toBe(0.5);
  });

  it.each([
    ['{"direction":"east"}', "The given key 'rate' was not present in the dictionary."],
    ['{"rate":1}', "The given key 'direction' was not present in the dictionary."],
    ['{"Direction":"east","rate":1}', "The given key 'direction' was not present in the dictionary."],
    ['null', 'Object reference not set to an instance of an object.'],
    ['{"direction":null,"rate":1}', 'Object reference not set to an instance of an object.'],
    ['{"direction":"east","rate":"fast"}', "The input string 'fast' was not in a correct format."],
    ['{"direction":"east","rate":true}', "The input string 'True' was not in a correct format."],
    ['{"direction":"east","rate":""}', "The input string '' was not in a correct format."],
    ['', 'The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, while isFinalBlock is true. Path: $ | LineNumber: 0 | BytePositionInLine: 0.'],
    ['hello', "'h' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0."],
    ['[1,2]', 'The JSON value could not be converted to System.Collections.Generic.Dictionary`2[System.String,System.Object]. Path: $ | LineNumber: 0 | BytePositionInLine: 1.'],
    ['"east"', 'The JSON value could not be converted to System.Collections.Generic.Dictionary`2[System.String,System.Object]. Path: $ | LineNumber: 0 | BytePositionInLine: 6.'],
    ['{direction:"east"}', `'d' is an invalid start of a property name. Expected a '"'. Path: $ | LineNumber: 0 | BytePositionInLine: 1.`],
    ['{"direction":"east"', 'Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. Path: $ | LineNumber: 0 | BytePositionInLine: 19.'],
    ['{"direction":"east",}', 'The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options. Path: $ | LineNumber: 0 | BytePositionInLine: 20.'],
    ['{"direction" "east"}', `'"' is invalid after a property name. Expected a ':'. Path: $ | LineNumber: 0 | BytePositionInLine: 13.`],
    ['{"direction":"east" "rate":1}', `'"' is invalid after a value. Expected either ',', '}', or ']'. Path: $ | LineNumber: 0 | BytePositionInLine: 20.`],
    ['{"rate":fast}', "'fas' is an invalid JSON literal. Expected the literal 'false'. Path: $.rate | LineNumber: 0 | BytePositionInLine: 10."],
    ['{"rate":1x}', "'x' is an invalid end of a number. Expected a delimiter. Path: $.rate | LineNumber: 0 | BytePositionInLine: 9."],
    ['{"rate":-}', "'}' is invalid within a number, immediately after a sign character ('-') or an exponent ('e' or 'E'). Expected a digit ('0'-'9'). Path: $.rate | LineNumber: 0 | BytePositionInLine: 9."],
    ['{"direction":"east"}\n{"rate":1}', "'{' is invalid after a single JSON value. Expected end of data. Path: $ | LineNumber: 1 | BytePositionInLine: 0."],
    ['{"direction":"ea\nst","rate":1}', "'0x0A' is invalid within a JSON string. The string should be correctly escaped. Path: $.direction | LineNumber: 0 | BytePositionInLine: 16."],
  ])('%j fails with %j', (frame, message) => {
    expect(failure(() => readFrame(frame))).toBe(message);
  });
});
