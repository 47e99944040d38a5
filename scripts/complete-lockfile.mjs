// The npm registry mirror this project is built on serves only some platforms' builds of a few
// native packages (Tailwind's oxide, the unrs resolver). npm then leaves them out of
// package-lock.json, and `npm ci` refuses the lock as out of sync. This adds the missing entries
// with the platform fields their names spell out, so `npm ci` skips them on every other platform
// exactly as it would with complete registry data. Run it after regenerating the lock from scratch:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OSES = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPUS = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'arm'];

const added = [];
for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const tokens = name.split('/').pop().split('-');
    const os = OSES.find((token) => tokens.includes(token));
    const cpu = CPUS.find((token) => tokens.includes(token));
    if (!cpu) throw new Error(`Cannot tell which CPU ${name} is built for; add its entry by hand.`);
    const libc = tokens.some((token) => token.startsWith('musl')) ? 'musl' : os === 'linux' && tokens.some((token) => token.startsWith('gnu')) ? 'glibc' : undefined;
    packages[key] = {
      version,
      cpu: [cpu],
      ...(entry.dev && { dev: true }),
      ...(libc && { libc: [libc] }),
      optional: true,
      ...(os && { os: [os] }),
    };
    added.push(`${name}@${version}`);
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} platform entries:\n  ${added.join('\n  ')}` : 'The lock file is complete.');
