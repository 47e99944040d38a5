import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root, {
  onUncaughtError: (error, info) => console.error('[skydeck] uncaught render error', error, info.componentStack),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
