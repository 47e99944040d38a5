// Bundle budget, enforced by `npm test` (size-limit after the e2e build): growth is a decision.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('./dist', import.meta.url));
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => path.join('dist', match[1]));
const views = readdirSync(path.join(dist, 'assets')).filter((file) => /^view-.*\.js$/.test(file));

export default [
  { name: 'Initial JavaScript (entry and preloaded chunks)', path: initial.filter((file) => file.endsWith('.js')), limit: '150 KB', gzip: true },
  { name: 'Initial CSS', path: initial.filter((file) => file.endsWith('.css')), limit: '12 KB', gzip: true },
  ...views.map((file) => ({ name: `View chunk ${file}`, path: path.join('dist', 'assets', file), limit: '140 KB', gzip: true })),
];
