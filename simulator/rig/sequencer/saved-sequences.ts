// The profile's DefaultSequenceFolder: the saved sequences the simulator ships, which
// `sequence/list-available` lists and `GET sequence/load` reads.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEQUENCE_FOLDER = fileURLToPath(new URL('../../sequences', import.meta.url));

const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** FileSystemHelper.GetFilesRecursively: a folder's files (in name order, as NTFS lists them), then each subfolder's. */
function filesRecursively(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort(byName);
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort(byName);
  return [...files.map((name) => join(folder, name)), ...folders.flatMap((name) => filesRecursively(join(folder, name)))];
}

/** The `.json` files, relative to the folder with `/` separators and no extension (`sub/Test short`). */
export function listSequences(folder: string): string[] {
  return filesRecursively(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => relative(folder, file).split(sep).join('/').replace(/\.json$/, ''));
}

/**
 * `<folder>/<name>.json`, or null when there is no such file. NINA combines the name into any
 * path; the simulator keeps to its folder so a LAN client cannot read other files through it.
 */
export function readSequence(folder: string, name: string): string | null {
  const root = resolve(folder);
  const file = resolve(root, `${name}.json`);
  if (!file.startsWith(`${root}${sep}`) || !existsSync(file) || !statSync(file).isFile()) return null;
  return readFileSync(file, 'utf8');
}
