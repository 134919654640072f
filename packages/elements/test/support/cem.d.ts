// The analyzer's CLI module ships no types; the parts test calls it to get the manifest in memory.
declare module '@custom-elements-manifest/analyzer/cli.js' {
  export function cli(options: { argv?: string[]; cwd?: string; noWrite?: boolean }): Promise<unknown>;
}
