/** The scale soak, shared by the scale suite and `node bench/scale-soak.mjs` (see soak.mjs). */
export interface SoakOptions {
  /** `redis://…` or `postgres://…`. */
  storage: string;
  /** A `createFakeOpenAI()` instance; the soak listens on it and counts its videos. */
  fake: {
    listen(): Promise<{ url: string; close(): Promise<void> }>;
    videos(): Array<{ prompt?: string | null }>;
  };
  jobs?: number;
  users?: number;
  createsPerSecond?: number;
  killEveryMs?: number;
  giveUpMs?: number;
  log?: (line: string) => void;
}
export interface SoakResult {
  /** Every way the run went wrong; empty when every job ended right, once. */
  problems: string[];
  summary: {
    jobs: number;
    states: Record<string, number>;
    kills: number;
    seconds: number;
    upstreamVideos: number;
    storedCopies: number;
  };
}
export declare function runSoak(options: SoakOptions): Promise<SoakResult>;
