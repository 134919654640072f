/** `<sora-job-list>` in every state, each story on its own in-memory API seeded through the fake. */
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
import { EVERY_STATE, LONG_PROMPT, manyJobs, one } from './support/seeds';

interface Args extends CommonArgs {
  selected?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/sora-job-list',
  component: 'sora-job-list',
  argTypes: {
    ...commonArgTypes(),
    selected: { control: 'text', description: "The selected job's id", table: { category: 'attributes' } },
  },
  args: { theme: '', lang: '', ...blankTokens() },
  render: (args, context) => html`<sora-job-list
    endpoint=${endpointOf(context as unknown as RenderContext)}
    theme=${themeOf(args, context as unknown as RenderContext)}
    lang=${ifDefined(args.lang || undefined)}
    selected=${ifDefined(args.selected || undefined)}
    style=${tokenStyle(args)}
  ></sora-job-list>`,
};
export default meta;

type Story = StoryObj<Args>;
const sora = (parameters: SoraStoryParameters) => ({ sora: parameters });

/** No videos yet: the empty state. */
export const Empty: Story = { parameters: sora({ seed: [] }) };

/** The history request has not answered yet: the skeleton. */
export const Loading: Story = { parameters: sora({ stall: 'history' }) };

/** Accepted by the provider, not started. */
export const Queued: Story = { parameters: sora({ seed: one('queued') }) };

/** Just started (the fake reports 10 % as soon as a video leaves the queue). */
export const Started: Story = { parameters: sora({ seed: one({ progress: 10 }) }) };

/** Halfway. */
export const Progress50: Story = {
  name: 'In progress 50 %',
  parameters: sora({ seed: one({ progress: 50 }) }),
};

/** Almost done: the last percent before our copy is made. */
export const Progress99: Story = {
  name: 'In progress 99 %',
  parameters: sora({ seed: one({ progress: 99 }) }),
};

/** Ready: thumbnail, play, remix, reuse and delete. */
export const Completed: Story = { parameters: sora({ seed: one('completed') }) };

/** Refused by moderation: not retryable, the prompt can be reused. */
export const FailedModeration: Story = {
  name: 'Failed: moderation',
  parameters: sora({ seed: one('moderation_blocked') }),
};

/** Failed upstream: retryable. */
export const FailedRetryable: Story = {
  name: 'Failed: retryable',
  parameters: sora({ seed: one('failed') }),
};

/** One job in every state. */
export const EveryState: Story = { parameters: sora({ seed: EVERY_STATE }) };

/** The network is down: the list's error state. */
export const Offline: Story = { tags: ['network-errors'], parameters: sora({ offline: true }) };

/** A prompt of about 2,000 characters. */
export const LongPrompt: Story = {
  parameters: sora({
    seed: [
      { prompt: LONG_PROMPT, state: 'completed' },
      { prompt: LONG_PROMPT, state: { progress: 50 } },
    ],
  }),
};

/** Forty videos: two pages of history and "Load more". */
export const ManyJobs: Story = { name: 'Many jobs (40)', parameters: sora({ seed: manyJobs(40) }) };

/** The dark palette. */
export const Dark: Story = { args: { theme: 'dark' }, parameters: sora({ seed: EVERY_STATE }) };

/**
 * A host page's brand through `--sora-*` tokens and `::part()` rules, on the brand's own light page
 * (whatever the toolbar says), its rules scoped to it so a Docs page's other stories keep theirs.
 */
export const HostTheme: Story = {
  args: { ...HOST_BRAND },
  parameters: sora({ seed: EVERY_STATE }),
  decorators: [
    (story) => html`<style>
        .host-brand { background: #fffdf7; color: #2a2419; padding: 16px; }
        .host-brand sora-job-list::part(row) { border-width: 0 0 1px 0; border-radius: 0; }
        .host-brand sora-job-list::part(status) { text-transform: uppercase; letter-spacing: 0.06em; font-size: 11px; }
        .host-brand sora-job-list::part(progress) { height: 3px; }
      </style>
      <div class="host-brand">${story()}</div>`,
  ],
};
