/** `<sora-player>` in every state, each story on its own in-memory API seeded through the fake. */
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
import { LONG_PROMPT, one } from './support/seeds';

interface Args extends CommonArgs {
  'sprite-columns'?: number;
  'sprite-rows'?: number;
}

const meta: Meta<Args> = {
  title: 'Elements/sora-player',
  component: 'sora-player',
  argTypes: {
    ...commonArgTypes(),
    'sprite-columns': { control: { type: 'number', min: 1, max: 10 }, table: { category: 'attributes' } },
    'sprite-rows': { control: { type: 'number', min: 1, max: 10 }, table: { category: 'attributes' } },
  },
  args: { theme: '', lang: '', ...blankTokens() },
  render: (args, storyContext) => {
    const context = storyContext as unknown as RenderContext;
    // The seeded job, when the story has one; the `job-id` attribute is set from it.
    const jobId = context.loaded.sora?.jobs[0]?.jobId;
    return html`<sora-player
      endpoint=${endpointOf(context)}
      job-id=${ifDefined(jobId)}
      theme=${themeOf(args, context)}
      lang=${ifDefined(args.lang || undefined)}
      sprite-columns=${ifDefined(args['sprite-columns'])}
      sprite-rows=${ifDefined(args['sprite-rows'])}
      style=${`max-width: 720px; ${tokenStyle(args)}`}
    ></sora-player>`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const sora = (parameters: SoraStoryParameters) => ({ sora: parameters });

/** No `job-id`: the placeholder. */
export const Empty: Story = { parameters: sora({ seed: [] }) };

/** The job has not loaded yet. */
export const Loading: Story = { parameters: sora({ seed: one('completed'), stall: 'all' }) };

export const Queued: Story = { parameters: sora({ seed: one('queued') }) };

/** Just started (the fake reports 10 % as soon as a video leaves the queue). */
export const Started: Story = { parameters: sora({ seed: one({ progress: 10 }) }) };

export const Progress50: Story = {
  name: 'In progress 50 %',
  parameters: sora({ seed: one({ progress: 50 }) }),
};

export const Progress99: Story = {
  name: 'In progress 99 %',
  parameters: sora({ seed: one({ progress: 99 }) }),
};

/** Plays our stored copy through a signed link; hover the timeline for the spritesheet. */
export const Completed: Story = { parameters: sora({ seed: one('completed', { size: '1280x720' }) }) };

/** A portrait clip. */
export const CompletedPortrait: Story = {
  parameters: sora({ seed: one('completed', { size: '720x1280' }) }),
};

export const FailedModeration: Story = {
  name: 'Failed: moderation',
  parameters: sora({ seed: one('moderation_blocked') }),
};

export const FailedRetryable: Story = {
  name: 'Failed: retryable',
  parameters: sora({ seed: one('failed') }),
};

/** The network is down while the player looks the job up. */
export const Offline: Story = {
  tags: ['network-errors'],
  parameters: sora({ seed: one('completed'), offline: true }),
};

export const LongPrompt: Story = {
  parameters: sora({ seed: [{ prompt: LONG_PROMPT, state: 'completed' }] }),
};

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: sora({ seed: one('completed', { size: '1280x720' }) }),
};

export const DarkInProgress: Story = {
  name: 'Dark, in progress',
  args: { theme: 'dark' },
  parameters: sora({ seed: one({ progress: 50 }) }),
};

/**
 * A host page's brand through `--sora-*` tokens and `::part()` rules, on the brand's own light page
 * (whatever the toolbar says), its rules scoped to it so a Docs page's other stories keep theirs.
 */
export const HostTheme: Story = {
  args: { ...HOST_BRAND },
  parameters: sora({ seed: one('completed', { size: '1280x720' }) }),
  decorators: [
    (story) => html`<style>
        .host-brand { background: #fffdf7; color: #2a2419; padding: 16px; }
        .host-brand sora-player::part(stage) { border-radius: 0; box-shadow: 0 0 0 4px #0b7a5c; }
        .host-brand sora-player::part(download) { text-transform: uppercase; letter-spacing: 0.08em; }
      </style>
      <div class="host-brand">${story()}</div>`,
  ],
};
