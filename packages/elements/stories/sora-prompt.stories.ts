/** `<sora-prompt>` in every state, each story on its own in-memory API seeded through the fake. */
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
import { LONG_PROMPT, one, PROMPTS } from './support/seeds';

interface Args extends CommonArgs {
  prompt?: string;
  model?: string;
  size?: string;
  seconds?: number;
  'remix-of'?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/sora-prompt',
  component: 'sora-prompt',
  argTypes: {
    ...commonArgTypes(),
    prompt: { control: 'text', table: { category: 'attributes' } },
    model: { control: 'select', options: ['', 'sora-2', 'sora-2-pro'], table: { category: 'attributes' } },
    size: {
      control: 'select',
      options: ['', '1280x720', '720x1280', '1792x1024', '1024x1792'],
      table: { category: 'attributes' },
    },
    seconds: { control: 'inline-radio', options: [4, 8, 12], table: { category: 'attributes' } },
    'remix-of': { control: false, table: { category: 'attributes' } },
  },
  args: { theme: '', lang: '', ...blankTokens() },
  render: (args, storyContext) => {
    const context = storyContext as unknown as RenderContext;
    const remixOf = args['remix-of'] === 'seeded' ? context.loaded.sora?.jobs[0]?.jobId : undefined;
    return html`<sora-prompt
      endpoint=${endpointOf(context)}
      theme=${themeOf(args, context)}
      lang=${ifDefined(args.lang || undefined)}
      prompt=${ifDefined(args.prompt || undefined)}
      model=${ifDefined(args.model || undefined)}
      size=${ifDefined(args.size || undefined)}
      seconds=${ifDefined(args.seconds || undefined)}
      remix-of=${ifDefined(remixOf)}
      style=${`max-width: 720px; ${tokenStyle(args)}`}
    ></sora-prompt>`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sora = (parameters: SoraStoryParameters) => ({ sora: parameters });

/** Ready for a prompt: models, sizes and lengths from the provider's capabilities. */
export const Empty: Story = { parameters: sora({}) };

/** The capabilities have not arrived yet. */
export const Loading: Story = { parameters: sora({ stall: 'all' }) };

/** A prompt typed, with its estimated cost. */
export const Filled: Story = {
  args: { prompt: PROMPTS[0], model: 'sora-2-pro', size: '1792x1024', seconds: 8 },
  parameters: sora({}),
};

/** A prompt over the limit: the count turns red and sending is blocked. */
export const LongPrompt: Story = { args: { prompt: LONG_PROMPT.repeat(3) }, parameters: sora({}) };

/** Sent while over the rate limit: the error, its remedy and the countdown. */
export const RateLimited: Story = {
  tags: ['network-errors'],
  parameters: sora({ rateLimit: 42 }),
  play: async ({ canvasElement }) => {
    const prompt = await deepFind<HTMLElement & { prompt: string }>(canvasElement, 'sora-prompt');
    await submitPrompt(prompt, PROMPTS[1]);
    await deepFind(canvasElement, 'sora-prompt', '[part~="countdown"]');
  },
};

/** Sent while the network is down. */
export const Offline: Story = {
  tags: ['network-errors'],
  parameters: sora({ offline: true }),
  play: async ({ canvasElement }) => {
    const prompt = await deepFind<HTMLElement & { prompt: string }>(canvasElement, 'sora-prompt');
    await submitPrompt(prompt, PROMPTS[2]);
    await deepFind(canvasElement, 'sora-prompt', '[part~="error"]');
  },
};

/** Remixing a finished video: the banner names the source. */
export const Remix: Story = { args: { 'remix-of': 'seeded' }, parameters: sora({ seed: one('completed') }) };

export const Dark: Story = { args: { theme: 'dark', prompt: PROMPTS[3] }, parameters: sora({}) };

/**
 * A host page's brand through `--sora-*` tokens and `::part()` rules, on the brand's own light page
 * (whatever the toolbar says), its rules scoped to it so a Docs page's other stories keep theirs.
 */
export const HostTheme: Story = {
  args: { ...HOST_BRAND, prompt: PROMPTS[4] },
  parameters: sora({}),
  decorators: [
    (story) => html`<style>
        .host-brand { background: #fffdf7; color: #2a2419; padding: 16px; }
        .host-brand sora-prompt::part(submit) { text-transform: uppercase; letter-spacing: 0.08em; border-radius: 999px; }
        .host-brand sora-prompt::part(textarea) { font-size: 18px; }
        .host-brand sora-prompt::part(label) { font-style: italic; }
      </style>
      <div class="host-brand">${story()}</div>`,
  ],
};
