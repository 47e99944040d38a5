import { defineConfig, mergeConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import viteConfig from './vite.config';

const trafficDir = fileURLToPath(new URL('./.traffic', import.meta.url));

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'web',
            include: ['src/**/*.test.{ts,tsx}'],
            environment: 'happy-dom',
            setupFiles: ['src/test/setup.ts'],
          },
        },
        {
          test: {
            name: 'node',
            include: ['simulator/**/*.test.ts', 'server/**/*.test.ts'],
            environment: 'node',
            // Every simulator started by a test records its traffic for the contract check.
            env: { SKYDECK_TRAFFIC_DIR: trafficDir },
            testTimeout: 20_000,
          },
        },
        {
          test: {
            name: 'contract-recorded',
            include: ['simulator/contract/recorded-traffic.check.ts'],
            environment: 'node',
            env: { SKYDECK_TRAFFIC_DIR: trafficDir },
            testTimeout: 120_000,
          },
        },
      ],
    },
  }),
);
