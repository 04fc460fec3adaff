/**
 * Launching `kg` through its V8 startup snapshot. Importing compromise and loading the gazetteer
 * and the models takes longer than extracting an article, so `npm run build` saves a heap that
 * already holds them (scripts/build-snapshot.mjs, dist/snapshot/); the `kg` bin, a plain script,
 * relaunches Node from that heap for the commands it holds, and runs everything in-process
 * whenever the snapshot might not match what it would load itself. Both ends of the launch live
 * here: the bin's side (`runThroughSnapshot`) and the snapshot process's side (`attachToLauncher`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The commands the snapshot holds; the others import what they need, as always. */
export const SNAPSHOT_COMMANDS: readonly string[] = ['extract', 'parse'];

/** dist/snapshot/, beside dist/cli/. */
export const SNAPSHOT_BLOB = fileURLToPath(new URL('../snapshot/kg.blob', import.meta.url));
export const SNAPSHOT_MANIFEST = fileURLToPath(new URL('../snapshot/kg.json', import.meta.url));
/**
 * V8 refuses a blob built under other flags, so the build and the launch both pass these: a young
 * generation in which extracting an article takes one or two scavenges instead of twenty; a first
 * old-generation limit above the heap the snapshot starts with (below it, V8 starts marking that
 * whole heap at once); and the hash seed drawn when the blob was built. A process started from a
 * snapshot otherwise rehashes every table and dictionary in it with a fresh seed (a fifth of its
 * start); the drawn one stays unknown outside this install, as a random seed should (a crafted
 * document cannot flood the tables' buckets without it).
 */
export function snapshotV8Flags(hashSeed: number): string[] {
  return ['--min-semi-space-size=16', '--initial-old-space-size=128', `--hash-seed=${hashSeed}`, '--no-rehash-snapshot'];
}

/** The bin itself, symlinks resolved (npx runs it as node_modules/.bin/kg). */
export const BIN = fileURLToPath(new URL('./index.js', import.meta.url));
const MANIFEST_FORMAT = 1;

/** What the blob was built from: Node refuses (or crashes on) a blob from another binary or other V8 flags. */
export interface SnapshotManifest {
  format: number;
  node: NodeIdentity;
  /** The seed the heap's hash tables were built with (see snapshotV8Flags). */
  hashSeed: number;
  /** The bin the snapshot stands in for (its absolute path): a moved install falls back. */
  bin: string;
  /** Every file whose contents are in the heap (code, data, the node binary): [path, size, mtimeMs]. */
  inputs: Array<[string, number, number]>;
}

type NodeIdentity = Pick<NodeJS.Process, 'version' | 'arch' | 'platform' | 'execPath'> & { v8: string };

export function nodeIdentity(): NodeIdentity {
  return { version: process.version, v8: process.versions.v8, arch: process.arch, platform: process.platform, execPath: process.execPath };
}

/** The manifest of a snapshot built now from `inputs` with `hashSeed`. */
export function snapshotManifest(inputs: Iterable<string>, hashSeed: number): SnapshotManifest {
  const stamped = [...new Set(inputs)].sort().map((path): [string, number, number] => {
    const { size, mtimeMs } = statSync(path);
    return [path, size, mtimeMs];
  });
  return { format: MANIFEST_FORMAT, node: nodeIdentity(), hashSeed, bin: BIN, inputs: stamped };
}

/**
 * The snapshot's manifest when it can run this command line, else why it cannot. It is used only
 * when it was built by this very Node binary, with no Node or V8 flags (NODE_OPTIONS included: V8
 * checks its flags against the blob's and refuses it), for this bin where it is now, and from the
 * files that are there now (a rebuilt dist/ or a retrained model makes it stale).
 */
export function usableSnapshot(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | SnapshotManifest {
  if (env.KG_SNAPSHOT === '0') return 'KG_SNAPSHOT=0';
  if (!SNAPSHOT_COMMANDS.includes(argv[2] ?? '')) return `not a snapshot command: ${argv[2]}`;
  if (process.execArgv.length > 0 || env.NODE_OPTIONS) return 'node flags given';
  // Untried there, and a detached child gets a console window of its own.
  if (process.platform === 'win32') return 'not on Windows';
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(readFileSync(SNAPSHOT_MANIFEST, 'utf8')) as SnapshotManifest;
  } catch {
    return `no snapshot manifest at ${SNAPSHOT_MANIFEST}`;
  }
  if (manifest.format !== MANIFEST_FORMAT || !Number.isSafeInteger(manifest.hashSeed)) return `snapshot manifest format ${manifest.format}`;
  const node = nodeIdentity();
  for (const key of Object.keys(node) as Array<keyof NodeIdentity>) {
    if (manifest.node?.[key] !== node[key]) return `built by another node (${key}: ${manifest.node?.[key]})`;
  }
  if (manifest.bin !== BIN) return `built for ${manifest.bin}`;
  for (const [path, size, mtimeMs] of [[SNAPSHOT_BLOB, -1, -1] as const, ...manifest.inputs]) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return `${path} is missing`;
    }
    if (size >= 0 && (stats.size !== size || stats.mtimeMs !== mtimeMs)) return `${path} changed since the snapshot was built`;
  }
  return manifest;
}

/** util-linux's setpriv (Linux): sets the child's parent-death signal, then runs Node. */
const SETPRIV = '/usr/bin/setpriv';

/**
 * Whether a run is one a user may kill and resume, so that a leftover writer could race the next
 * run: a corpus (a jsonl input or output, or stdin) or `--resume`. Only those pay for setpriv's
 * extra exec (about 25 ms, a twentieth of an article's whole run).
 */
function mayOutliveLauncher(argv: readonly string[]): boolean {
  return argv.slice(3).some((arg) => arg.endsWith('jsonl') || arg === '-' || arg.startsWith('--resume'));
}

/** The launcher's message to ask the snapshot process for, once it runs: it got past loading the blob. */
interface StartedMessage {
  kgSnapshotStarted: true;
}

/**
 * Run `argv` in a process started from the snapshot, when it is usable: this process then ends as
 * that one does (its exit code, or its signal). Resolves false when the caller must run the
 * command itself: the snapshot is unusable (KG_DEBUG says why), or the process died before
 * running any of kg's code (a blob Node could not load; nothing was read or written).
 */
export async function runThroughSnapshot(argv: readonly string[]): Promise<boolean> {
  const manifest = usableSnapshot(argv);
  if (typeof manifest === 'string') {
    if (process.env.KG_DEBUG && SNAPSHOT_COMMANDS.includes(argv[2] ?? '')) process.stderr.write(`kg: no startup snapshot: ${manifest}\n`);
    return false;
  }
  // A session of its own, so a Ctrl-C at the terminal reaches only this process, which forwards it
  // once (a second SIGINT would end a --format jsonl run mid-line instead of after it). The IPC
  // channel tells this process that the child started, and the child when this one dies, even by
  // SIGKILL; on Linux, for a corpus run, setpriv also has the kernel kill it at that very moment: 'disconnect' is
  // only seen after the document in hand, and a `--resume` started at once must not race it.
  const node = [process.execPath, ...snapshotV8Flags(manifest.hashSeed), '--snapshot-blob', SNAPSHOT_BLOB, ...argv.slice(1)];
  const [command, ...args] = existsSync(SETPRIV) && mayOutliveLauncher(argv) ? [SETPRIV, '--pdeathsig', 'KILL', '--', ...node] : node;
  const child = spawn(command!, args, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  let started = false;
  child.on('message', (message: Partial<StartedMessage>) => {
    if (message.kgSnapshotStarted) started = true;
  });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  // Ctrl-Z stops both (the child has no terminal, so it is stopped by hand); `fg` goes on with both.
  const suspend = (): void => {
    child.kill('SIGSTOP');
    process.off('SIGTSTP', suspend);
    process.kill(process.pid, 'SIGTSTP');
    process.on('SIGTSTP', suspend);
    child.kill('SIGCONT');
  };
  process.on('SIGINT', forward).on('SIGTERM', forward).on('SIGHUP', forward).on('SIGTSTP', suspend);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject).on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  }).catch(() => [null, null] as const);
  process.off('SIGINT', forward).off('SIGTERM', forward).off('SIGHUP', forward).off('SIGTSTP', suspend);
  if (!started) {
    if (process.env.KG_DEBUG) process.stderr.write(`kg: the startup snapshot did not start (${signal ?? `exit code ${code}`}); running without it\n`);
    return false;
  }
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
}

/**
 * In the snapshot process, first thing: tell the launcher it started, and end at once if the
 * launcher dies (killed with -9, the user's `--resume` must not race a leftover writer).
 */
export function attachToLauncher(): void {
  if (!process.send) return;
  process.send({ kgSnapshotStarted: true } satisfies StartedMessage);
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  // The channel alone must not keep this process alive once the command is done.
  process.channel?.unref();
}
