import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { NavLink } from './NavLink';

describe('NavLink', () => {
  it('marks the link of the view on screen with aria-current="page", and follows navigation', async () => {
    const location = memoryLocation({ path: '/mount' });
    render(
      <Router hook={location.hook}>
        {['/', '/mount', '/camera'].map((path) => (
          <NavLink key={path} path={path} className={(isActive) => (isActive ? 'active' : '')}>
            {path}
          </NavLink>
        ))}
      </Router>,
    );
    const current = () => screen.getAllByRole('link').filter((link) => link.getAttribute('aria-current') === 'page').map((link) => link.textContent);
    expect(current()).toEqual(['/mount']);
    expect(screen.getByRole('link', { name: '/mount' }).className).toBe('active');

    await userEvent.click(screen.getByRole('link', { name: '/camera' }));
    expect(current()).toEqual(['/camera']);
  });
});
