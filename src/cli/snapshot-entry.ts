/**
 * The startup snapshot's entry, bundled and run under `node --build-snapshot` by
 * scripts/build-snapshot.mjs: it loads the commands the snapshot holds and every table the
 * pipeline reads, so a process started from the blob begins with them in its heap, and names what
 * such a process runs (see snapshot-launch.ts for how the `kg` bin gets there).
 */
import v8 from 'node:v8';
import { loadPipelineData } from '../pipeline/index.js';
import * as extractCommand from './extract.js';
import { runCli } from './main.js';
import * as parseCommand from './parse.js';
import { attachToLauncher, SNAPSHOT_COMMANDS } from './snapshot-launch.js';

const held = { extract: async () => extractCommand, parse: async () => parseCommand };
// The launcher sends exactly these commands here: a mismatch fails the build, not a user's run.
if (Object.keys(held).join() !== SNAPSHOT_COMMANDS.join()) throw new Error(`the snapshot holds ${Object.keys(held)}, the launcher sends ${SNAPSHOT_COMMANDS}`);

loadPipelineData();

v8.startupSnapshot.setDeserializeMainFunction(() => {
  attachToLauncher();
  void runCli(process.argv, held);
});
