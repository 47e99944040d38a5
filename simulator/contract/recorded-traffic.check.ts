/**
 * Runs after the unit and e2e tests (`npm run test:contract`): every REST reply and socket message the simulators
 * recorded during those tests must conform to the published spec, modulo exceptions.ts.
 */
import { assert, expect, it } from 'vitest';
import { coverageSummary, violationSummary, type Checked } from './report';
import { contract } from './spec';
import { readTraffic } from './traffic';

const traffic = readTraffic();

it('finds recorded traffic (a check with nothing to check proves nothing)', () => {
  expect(
    traffic.items.length,
    `no traffic recorded in ${traffic.dir}: run the unit and e2e tests first (npm test does), with SKYDECK_TRAFFIC_DIR pointing there`,
  ).toBeGreaterThan(0);
});

it('finds only well-formed traffic records', () => {
  const problems = traffic.unreadable.map(({ source, reason }) => `${source}: ${reason}`);
  expect(problems, problems.join('\n')).toEqual([]);
});

it('finds every recorded reply and message conforming to the spec', () => {
  const checked: Checked[] = traffic.items.map(({ source, item }) => ({ source, item, result: contract().validate(item) }));
  const skipped = checked.filter((entry) => entry.result.skipped).length;
  console.info(
    `Checked ${checked.length - skipped} recorded items from ${traffic.files.length} files in ${traffic.dir} (${skipped} injected faults skipped).\n` +
      coverageSummary(contract(), checked),
  );
  const summary = violationSummary(checked);
  if (summary) assert.fail(summary);
});
