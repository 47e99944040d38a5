// What Skydeck's build weighs, gzipped: the initial download and each view's chunk.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialFiles } from './bundle-files';

export interface BundleRow {
  name: string;
  gzipBytes: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measureBundle(distDir: string): { initialJs: number; initialCss: number; views: BundleRow[] } {
  const { js, css } = initialFiles(distDir);
  const assets = path.join(distDir, 'assets');
  const views = readdirSync(assets)
    .filter((file) => /^view-.*\.js$/.test(file))
    .map((file) => ({ name: file.replace(/^view-(.+)-[\w-]{8}\.js$/, '$1'), gzipBytes: gzipSize(path.join(assets, file)) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { initialJs: js.reduce((sum, file) => sum + gzipSize(file), 0), initialCss: css.reduce((sum, file) => sum + gzipSize(file), 0), views };
}
