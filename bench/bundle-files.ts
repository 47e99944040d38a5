import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a browser downloads before Skydeck can draw anything: the entry script, the chunks it
 * preloads, and the stylesheet, read from the built index.html.
 */
export function initialFiles(distDir: string): { js: string[]; css: string[] } {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const references = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => path.join(distDir, match[1] as string));
  return { js: references.filter((file) => file.endsWith('.js')), css: references.filter((file) => file.endsWith('.css')) };
}
