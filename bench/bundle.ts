// What Skydeck's build weighs, gzipped: the initial download and each view's chunk.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { initialFiles, viewChunks } from './bundle-files';

export interface BundleRow {
  name: string;
  gzipBytes: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measureBundle(distDir: string): { initialJs: number; initialCss: number; views: BundleRow[] } {
  const { js, css } = initialFiles(distDir);
  const views = viewChunks(distDir)
    .map(({ feature, file }) => ({ name: feature, gzipBytes: gzipSize(file) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { initialJs: js.reduce((sum, file) => sum + gzipSize(file), 0), initialCss: css.reduce((sum, file) => sum + gzipSize(file), 0), views };
}
