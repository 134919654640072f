/** A job's progress bar, the same in a list row and in the player. */
import type { Job } from '@sora-kit/core';
import { html } from 'lit';
import { cssProps } from './css-props.js';
import { formatPercent, truncate } from './format.js';
import type { SoraStrings } from './strings.js';

/** A labelled `role="progressbar"` (part `progress`) filled to the job's progress. */
export function progressBar(job: Job, t: SoraStrings) {
  return html`<div
    part="progress"
    class="progress"
    role="progressbar"
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${job.progress}
    aria-valuetext=${formatPercent(job.progress, t.locale)}
    aria-label=${t.progressLabel(truncate(job.prompt, 40))}
  ><span ${cssProps({ width: `${job.progress}%` })}></span></div>`;
}
