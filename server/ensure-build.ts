import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything Vite reads to produce dist/, relative to the project root. */
const BUILD_INPUTS = ['src', 'index.html', 'public', 'vite.config.ts', 'package.json'];

export interface BuildOptions {
  root: string;
  distDir: string;
  log?: (line: string) => void;
}

function findFileNewerThan(filePath: string, thresholdMs: number): string | undefined {
  let stat;
  try {
    stat = statSync(filePath);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return stat.mtimeMs > thresholdMs ? filePath : undefined;
  for (const entry of readdirSync(filePath)) {
    const newer = findFileNewerThan(path.join(filePath, entry), thresholdMs);
    if (newer !== undefined) return newer;
  }
  return undefined;
}

/** Why dist/ must be rebuilt, or undefined when it is newer than all its inputs. */
export function findBuildReason(root: string, distDir: string): string | undefined {
  const builtIndex = path.join(distDir, 'index.html');
  let builtAtMs: number;
  try {
    builtAtMs = statSync(builtIndex).mtimeMs;
  } catch {
    return `${path.relative(root, builtIndex)} is missing`;
  }
  for (const input of BUILD_INPUTS) {
    const newer = findFileNewerThan(path.join(root, input), builtAtMs);
    if (newer !== undefined) return `${path.relative(root, newer)} changed since the last build`;
  }
  return undefined;
}

/** Runs `vite build` in-process when dist/ is missing or older than the sources. */
export async function ensureBuild({ root, distDir, log }: BuildOptions): Promise<void> {
  const reason = findBuildReason(root, distDir);
  if (reason === undefined) {
    log?.('The built app is up to date.');
    return;
  }
  log?.(`Building the app with Vite: ${reason}.`);
  const startedMs = performance.now();
  // Imported here so that --no-build runs without Vite installed.
  const { build } = await import('vite');
  await build({ root, logLevel: log === undefined ? 'silent' : 'info', build: { outDir: distDir } });
  log?.(`Built in ${((performance.now() - startedMs) / 1000).toFixed(1)} s.`);
}
