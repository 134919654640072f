/**
 * The multi-process suite's rig: the fake OpenAI and s3rver in the test process, and web and worker
 * processes (./node.mjs, on the built package) sharing Redis or PostgreSQL.
 */
import { type ChildProcess } from 'node:child_process';
export declare const BUCKET = 'sora-scale';
/** A local S3 (s3rver) with one bucket. */
export declare function startS3(): Promise<{
  endpoint: string;
  dir: string;
  close: () => Promise<void>;
}>;
/** One running process of the cluster. */
export interface NodeProcess {
  role: 'web' | 'worker';
  child: ChildProcess;
  url: string;
}
/** Options shared by every process of one cluster. */
export interface ClusterOptions {
  storage: string;
  s3Endpoint: string;
  openaiBaseUrl: string;
  /** JSON of `{ limits, quotas }` for every process (default: both off). */
  limits?: unknown;
}
/** Removes what a run left on an engine under `namespace` (keys on Redis, tables on PostgreSQL). */
export declare function dropNamespace(url: string, namespace: string): Promise<void>;
/** Starts one process and resolves once it listens; `spawned` (optional) gets the child at once. */
export declare function startNode(
  role: 'web' | 'worker',
  env: Record<string, string>,
  spawned?: Set<ChildProcess>,
): Promise<NodeProcess>;
/** A set of web and worker processes on one namespace; hooks are logged to one file. */
export declare function startCluster(
  options: ClusterOptions,
  webs: number,
  workers: number,
): Promise<{
  namespace: string;
  web: NodeProcess[];
  worker: NodeProcess[];
  /** SIGKILLs worker `i` and starts a fresh one in its place. */
  killAndRestartWorker(i: number): Promise<void>;
  /** Hook calls so far: `created|completed|failed` → job id → how many times. */
  hooks(): Promise<Map<string, Map<string, number>>>;
  stop(): Promise<void>;
}>;
/** The cluster type. */
export type Cluster = Awaited<ReturnType<typeof startCluster>>;
/**
 * A JSON request to one web instance as `user`. A connection reset (a keep-alive socket the server
 * closed just as it was reused) is repeated, as a browser would; creates carry an Idempotency-Key
 * so a repeat is the same job.
 */
export declare function call(
  base: string,
  user: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<{
  status: number;
  headers: Headers;
  body: unknown;
}>;
/**
 * Reads an open `/events` response until `jobId` is `completed` (or the stream ends): that job's
 * states in the order they arrived, each with `receivedAt` (epoch ms). Cancels the stream after.
 */
export declare function readJobUntilCompleted(
  response: Response,
  jobId: string,
): Promise<Array<{ jobId: string; status: string; updatedAt: string; receivedAt: number }>>;
/** Runs `work` over `items`, `limit` at a time. */
export declare function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void>;
