import { describe, expect, it } from 'vitest';
import { bindQuery, BindingError, QueryData, queryField } from './query-binder';

const spec = {
  ra: queryField.double(),
  count: queryField.int32(),
  mode: queryField.int16(),
  waitForResult: queryField.boolean(),
  targetName: queryField.string(),
  type: queryField.enumeration('SequenceSkipType', { CurrentItems: 0, ToEnd: 1, ToImaging: 2 }),
};

const bind = (search: string) => bindQuery(spec, new QueryData(search));

function bindingMessage(search: string, fields: Parameters<typeof bindQuery>[0] = spec): string {
  try {
    bindQuery(fields, new QueryData(search));
  } catch (error) {
    if (error instanceof BindingError) return error.message;
    throw error;
  }
  throw new Error(`"${search}" bound without an error`);
}

describe('query binding like EmbedIO [QueryField]', () => {
  it('gives default(T) for missing fields: 0, false, null', () => {
    expect(bind('')).toEqual({ ra: 0, count: 0, mode: 0, waitForResult: false, targetName: null, type: 0 });
  });

  it('parses numbers with the invariant culture and rejects a comma decimal', () => {
    expect(bind('ra=83.6331&count=-12').ra).toBe(83.6331);
    expect(bind('ra=1e3&count=-12').count).toBe(-12);
    expect(bindingMessage('ra=83,6331')).toBe('Cannot convert field ra to Double.');
    expect(bind('ra=NaN').ra).toBeNaN();
  });

  it('accepts only true/false (any case) for a bool', () => {
    expect(bind('waitForResult=TRUE').waitForResult).toBe(true);
    expect(bindingMessage('waitForResult=1')).toBe('Cannot convert field waitForResult to Boolean.');
  });

  it('rejects a bare flag, which parses as "", for anything but a string', () => {
    expect(bindingMessage('waitForResult')).toBe('Cannot convert field waitForResult to Boolean.');
    expect(bind('targetName').targetName).toBe('');
  });

  it('names the C# type in the message and checks integer ranges', () => {
    expect(bindingMessage('count=1.5')).toBe('Cannot convert field count to Int32.');
    expect(bindingMessage('mode=40000')).toBe('Cannot convert field mode to Int16.');
    expect(bind('count=0x10').count).toBe(16);
  });

  it('reports a missing required field before anything else', () => {
    const required = { lineCount: queryField.int32({ required: true }), level: queryField.string() };
    expect(bindingMessage('level=INFO', required)).toBe('Missing query field lineCount.');
    expect(bindingMessage('lineCount', required)).toBe('Cannot convert field lineCount to Int32.');
  });

  it('binds in declaration order, so the first bad field is the one reported', () => {
    expect(bindingMessage('waitForResult=yes&ra=x')).toBe('Cannot convert field ra to Double.');
  });

  it('takes the last of repeated values, decodes + as a space and matches names case-insensitively', () => {
    expect(bind('ra=1&RA=2').ra).toBe(2);
    expect(bind('targetName=M+42%20Orion').targetName).toBe('M 42 Orion');
  });

  it('accepts enum names case-insensitively and numbers', () => {
    expect(bind('type=toend').type).toBe(1);
    expect(bind('type=2').type).toBe(2);
    expect(bindingMessage('type=Later')).toBe('Cannot convert field type to SequenceSkipType.');
  });

  it('tells presence apart from value for presence-tested parameters', () => {
    const query = new QueryData('raw_fits=false&index=');
    expect(query.has('raw_fits')).toBe(true);
    expect(query.has('index')).toBe(true);
    expect(query.has('factor')).toBe(false);
  });
});
