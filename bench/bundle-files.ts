import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a browser downloads before Skydeck can draw anything: the entry script, the chunks it
 * preloads, and the stylesheet, read from the built index.html.
 */
export function initialFiles(distDir: string): { js: string[]; css: string[] } {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const references = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => path.join(distDir, match[1] as string));
  return { js: references.filter((file) => file.endsWith('.js')), css: references.filter((file) => file.endsWith('.css')) };
}

const featuresDir = fileURLToPath(new URL('../src/features', import.meta.url));

/**
 * Each view's lazy chunk, named view-<feature folder>-<hash>.js by vite.config.ts. Matching the
 * folder names keeps shared chunks of lib files that start with "view-" (view-transform) out.
 */
export function viewChunks(distDir: string): { feature: string; file: string }[] {
  const features = readdirSync(featuresDir).filter((feature) => existsSync(path.join(featuresDir, feature, 'route.tsx')));
  const viewChunk = new RegExp(`^view-(${features.join('|')})-[\\w-]{8}\\.js$`);
  const assets = path.join(distDir, 'assets');
  return readdirSync(assets).flatMap((file) => {
    const feature = viewChunk.exec(file)?.[1];
    return feature ? [{ feature, file: path.join(assets, file) }] : [];
  });
}
