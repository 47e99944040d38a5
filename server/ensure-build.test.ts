import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuild, findBuildReason } from './ensure-build';

let root: string;
let distDir: string;

function write(relativePath: string, content: string, ageS = 0): void {
  const filePath = path.join(root, relativePath);
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, content);
  const time = new Date(Date.now() - ageS * 1000);
  utimesSync(filePath, time, time);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'skydeck-build-'));
  distDir = path.join(root, 'dist');
  write('index.html', '<!doctype html><body><script type="module" src="/src/main.js"></script></body>', 60);
  write('src/main.js', 'document.body.append("skydeck");\n', 60);
  write('src/nested/deep/helper.js', 'export const x = 1;\n', 60);
  write('package.json', '{"name":"fixture","type":"module"}', 60);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findBuildReason', () => {
  it('asks for a build when dist/index.html is missing', () => {
    expect(findBuildReason(root, distDir)).toBe(`dist${path.sep}index.html is missing`);
  });

  it('is satisfied when the build is newer than every input', () => {
    write('dist/index.html', 'built', 0);
    expect(findBuildReason(root, distDir)).toBeUndefined();
  });

  it.each(['src/nested/deep/helper.js', 'index.html', 'public/favicon.svg', 'vite.config.ts', 'package.json'])(
    'names %s when it changed after the build',
    (input) => {
      write('dist/index.html', 'built', 30);
      write(input, 'changed', 0);
      expect(findBuildReason(root, distDir)).toBe(`${path.join(...input.split('/'))} changed since the last build`);
    },
  );

  it('ignores files that are not build inputs', () => {
    write('dist/index.html', 'built', 30);
    write('server/main.ts', 'changed', 0);
    write('README.md', 'changed', 0);
    expect(findBuildReason(root, distDir)).toBeUndefined();
  });
});

describe('ensureBuild', () => {
  it('builds with Vite when needed, then leaves an up-to-date build alone', async () => {
    const lines: string[] = [];
    await ensureBuild({ root, distDir, log: (line) => lines.push(line) });
    const builtIndex = readFileSync(path.join(distDir, 'index.html'), 'utf8');
    expect(builtIndex).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    expect(readdirSync(path.join(distDir, 'assets'))).toHaveLength(1);
    expect(lines[0]).toBe(`Building the app with Vite: dist${path.sep}index.html is missing.`);
    expect(lines.at(-1)).toMatch(/^Built in \d+\.\d s\.$/);

    lines.length = 0;
    await ensureBuild({ root, distDir, log: (line) => lines.push(line) });
    expect(lines).toEqual(['The built app is up to date.']);
  });
});
