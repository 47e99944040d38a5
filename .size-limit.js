// Bundle budget, enforced by `npm test` (size-limit after the e2e build): growth is a decision.
// SKYDECK_DIST_DIR checks another build folder, as it does for the server and the e2e fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(process.env.SKYDECK_DIST_DIR ?? fileURLToPath(new URL('./dist', import.meta.url)));
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => path.join(dist, match[1]));
if (!initial.some((file) => file.endsWith('.js'))) throw new Error(`${dist}/index.html references no script under /assets/: nothing to measure.`);

// vite.config.ts names each view's chunk view-<feature folder>-<hash>.js; matching the folder names
// keeps shared chunks of lib files that happen to start with "view-" (view-transform) out of it.
const featuresDir = fileURLToPath(new URL('./src/features', import.meta.url));
const features = readdirSync(featuresDir).filter((feature) => existsSync(path.join(featuresDir, feature, 'route.tsx')));
const viewChunk = new RegExp(`^view-(?:${features.join('|')})-[\\w-]{8}\\.js$`);
const views = readdirSync(path.join(dist, 'assets')).filter((file) => viewChunk.test(file));
if (views.length !== features.length) {
  throw new Error(`${dist} should hold one view chunk per feature (${features.join(', ')}) but holds: ${views.join(', ') || 'none'}. Build it again with --emptyOutDir.`);
}

export default [
  { name: 'Initial JavaScript (entry and preloaded chunks)', path: initial.filter((file) => file.endsWith('.js')), limit: '150 KB', gzip: true },
  { name: 'Initial CSS', path: initial.filter((file) => file.endsWith('.css')), limit: '12 KB', gzip: true },
  ...views.map((file) => ({ name: `View chunk ${file}`, path: path.join(dist, 'assets', file), limit: '140 KB', gzip: true })),
];
