/** Registers the elements once, and only where custom elements exist (never in Node or SSR). */
import { SoraJobList } from './job-list/sora-job-list.js';
import { SoraPlayer } from './player/sora-player.js';
import { SoraPrompt } from './prompt/sora-prompt.js';
import { SoraStudio } from './studio/sora-studio.js';

/** Tag names and their classes. */
export const soraElements = {
  'sora-prompt': SoraPrompt,
  'sora-job-list': SoraJobList,
  'sora-player': SoraPlayer,
  'sora-studio': SoraStudio,
} as const;

/**
 * Defines every sora element that is not defined yet. Safe to call twice, and a no-op where
 * `customElements` does not exist (Node, SSR).
 */
export function defineSoraElements(registry?: CustomElementRegistry): void {
  const target = registry ?? (typeof customElements === 'undefined' ? undefined : customElements);
  if (!target) return;
  for (const [tag, element] of Object.entries(soraElements)) {
    if (!target.get(tag)) target.define(tag, element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sora-prompt': SoraPrompt;
    'sora-job-list': SoraJobList;
    'sora-player': SoraPlayer;
    'sora-studio': SoraStudio;
  }
}
