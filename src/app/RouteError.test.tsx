import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RouteError } from './RouteError';

describe('RouteError', () => {
  it('suggests reloading when the browser could not fetch a view’s chunk', () => {
    render(<RouteError error={new TypeError('Failed to fetch dynamically imported module: http://skydeck/assets/view-settings-Ab12Cd34.js')} />);
    expect(screen.getByText(/Reload to fetch it again/)).toBeTruthy();
  });
});
