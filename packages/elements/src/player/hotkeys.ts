/** Keyboard shortcuts of `<sora-player>`, as a pure key → command mapping. */

/** What a key does to the video. */
export type PlayerCommand =
  | { kind: 'toggle' }
  /** Seeks `by` seconds, but never more than `share` of the clip: Sora's clips are 4 to 20 s long. */
  | { kind: 'seek'; by: number; share: number }
  | { kind: 'fullscreen' };

/** The command of a key press, or undefined for keys the player leaves alone. */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>) {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const map: Record<string, PlayerCommand> = {
    ' ': { kind: 'toggle' },
    k: { kind: 'toggle' },
    j: { kind: 'seek', by: -10, share: 1 / 4 },
    l: { kind: 'seek', by: 10, share: 1 / 4 },
    ArrowLeft: { kind: 'seek', by: -5, share: 1 / 8 },
    ArrowRight: { kind: 'seek', by: 5, share: 1 / 8 },
    f: { kind: 'fullscreen' },
  };
  return map[event.key.length === 1 ? event.key.toLowerCase() : event.key];
}

/** Applies a command to a video element. */
export function runCommand(video: HTMLVideoElement, command: PlayerCommand, container: Element): void {
  if (command.kind === 'toggle') {
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
  } else if (command.kind === 'seek') {
    const known = Number.isFinite(video.duration);
    const end = known ? video.duration : Number.POSITIVE_INFINITY;
    const step = known
      ? Math.sign(command.by) * Math.min(Math.abs(command.by), end * command.share)
      : command.by;
    video.currentTime = Math.min(end, Math.max(0, video.currentTime + step));
  } else if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
  } else {
    void container.requestFullscreen?.().catch(() => undefined);
  }
}
