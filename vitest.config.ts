import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './test/chromium.js';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the packages' sources, so `vitest` works without a build.
const alias = {
  '@sora-kit/core/validation': src('./packages/core/src/validation.ts'),
  '@sora-kit/core/protocol': src('./packages/core/src/protocol.ts'),
  '@sora-kit/core': src('./packages/core/src/index.ts'),
  '@sora-kit/server/testing': src('./packages/server/src/testing.ts'),
  '@sora-kit/server/node': src('./packages/server/src/node.ts'),
  '@sora-kit/server': src('./packages/server/src/index.ts'),
  '@sora-kit/sample-media': src('./packages/sample-media/src/index.ts'),
};

const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

export default defineConfig({
  resolve: { alias },
  test: {
    // CI also writes a JSON report, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/{src,test}/**/*.test.ts'],
          exclude: ['packages/core/test/browser/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'core-browser',
          include: ['packages/core/test/browser/**/*.test.ts'],
          browser: browser(),
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/server/{src,test}/**/*.test.ts'],
          exclude: ['packages/server/test/scale/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'elements',
          include: ['packages/elements/{src,test}/**/*.test.ts'],
          exclude: ['packages/elements/**/*.node.test.ts'],
          browser: browser(),
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'elements-node',
          environment: 'node',
          include: ['packages/elements/{src,test}/**/*.node.test.ts'],
        },
      },
      {
        test: {
          name: 'storybook',
          environment: 'node',
          include: ['test/storybook/**/*.test.ts'],
          // Builds Storybook first when storybook-static/ is missing (about 1.5 min on 2 cores).
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
      {
        // Several processes of the built package on real Redis and PostgreSQL (see .ci/run).
        resolve: { alias },
        test: {
          name: 'scale',
          environment: 'node',
          include: ['packages/server/test/scale/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'adoption',
          environment: 'node',
          include: ['test/adoption/**/*.test.ts'],
          // Packs, then installs every example from the tarballs with npm (in parallel) and builds it.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
