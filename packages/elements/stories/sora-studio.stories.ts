/** `<sora-studio>`: prompt, history and player wired together, on its own in-memory API. */
import '@sora-kit/elements';
import '@sora-kit/elements/locales/fr';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SoraStoryParameters } from '../../../.storybook/sora-loader';
import {
  blankTokens,
  type CommonArgs,
  commonArgTypes,
  endpointOf,
  HOST_BRAND,
  type RenderContext,
  themeOf,
  tokenStyle,
} from './support/args';
import { deepFind, submitPrompt } from './support/play';
import { EVERY_STATE, LONG_PROMPT, manyJobs, PROMPTS } from './support/seeds';

interface Args extends CommonArgs {
  '--sora-studio-gap'?: string;
  '--sora-studio-list-width'?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/sora-studio',
  component: 'sora-studio',
  argTypes: {
    ...commonArgTypes(),
    '--sora-studio-gap': { control: 'text', table: { category: 'css custom properties' } },
    '--sora-studio-list-width': { control: 'text', table: { category: 'css custom properties' } },
  },
  args: { theme: '', lang: '', ...blankTokens() },
  parameters: { docs: { story: { height: '720px' } } },
  render: (args, storyContext) => {
    const context = storyContext as unknown as RenderContext;
    const style = [
      tokenStyle(args),
      ...(['--sora-studio-gap', '--sora-studio-list-width'] as const)
        .filter((name) => args[name])
        .map((name) => `${name}: ${args[name]}`),
    ].join('; ');
    return html`<sora-studio
      endpoint=${endpointOf(context)}
      theme=${themeOf(args, context)}
      lang=${ifDefined(args.lang || undefined)}
      style=${style}
    ><h2 slot="heading" style="margin: 0 0 8px; font: 600 20px system-ui;">Make a video</h2></sora-studio>`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sora = (parameters: SoraStoryParameters) => ({ sora: parameters });

/** A first visit: nothing generated yet. */
export const Empty: Story = { parameters: sora({ seed: [] }) };

export const Loading: Story = { parameters: sora({ stall: 'history' }) };

/** A history with one job in every state. */
export const EveryState: Story = { parameters: sora({ seed: EVERY_STATE }) };

/** A finished video chosen from the list plays on the right. */
export const Playing: Story = {
  parameters: sora({ seed: EVERY_STATE }),
  play: async ({ canvasElement }) => {
    const play = await deepFind(canvasElement, 'sora-studio', 'sora-job-list', '[part~="play"]');
    play.click();
    await deepFind(canvasElement, 'sora-studio', 'sora-player', 'video');
  },
};

/** Live: new jobs run on the fake's clock in real time (12 s each). Type a prompt and send it. */
export const Live: Story = {
  parameters: sora({ live: true, seed: [{ prompt: PROMPTS[5], state: 'completed' }] }),
};

/** Sending while over the rate limit. */
export const RateLimited: Story = {
  tags: ['network-errors'],
  // Over 30 s: the client waits out shorter Retry-After delays by itself and retries.
  parameters: sora({ seed: EVERY_STATE.slice(0, 3), rateLimit: 45 }),
  play: async ({ canvasElement }) => {
    const prompt = await deepFind<HTMLElement & { prompt: string }>(
      canvasElement,
      'sora-studio',
      'sora-prompt',
    );
    await submitPrompt(prompt, PROMPTS[6]);
    await deepFind(canvasElement, 'sora-studio', 'sora-prompt', '[part~="countdown"]');
  },
};

export const Offline: Story = { tags: ['network-errors'], parameters: sora({ offline: true }) };

export const LongPrompt: Story = {
  parameters: sora({
    seed: [
      { prompt: LONG_PROMPT, state: 'completed' },
      { prompt: LONG_PROMPT, state: 'failed' },
    ],
  }),
};

export const ManyJobs: Story = { name: 'Many jobs (40)', parameters: sora({ seed: manyJobs(40) }) };

export const Dark: Story = { args: { theme: 'dark' }, parameters: sora({ seed: EVERY_STATE }) };

/**
 * A host page's brand through `--sora-*` tokens and `::part()` rules, on the brand's own light page
 * (whatever the toolbar says), its rules scoped to it so a Docs page's other stories keep theirs.
 */
export const HostTheme: Story = {
  args: { ...HOST_BRAND, '--sora-studio-gap': '32px' },
  parameters: sora({ seed: EVERY_STATE }),
  decorators: [
    (story) => html`<style>
        .host-brand { background: #fffdf7; color: #2a2419; padding: 16px; }
        .host-brand sora-studio::part(prompt) { border-bottom: 2px solid #0b7a5c; padding-bottom: 16px; }
        .host-brand sora-studio::part(player) { box-shadow: 0 0 0 4px #0b7a5c; }
      </style>
      <div class="host-brand">${story()}</div>`,
  ],
};
