// `npm run build`, last step: the startup snapshot of `kg extract` and `kg parse`
// (dist/snapshot/kg.blob, with its manifest kg.json; see src/cli/snapshot-launch.ts). The built
// entry (dist/cli/snapshot-entry.js) and everything it imports are bundled into one CommonJS
// script, which `node --build-snapshot` runs and saves as a heap.
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { SNAPSHOT_BLOB, SNAPSHOT_MANIFEST, snapshotManifest, snapshotV8Flags } from '../dist/cli/snapshot-launch.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const directory = fileURLToPath(new URL('../dist/snapshot/', import.meta.url));
const bundle = `${directory}entry.cjs`;
const readsFile = `${directory}reads.json`;
rmSync(directory, { recursive: true, force: true });
mkdirSync(directory, { recursive: true });

// A CommonJS bundle has no import.meta: each module gets its own file's URL, as it would as an ES
// module, so data paths and the worker threads' script resolve to the same files. These are this
// checkout's paths: the manifest names the bin, and the launcher falls back when it moved.
const ownUrls = {
  name: 'own-import-meta-url',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const contents = readFileSync(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return undefined;
      return { contents: contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'js' };
    });
  },
};

// The built-in modules that Node has not verified in snapshot builders (it warns when they load
// there), and that the build does not use, load when first used in the snapshot's process:
// worker_threads loaded in the builder keeps its state (a worker started from the snapshot dies in
// process.cwd()). Each is an object of named exports, so getters can stand in for it.
const RUN_TIME_BUILTINS = ['worker_threads', 'child_process', 'readline'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(esbuild) {
    const names = new RegExp(`^(node:)?(${RUN_TIME_BUILTINS.join('|')})$`);
    esbuild.onResolve({ filter: names }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: `node:${args.path.replace(/^node:/, '')}`, namespace: 'lazy-builtin' },
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const keys = Object.keys(await import(args.path)).filter((key) => key !== 'default');
      const getters = keys.map((key) => `${JSON.stringify(key)}: { enumerable: true, get: () => require(${JSON.stringify(args.path)})[${JSON.stringify(key)}] }`);
      return { contents: `module.exports = Object.defineProperties({}, { ${getters.join(', ')} });`, loader: 'js' };
    });
  },
};

// Every file read while the bundle loads is in the heap: the manifest lists them (with the code's
// files and the node binary), so a retrained model or a new gazetteer makes the snapshot stale.
const recordReads = `const __kgReads = new Set(); const __kgReadFileSync = require('node:fs').readFileSync;
require('node:fs').readFileSync = function (path, ...rest) {
  if (typeof path === 'string' || path instanceof URL) __kgReads.add(path instanceof URL ? require('node:url').fileURLToPath(path) : require('node:path').resolve(path));
  return __kgReadFileSync.call(this, path, ...rest);
};`;
const writeReads = `require('node:fs').readFileSync = __kgReadFileSync;
require('node:fs').writeFileSync(${JSON.stringify(readsFile)}, JSON.stringify([...__kgReads]));`;

const { metafile } = await build({
  entryPoints: [fileURLToPath(new URL('../dist/cli/snapshot-entry.js', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  metafile: true,
  logLevel: 'warning',
  plugins: [ownUrls, lazyBuiltins],
  banner: { js: recordReads },
  footer: { js: writeReads },
});

// --no-warnings: Node also cautions about `module` (createRequire reads two name lists at build).
const hashSeed = randomInt(1, 2 ** 31 - 1);
execFileSync(process.execPath, ['--no-warnings', ...snapshotV8Flags(hashSeed), '--snapshot-blob', SNAPSHOT_BLOB, '--build-snapshot', bundle], { cwd: root, stdio: 'inherit' });
// A package stands by its package.json, which npm rewrites with every install: a few stats
// instead of hundreds (compromise alone is 331 files) at each start.
const packageOf = (path) => path.replace(/(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\/.*/, '$1/package.json');
const code = Object.keys(metafile.inputs)
  .filter((path) => !path.startsWith('lazy-builtin:'))
  .map((path) => packageOf(fileURLToPath(pathToFileURL(`${root}/${path}`))));
const data = JSON.parse(readFileSync(readsFile, 'utf8'));
rmSync(readsFile);
writeFileSync(SNAPSHOT_MANIFEST, `${JSON.stringify(snapshotManifest([...code, ...data.map(packageOf), process.execPath], hashSeed), null, 1)}\n`);
