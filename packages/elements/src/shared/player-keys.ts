/** Keyboard shortcuts of `<sora-player>`, as a pure key → command mapping. */

/** What a key does to the video. */
export type PlayerCommand = { kind: 'toggle' } | { kind: 'seek'; by: number } | { kind: 'fullscreen' };

/** The command of a key press, or undefined for keys the player leaves alone. */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>) {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const map: Record<string, PlayerCommand> = {
    ' ': { kind: 'toggle' },
    k: { kind: 'toggle' },
    j: { kind: 'seek', by: -10 },
    l: { kind: 'seek', by: 10 },
    ArrowLeft: { kind: 'seek', by: -5 },
    ArrowRight: { kind: 'seek', by: 5 },
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
    const end = Number.isFinite(video.duration) ? video.duration : Number.POSITIVE_INFINITY;
    video.currentTime = Math.min(end, Math.max(0, video.currentTime + command.by));
  } else if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
  } else {
    void container.requestFullscreen?.().catch(() => undefined);
  }
}
