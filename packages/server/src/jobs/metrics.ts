/** Counters for `GET /metrics`, per handler instance (each instance reports its own, as Prometheus expects). */

type Labels = Record<string, string>;

const help: Record<string, string> = {
  sora_jobs_created_total: 'Jobs created.',
  sora_jobs_completed_total: 'Jobs completed (our copy stored).',
  sora_jobs_failed_total: 'Jobs failed, by error code.',
  sora_upstream_calls_total: 'Calls to the video provider, by operation.',
  sora_upstream_errors_total: 'Failed calls to the video provider, by operation.',
};

function labelText(labels: Labels | undefined): string {
  if (!labels || Object.keys(labels).length === 0) return '';
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`);
  return `{${parts.join(',')}}`;
}

/** Creates an empty set of counters. */
export function createMetrics() {
  const counters = new Map<string, Map<string, number>>();
  for (const name of Object.keys(help)) counters.set(name, new Map());
  return {
    /** Adds one to a counter. */
    inc(name: keyof typeof help | string, labels?: Labels): void {
      const series = counters.get(name) ?? new Map<string, number>();
      counters.set(name, series);
      const key = labelText(labels);
      series.set(key, (series.get(key) ?? 0) + 1);
    },
    /** The value of one series (tests and figures). */
    value(name: string, labels?: Labels): number {
      return counters.get(name)?.get(labelText(labels)) ?? 0;
    },
    /** Sum over every series of a counter. */
    total(name: string): number {
      let sum = 0;
      for (const v of counters.get(name)?.values() ?? []) sum += v;
      return sum;
    },
    /** Prometheus text exposition format. */
    render(): string {
      const lines: string[] = [];
      for (const [name, series] of counters) {
        lines.push(`# HELP ${name} ${help[name] ?? name}`, `# TYPE ${name} counter`);
        if (series.size === 0) lines.push(`${name} 0`);
        for (const [labels, value] of series) lines.push(`${name}${labels} ${value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

/** The counters of one handler. */
export type Metrics = ReturnType<typeof createMetrics>;
