import { describe, expect, it } from 'vitest';
import { NinaUrlError, parseNinaUrl } from './nina-url';

describe('parseNinaUrl', () => {
  it.each([
    ['http://192.168.1.20:1888', 'http://192.168.1.20:1888'],
    ['http://192.168.1.20:1888/', 'http://192.168.1.20:1888'],
    ['  http://nina-pc.local:1888  ', 'http://nina-pc.local:1888'],
    ['HTTP://Nina-PC:1888', 'http://nina-pc:1888'],
    ['https://observatory.example', 'https://observatory.example'],
    ['http://[fe80::1]:1888', 'http://[fe80::1]:1888'],
  ])('accepts %s as the origin %s', (input, origin) => {
    expect(parseNinaUrl(input)).toBe(origin);
  });

  it.each([
    ['192.168.1.20:1888', /must start with http:\/\/ or https:\/\/, e\.g\. http:\/\/192\.168\.1\.20:1888\./],
    ['nina-pc:1888', /e\.g\. http:\/\/nina-pc:1888\./],
    ['', /must start with http:\/\//],
    ['http://', /not a valid URL/],
    ['ftp://192.168.1.20:1888', /http:\/\/ or https:\/\//],
    ['ws://192.168.1.20:1888', /http:\/\/ or https:\/\//],
    ['http://192.168.1.20:1888/v2/api', /without a path.*Try http:\/\/192\.168\.1\.20:1888\./],
    ['http://192.168.1.20:1888?x=1', /without a path/],
    ['http://192.168.1.20:1888/#top', /without a path/],
    ['http://192.168.1.20:1888?', /without a path/],
    ['http://admin:secret@192.168.1.20:1888', /user name or password/],
    ['http://192.168.1.20:99999', /not a valid URL/],
  ])('rejects %s with a message that says what to type', (input, message) => {
    expect(() => parseNinaUrl(input)).toThrow(NinaUrlError);
    expect(() => parseNinaUrl(input)).toThrow(message);
  });
});
