import { describe, expect, it } from 'vitest';
import { pictureCovers, type StackPicture } from './use-stack-picture';

const picture = (version: string, askedWidthPx: number | undefined, widthPx: number): StackPicture => ({
  url: 'blob:1',
  bytes: 1,
  widthPx,
  heightPx: Math.round(widthPx / 1.5),
  tag: { version, widthPx: askedWidthPx, heightPx: 0, attempt: 0 },
});

describe('pictureCovers', () => {
  it('asks again for every new version of the stack', () => {
    expect(pictureCovers(picture('1:5', 400, 400), '1:5', 400)).toBe(true);
    expect(pictureCovers(picture('1:5', 400, 400), '2:6', 400)).toBe(false);
    expect(pictureCovers(undefined, '1:5', 400)).toBe(false);
  });

  it('asks again when the place grows well past the picture, not when it shrinks or barely grows', () => {
    expect(pictureCovers(picture('1:5', 400, 400), '1:5', 300)).toBe(true);
    expect(pictureCovers(picture('1:5', 400, 400), '1:5', 460)).toBe(true);
    expect(pictureCovers(picture('1:5', 400, 400), '1:5', 600)).toBe(false);
  });

  it('never asks again for more of a stack NINA already sent whole', () => {
    // NINA does not enlarge: a picture narrower than asked is all there is.
    expect(pictureCovers(picture('1:5', 2000, 1249), '1:5', 3000)).toBe(true);
    expect(pictureCovers(picture('1:5', 2000, 1249), '1:5', undefined)).toBe(true);
    expect(pictureCovers(picture('1:5', undefined, 1249), '1:5', 400)).toBe(true);
    expect(pictureCovers(picture('1:5', 800, 800), '1:5', undefined)).toBe(false);
  });
});
