/**
 * Storybook for designers: every sora element in every state, driven by the fake provider through
 * msw in the browser. No server runs; see docs/storybook.md.
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { serverOnlyStubs } from './server-only.ts';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Telemetry stays off even when the environment variable is missing (offline CI, designers' laptops).
process.env.STORYBOOK_DISABLE_TELEMETRY ??= '1';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../packages/elements/stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: [
    // The msw service worker (`msw init .storybook/public`).
    { from: './public', to: '/' },
    // The fakes' sample media (@sora-kit/sample-media): the mock copies "generated" videos from here.
    { from: '../packages/sample-media/media', to: '/sora-kit-media' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [serverOnlyStubs()],
      // Stories run against the packages' sources, like the tests: no build needed.
      resolve: {
        conditions: ['module', 'browser', 'production'], // Lit's production build: no dev-mode warning
        alias: [
          { find: /^@sora-kit\/core$/, replacement: src('../packages/core/src/index.ts') },
          { find: /^@sora-kit\/core\/validation$/, replacement: src('../packages/core/src/validation.ts') },
          { find: /^@sora-kit\/sample-media$/, replacement: src('../packages/sample-media/src/index.ts') },
          { find: /^@sora-kit\/server\/testing$/, replacement: src('../packages/server/src/testing.ts') },
          { find: /^@sora-kit\/elements$/, replacement: src('../packages/elements/src/index.ts') },
          {
            find: /^@sora-kit\/elements\/locales\/fr$/,
            replacement: src('../packages/elements/src/locales/fr.ts'),
          },
        ],
      },
      build: { chunkSizeWarningLimit: 4096 },
    });
  },
};

export default config;
