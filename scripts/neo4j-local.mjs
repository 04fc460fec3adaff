#!/usr/bin/env node
// Start and stop the repo's local Neo4j (tools/neo4j-local: Neo4j Community embedded, Bolt only).
//   node scripts/neo4j-local.mjs start   (npm run neo4j:start)  build if needed, start, wait for Bolt
//   node scripts/neo4j-local.mjs stop    (npm run neo4j:stop)   stop the server the pid file names
//   node scripts/neo4j-local.mjs import FOLDER (npm run neo4j:import FOLDER)  neo4j-admin import of a kg export
// Environment: NEO4J_PORT (7687), NEO4J_PASSWORD (unset: authentication disabled).
// Data, log and pid file live in .neo4j/ (ignored by git). The test setup imports these functions.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAUNCHER = join(ROOT, 'tools', 'neo4j-local');
const JAR = join(LAUNCHER, 'target', 'neo4j-local.jar');
const STATE = join(ROOT, '.neo4j');

export class Neo4jLocalError extends Error {}

function has(command, args = ['-version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Java and Maven are both there: the launcher can be built and run. */
export function canRunLocalNeo4j() {
  return has('java') && (existsSync(JAR) || has('mvn', ['-v']));
}

/** Build the launcher with Maven unless the jar is newer than its sources. */
export function buildLauncher({ quiet = false } = {}) {
  if (!has('java')) {
    throw new Neo4jLocalError('Java not found: install Java 17 (apt-get install openjdk-17-jdk-headless), or run Neo4j with `docker compose up -d`.');
  }
  const sources = [join(LAUNCHER, 'pom.xml'), join(LAUNCHER, 'src/main/java/kg/neo4jlocal/Neo4jLocal.java')];
  if (existsSync(JAR) && sources.every((file) => statSync(file).mtimeMs <= statSync(JAR).mtimeMs)) return JAR;
  if (!has('mvn', ['-v'])) {
    throw new Neo4jLocalError('Maven not found: install it (apt-get install maven) to build tools/neo4j-local, or run Neo4j with `docker compose up -d`.');
  }
  if (!quiet) process.stderr.write('building tools/neo4j-local (the first build downloads Neo4j from Maven Central)…\n');
  const build = spawnSync('mvn', ['-q', '-B', 'package'], { cwd: LAUNCHER, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Neo4jLocalError(`mvn package failed in tools/neo4j-local${quiet ? `:\n${build.stdout}${build.stderr}` : ''}`);
  }
  return JAR;
}

function portAnswers(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

/** A port nobody listens on, so a server started with `npm run neo4j:start` is never touched. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(pidFile) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Start the server in the background and resolve once Bolt answers.
 * Returns { pid, uri, alreadyRunning }.
 */
export async function startLocalNeo4j({
  port = Number(process.env.NEO4J_PORT || 7687),
  dir = STATE,
  password = process.env.NEO4J_PASSWORD ?? '',
  timeoutMs = 180_000,
} = {}) {
  const pidFile = join(dir, 'neo4j.pid');
  const logFile = join(dir, 'neo4j.log');
  const uri = `bolt://127.0.0.1:${port}`;
  const running = readPid(pidFile);
  if (running && (await portAnswers(port))) return { pid: running, uri, alreadyRunning: true };
  if (await portAnswers(port)) {
    throw new Neo4jLocalError(`port ${port} is taken by another program: stop it or set NEO4J_PORT to a free port.`);
  }
  const jar = buildLauncher();
  mkdirSync(dir, { recursive: true });
  const log = openSync(logFile, 'w');
  // Initial heap = maximum, as Neo4j's memory guide advises: a heap that starts small and grows
  // collects garbage far more often (the bench's batched load ran about 10% slower with 256 MB).
  const child = spawn('java', ['-Xms2g', '-Xmx2g', '-jar', jar], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, NEO4J_PORT: String(port), NEO4J_DATA_DIR: join(dir, 'data'), NEO4J_PASSWORD: password },
  });
  closeSync(log);
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const logText = readFileSync(logFile, 'utf8');
    if (logText.includes('Bolt ready on')) return { pid: child.pid, uri, alreadyRunning: false };
    // A refused setting (a password under 8 characters …) leaves the JVM up without Bolt: say so now.
    const failure = firstError(logText);
    if (failure) {
      await stopLocalNeo4j({ dir });
      throw new Neo4jLocalError(`Neo4j failed to start: ${failure} (log: ${logFile})`);
    }
    if (!alive(child.pid)) {
      rmSync(pidFile, { force: true });
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
      throw new Neo4jLocalError(`Neo4j stopped while starting (log: ${logFile}):\n${tail}`);
    }
    await sleep(250);
  }
  await stopLocalNeo4j({ dir });
  throw new Neo4jLocalError(`Neo4j did not open Bolt on ${uri} within ${timeoutMs / 1000} s (log: ${logFile})`);
}

/**
 * The message of the first error the server printed: an uncaught exception ("Exception in thread
 * "main" org.neo4j…QueryExecutionException: A password must be at least 8 characters.") or a
 * line at level ERROR (the launcher's own "ERROR A password must …", or Neo4j's log format).
 */
export function firstError(logText) {
  for (const line of logText.split('\n')) {
    const uncaught = /^Exception in thread "[^"]*" (?:[\w.$]+(?:Exception|Error): )?(.*)$/.exec(line);
    if (uncaught) return uncaught[1].trim();
    const logged = /^(?:\d{4}-\d\d-\d\d \S+ )?ERROR\s+(.*)$/.exec(line);
    if (logged) return logged[1].trim();
  }
  return undefined;
}

/** Stop the server named by the pid file (SIGTERM: a clean shutdown), waiting until it is gone. */
export async function stopLocalNeo4j({ dir = STATE, timeoutMs = 60_000 } = {}) {
  const pidFile = join(dir, 'neo4j.pid');
  const pid = readPid(pidFile);
  rmSync(pidFile, { force: true });
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

/**
 * Bulk-import a `kg export --format neo4j-admin` folder into the local server's store with Neo4j's
 * own importer (`neo4j-admin database import full`, from the launcher's Maven dependencies). The
 * import replaces database "neo4j" and needs the server stopped: a running one is stopped first and
 * started again afterwards. Returns the importer's summary lines.
 */
export async function importIntoLocalNeo4j(folder, { dir = STATE, port = Number(process.env.NEO4J_PORT || 7687), password = process.env.NEO4J_PASSWORD ?? '' } = {}) {
  const argumentsFile = join(folder, 'import-arguments.json');
  if (!existsSync(argumentsFile)) {
    throw new Neo4jLocalError(`${folder}: no import-arguments.json: write the folder with \`kg export --format neo4j-admin -o ${folder}\``);
  }
  const args = JSON.parse(readFileSync(argumentsFile, 'utf8'));
  const jar = buildLauncher();
  const wasRunning = readPid(join(dir, 'neo4j.pid')) !== undefined;
  if (wasRunning) await stopLocalNeo4j({ dir });
  mkdirSync(join(dir, 'data'), { recursive: true });
  // The launcher's store lives in NEO4J_DATA_DIR (dir/data); the importer writes under NEO4J_HOME.
  const run = spawnSync('java', ['-cp', join(dirname(jar), 'lib', '*'), 'org.neo4j.cli.AdminTool', ...args], {
    cwd: folder,
    env: { ...process.env, NEO4J_HOME: join(dir, 'data') },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const output = `${run.stdout}${run.stderr}`.trim().split('\n');
  if (run.status !== 0) {
    throw new Neo4jLocalError(`neo4j-admin database import failed:\n${output.filter((line) => !/^[. ]+\d+%/.test(line)).slice(-15).join('\n')}`);
  }
  if (wasRunning) await startLocalNeo4j({ dir, port, password });
  return output.slice(output.findIndex((line) => line.startsWith('IMPORT DONE')));
}

async function main(command) {
  if (command === 'start') {
    const { pid, uri, alreadyRunning } = await startLocalNeo4j();
    const auth = process.env.NEO4J_PASSWORD ? 'user neo4j, password from NEO4J_PASSWORD' : 'authentication disabled';
    console.log(`${alreadyRunning ? 'Neo4j already running' : 'Neo4j ready'} on ${uri} (pid ${pid}, ${auth}); stop it with \`npm run neo4j:stop\``);
  } else if (command === 'import') {
    if (!process.argv[3]) throw new Neo4jLocalError('usage: npm run neo4j:import FOLDER (written by kg export --format neo4j-admin -o FOLDER)');
    console.log((await importIntoLocalNeo4j(resolve(process.argv[3]))).join('\n'));
  } else if (command === 'stop') {
    console.log((await stopLocalNeo4j()) ? 'Neo4j stopped' : 'Neo4j was not running (no live pid in .neo4j/neo4j.pid)');
  } else {
    throw new Neo4jLocalError('usage: node scripts/neo4j-local.mjs start|stop|import FOLDER');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).catch((error) => {
    process.stderr.write(`neo4j: ${error instanceof Neo4jLocalError ? error.message : error.stack}\n`);
    process.exit(1);
  });
}
