/**
 * The parts `<sora-studio>` exposes: its own four, then every part of its three children under a
 * prefix (`prompt-submit`, `list-row`, `player-download`), generated from the children's `PARTS`.
 */
import { PARTS as LIST_PARTS } from '../job-list/parts.js';
import { PARTS as PLAYER_PARTS } from '../player/parts.js';
import { PARTS as PROMPT_PARTS } from '../prompt/parts.js';

/** The studio's own parts (a test checks the `@csspart` tags and the README against them). */
export const PARTS = ['prompt', 'list', 'player', 'layout'] as const;

/** A part name of `<sora-studio>` itself. */
export type StudioPart = (typeof PARTS)[number];

/** The prefix each child's parts get in the studio, and the child's parts. */
export const CHILD_PARTS = {
  prompt: PROMPT_PARTS,
  list: LIST_PARTS,
  player: PLAYER_PARTS,
} as const;

/** `exportparts` re-exposing a child's parts under its prefix (`submit` → `prompt-submit`). */
export function exportParts(prefix: keyof typeof CHILD_PARTS): string {
  return CHILD_PARTS[prefix].map((part) => `${part}: ${prefix}-${part}`).join(', ');
}
