import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ViewRoutes } from './router';

vi.mock('../features/mount/route', () => ({ Component: () => <p>The mount view</p> }));
vi.mock('../features/events/route', () => ({
  Component: () => {
    throw new Error('the event log broke');
  },
}));
vi.mock('../features/settings/route', () => {
  throw new Error('the chunk did not load');
});

afterEach(() => vi.restoreAllMocks());

function renderAt(path: string) {
  const location = memoryLocation({ path });
  render(
    <Router hook={location.hook}>
      <ViewRoutes />
    </Router>,
  );
  return location;
}

describe('ViewRoutes', () => {
  it('shows a loading status while a view’s chunk loads, then the view', async () => {
    renderAt('/mount');
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(await screen.findByText('The mount view')).toBeTruthy();
  });

  it('says “No such view” for an address that is no view, with a way back to the overview', () => {
    renderAt('/telescope');
    expect(screen.getByRole('heading', { name: 'No such view' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the overview' }).getAttribute('href')).toBe('/');
  });

  it('shows the route error with a reload button when a view throws, and the next view starts clean', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const location = renderAt('/events');
    expect(await screen.findByRole('heading', { name: 'This view could not be shown' })).toBeTruthy();
    expect(screen.getByText('the event log broke')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();

    act(() => location.navigate('/mount'));
    expect(await screen.findByText('The mount view')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the route error with a reload button when a view’s chunk fails to load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderAt('/settings');
    expect(await screen.findByRole('heading', { name: 'This view could not be shown' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
