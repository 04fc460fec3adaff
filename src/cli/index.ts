#!/usr/bin/env node
import type { CommandModules } from './main.js';
import { runThroughSnapshot } from './snapshot-launch.js';

const COMMANDS: CommandModules = {
  eval: () => import('./eval.js'),
  extract: () => import('./extract.js'),
  export: () => import('./export.js'),
  load: () => import('./load.js'),
  parse: () => import('./parse.js'),
  query: () => import('./query.js'),
  view: () => import('./view.js'),
};

// `kg extract` and `kg parse` start from the startup snapshot when it is usable (a process with
// compromise and the models already in its heap); anything else runs here, loading what it needs.
if (!(await runThroughSnapshot(process.argv))) {
  const { runCli } = await import('./main.js');
  await runCli(process.argv, COMMANDS);
}
