/**
 * The fake's videos as files in a directory, one JSON file per video written atomically (temp file
 * then rename), so a restarted process — or another process on the same directory — knows the
 * videos a previous one created and serves them to completion. Reads go to disk every time: a
 * video added by another process is seen at once. Node only (`fs` is looked up at run time, so
 * the fake's other modules stay browser-safe).
 */
import type { FakeVideoRecord, FakeVideoStore } from './store.js';

type NodeFs = typeof import('node:fs');

/** A store keeping each video in `<dir>/<id>.json`. */
export function createDirVideoStore(dir: string): FakeVideoStore {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs) throw new Error('createFakeOpenAI({ stateDir }) needs Node (or Bun, Deno): it writes files');
  fs.mkdirSync(dir, { recursive: true });
  const fileOf = (id: string) => (/^[A-Za-z0-9_-]+$/.test(id) ? `${dir}/${id}.json` : undefined);
  const read = (file: string): FakeVideoRecord | undefined => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as FakeVideoRecord;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  let seq = fs.readdirSync(dir).length;

  return {
    add(record) {
      const stored = { ...record, seq: seq++ };
      const file = fileOf(stored.id);
      if (!file) throw new Error(`Invalid video id ${stored.id}`);
      const temp = `${file}.${process.pid}.${seq}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(stored));
      fs.renameSync(temp, file);
      return stored;
    },
    get(id) {
      const file = fileOf(id);
      return file ? read(file) : undefined;
    },
    delete(id) {
      const file = fileOf(id);
      if (!file) return false;
      try {
        fs.unlinkSync(file);
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return false;
        throw error;
      }
    },
    all() {
      const records = fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => read(`${dir}/${name}`))
        .filter((record): record is FakeVideoRecord => record !== undefined);
      // Creation time first: seq only orders one process's own videos; the id settles ties between
      // processes, so every reader lists the same order.
      return records.sort(
        (a, b) => a.createdAt - b.createdAt || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    },
  };
}
