import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotManifest } from '../../src/cli/snapshot-launch.js';
import { runKg } from './run-kg.js';

/**
 * `kg extract` and `kg parse` through the startup snapshot that `npm run build` leaves in
 * dist/snapshot/: the same bytes as the in-process run, a clean fallback whenever the snapshot does
 * not fit, and no process left behind when the bin is killed.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = 'data/sample/cnn-2001-putin-bush-abm.txt';
const DEBUG = { KG_DEBUG: '1' };
const IN_PROCESS = { KG_SNAPSHOT: '0' };
const NO_SNAPSHOT = /kg: no startup snapshot|did not start/;

/** The process whose parent is `pid`, from /proc (every process's stat names its parent). */
async function childOf(pid: number): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry);
  }
  return undefined;
}

/** A process's state letter from /proc (R, S, Z …), or gone. */
async function processState(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat?.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) ?? 'gone';
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kg-snapshot-'));
  expect(existsSync(join(ROOT, 'dist/snapshot/kg.blob')), 'npm run build makes the snapshot').toBe(true);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the startup snapshot', () => {
  it('gives byte-identical output to the in-process run, for extract (json and jsonl, stdin) and parse', async () => {
    for (const args of [['extract', SAMPLE], ['extract', SAMPLE, '--format', 'jsonl'], ['parse', SAMPLE], ['parse', SAMPLE, '--format', 'json']]) {
      const [snapshot, inProcess] = [await runKg(args, undefined, { env: DEBUG }), await runKg(args, undefined, { env: IN_PROCESS })];
      expect(snapshot.stderr, args.join(' ')).not.toMatch(NO_SNAPSHOT);
      expect(snapshot.code).toBe(0);
      expect(inProcess.code).toBe(0);
      expect(snapshot.stdout.length).toBeGreaterThan(1000);
      expect(snapshot.stdout, args.join(' ')).toBe(inProcess.stdout);
    }
    const text = await readFile(SAMPLE, 'utf8');
    const [fromStdin, inProcess] = [await runKg(['extract', '-'], text, { env: DEBUG }), await runKg(['extract', '-'], text, { env: IN_PROCESS })];
    expect(fromStdin.stderr).not.toMatch(NO_SNAPSHOT);
    expect(fromStdin.stdout).toBe(inProcess.stdout);
  });

  it('runs worker threads (--workers 2 on several documents) and reports bad input as the in-process run does', async () => {
    const corpus = join(scratch, 'corpus.jsonl');
    const lines = (await readFile('../shared/data/news/reuters.jsonl', 'utf8')).split('\n').slice(0, 6);
    await writeFile(corpus, `${lines.join('\n')}\n`);
    const args = ['extract', corpus, '--workers', '2'];
    const [snapshot, inProcess] = [await runKg(args, undefined, { env: DEBUG }), await runKg(args, undefined, { env: IN_PROCESS })];
    expect(snapshot.stderr).not.toMatch(NO_SNAPSHOT);
    expect(snapshot.code, snapshot.stderr).toBe(0);
    expect(snapshot.stdout).toBe(inProcess.stdout);
    const missing = await runKg(['extract', join(scratch, 'none.txt')]);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `kg: ${join(scratch, 'none.txt')}: no such file or directory\n` });
  });

  describe('falls back to the in-process run, same output, when the snapshot does not fit', () => {
    let install: string;
    let expected: string;
    const manifestPath = (): string => join(install, 'dist/snapshot/kg.json');
    const readManifest = async (): Promise<SnapshotManifest> => JSON.parse(await readFile(manifestPath(), 'utf8')) as SnapshotManifest;
    const run = () => runKg(['extract', SAMPLE], undefined, { env: DEBUG, bin: join(install, 'dist/cli/index.js') });

    beforeAll(async () => {
      // A copy of the install elsewhere: its own dist/ (with the blob), the rest linked.
      install = join(scratch, 'moved');
      await cp(join(ROOT, 'dist'), join(install, 'dist'), { recursive: true });
      for (const name of ['data', 'node_modules', 'package.json']) await symlink(join(ROOT, name), join(install, name));
      expected = (await runKg(['extract', SAMPLE], undefined, { env: IN_PROCESS })).stdout;
    });

    it('a moved install (the blob holds the old paths)', async () => {
      const moved = await run();
      expect(moved.stderr).toMatch(/^kg: no startup snapshot: built for .*\/dist\/cli\/index\.js\n/);
      expect(moved.code).toBe(0);
      expect(moved.stdout).toBe(expected);
    });

    it('a blob from another Node, a changed input file, a blob Node cannot load, and KG_SNAPSHOT=0', async () => {
      const manifest = await readManifest();
      const fitted = { ...manifest, bin: join(install, 'dist/cli/index.js') };
      const cases: Array<[SnapshotManifest, RegExp]> = [
        [{ ...fitted, node: { ...fitted.node, version: 'v20.0.0' } }, /no startup snapshot: built by another node \(version: v20\.0\.0\)/],
        [{ ...fitted, inputs: fitted.inputs.map(([path, size, mtime], i) => [path, size, i === 0 ? mtime - 1000 : mtime]) }, /no startup snapshot: .* changed since the snapshot was built/],
      ];
      for (const [edited, reason] of cases) {
        await writeFile(manifestPath(), JSON.stringify(edited));
        const fallback = await run();
        expect(fallback.stderr).toMatch(reason);
        expect(fallback.code).toBe(0);
        expect(fallback.stdout).toBe(expected);
      }
      // A manifest that fits and a damaged blob: Node dies loading it; kg runs the command itself.
      await writeFile(manifestPath(), JSON.stringify(fitted));
      await truncate(join(install, 'dist/snapshot/kg.blob'), 100_000);
      const damaged = await run();
      expect(damaged.stderr).toMatch(/^kg: the startup snapshot did not start \(.*\); running without it\n/);
      expect(damaged.code).toBe(0);
      expect(damaged.stdout).toBe(expected);
      const off = await runKg(['extract', SAMPLE], undefined, { env: { ...DEBUG, ...IN_PROCESS } });
      expect(off.stderr).toMatch(/^kg: no startup snapshot: KG_SNAPSHOT=0\n/);
    });
  });

  it('ends with the bin: a kill -9 of the bin leaves no process that could still write', async () => {
    const corpus = join(scratch, 'long.jsonl');
    const lines = (await readFile('../shared/data/news/reuters.jsonl', 'utf8')).split('\n').slice(0, 400);
    await writeFile(corpus, `${lines.join('\n')}\n`);
    const output = join(scratch, 'killed.jsonl');
    const bin = spawn(process.execPath, ['dist/cli/index.js', 'extract', corpus, '--format', 'jsonl', '-o', output, '--workers', '1'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => bin.on('exit', resolve));
    const lineCount = async (): Promise<number> => (existsSync(output) ? (await readFile(output, 'utf8')).split('\n').length - 1 : 0);
    while ((await lineCount()) < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    const child = await childOf(bin.pid!);
    expect(child).toBeGreaterThan(0);
    bin.kill('SIGKILL');
    await exited;
    const atKill = await readFile(output, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await processState(child!), 'the snapshot process is gone (a zombie at most, if nothing reaps it)').toMatch(/^(gone|Z)$/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await readFile(output, 'utf8')).toBe(atKill);
  });
});
