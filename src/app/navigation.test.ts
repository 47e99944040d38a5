import { describe, expect, it } from 'vitest';
import { isViewActive } from './navigation';

describe('isViewActive', () => {
  it('matches the overview only at / and other views also below their path', () => {
    expect(isViewActive('/', '/')).toBe(true);
    expect(isViewActive('/', '/mount')).toBe(false);
    expect(isViewActive('/mount', '/mount')).toBe(true);
    expect(isViewActive('/mount', '/mount/')).toBe(true);
    expect(isViewActive('/mount', '/Mount')).toBe(true);
    expect(isViewActive('/mount', '/mountain')).toBe(false);
  });
});
