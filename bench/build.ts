import { fileURLToPath } from 'node:url';
import { ensureBuild } from '../server/ensure-build';

/** Benchmarks measure the built app; build it first when the sources are newer. */
export async function ensureBuilt(): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const distDir = process.env.SKYDECK_DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
  await ensureBuild({ root, distDir, log: (line) => console.log(line) });
  return distDir;
}
