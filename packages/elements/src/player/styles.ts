/** Styles of `<sora-player>`. */
import { css } from 'lit';
import { controls, tokens } from '../shared/tokens.js';

export const playerStyles = [
  tokens,
  controls,
  css`
    .stage,
    .placeholder {
      position: relative;
      width: 100%;
      max-height: var(--sora-player-max-height, 70vh);
      border-radius: var(--_radius);
      overflow: hidden;
      background: #0d0d12;
      display: grid;
      place-items: center;
      margin-inline: auto;
    }
    /*
     * As wide as both the column and the height cap allow (--_ar is the clip's width / height):
     * a portrait clip on a wide screen gets a narrower stage, never a cropped picture.
     */
    .stage {
      width: min(100%, calc(var(--sora-player-max-height, 70vh) * (var(--_ar, 16 / 9))));
    }
    /* The shared focus ring (styles.ts), thicker. */
    .stage:focus-visible {
      outline-width: 3px;
    }
    /* Inside the stage, which clips its corners: drawn inward so that it shows. */
    video:focus-visible {
      outline-width: 3px;
      outline-offset: -3px;
    }
    /* A grid item of the stage, so a block already. */
    video {
      width: 100%;
      height: 100%;
      object-fit: contain;
      background: #000;
    }
    .poster-wait {
      width: 100%;
      height: 100%;
      background: linear-gradient(135deg, #1d1d27, #2c2850);
    }
    .placeholder {
      aspect-ratio: 16 / 9;
      background: var(--_surface-2);
      border: 1px dashed var(--_border);
      color: var(--_muted);
      text-align: center;
      padding: 16px;
      align-content: center;
      gap: 8px;
    }
    .placeholder svg {
      opacity: 0.5;
    }
    .placeholder p {
      margin: 0;
    }
    .state {
      background: linear-gradient(
        135deg,
        var(--_surface-2),
        color-mix(in srgb, var(--_accent) 16%, var(--_surface-2))
      );
      border: 1px solid var(--_border);
      color: var(--_text);
      /* Grow past the video's aspect ratio when the message needs it (narrow screens). */
      overflow: visible;
    }
    .state.failed {
      background: var(--_danger-surface);
      border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
    }
    .state-inner {
      display: grid;
      gap: 10px;
      justify-items: center;
      text-align: center;
      width: min(360px, 80%);
      padding: 16px;
    }
    .state-inner p {
      margin: 0;
    }
    .state-title {
      font-weight: 650;
      font-size: 1.05em;
    }
    .state .progress {
      width: 100%;
      height: 8px;
    }
    .percent {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .error {
      color: var(--_danger);
      margin: 8px 0 0;
    }
    /* On its own surface: readable on any page, light or dark. */
    .media-error {
      padding: 8px 12px;
      border-radius: var(--_radius-sm);
      background: var(--_danger-surface);
      display: flex;
      align-items: center;
      gap: 10px;
      flex-wrap: wrap;
    }
    /* The player's own control bar, over the bottom of the picture. */
    .bar {
      position: absolute;
      inset: auto 0 0;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 18px 10px 8px;
      color: #fff;
      background: linear-gradient(transparent, rgb(0 0 0 / 0.65));
      font-size: 0.82em;
      font-variant-numeric: tabular-nums;
    }
    .icon {
      all: unset;
      display: grid;
      place-items: center;
      width: 32px;
      height: 32px;
      border-radius: 50%;
      cursor: pointer;
    }
    .icon:hover {
      background: rgb(255 255 255 / 0.18);
    }
    .timeline {
      position: relative;
      flex: 1;
      display: flex;
    }
    .timeline input {
      flex: 1;
      margin: 0;
      accent-color: var(--_accent);
      cursor: pointer;
    }
    .clock {
      white-space: nowrap;
    }
    .preview {
      position: absolute;
      bottom: 40px;
      transform: translateX(-50%);
      display: grid;
      gap: 4px;
      justify-items: center;
      pointer-events: none;
    }
    .tile {
      height: 72px;
      border-radius: var(--_radius-sm);
      border: 2px solid #fff;
      background-repeat: no-repeat;
      background-color: #000;
    }
    .time {
      padding: 1px 6px;
      border-radius: 6px;
      background: rgb(0 0 0 / 0.75);
    }
    /* On the theme's surface, like the list's rows: readable on any page background. */
    .toolbar {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 10px;
      padding: 8px 8px 8px 14px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .caption {
      flex: 1;
      min-width: 0;
      color: var(--_muted);
      font-size: 0.9em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
];
