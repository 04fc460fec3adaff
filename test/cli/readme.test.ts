import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const KG = join(ROOT, 'dist/cli/index.js');

interface ReadmeCommand {
  /** The command as the README writes it, from `npx kg`. */
  line: string;
  /** In a `$ …` transcript: what the README shows it printing. */
  expected?: string;
}

/**
 * Every `npx kg …` command of the README's code blocks, continuation lines joined, comments off;
 * in a transcript (`$ npx kg …` followed by its output), the output it shows.
 */
function readmeCommands(): ReadmeCommand[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const commands: ReadmeCommand[] = [];
  for (const [, block] of readme.matchAll(/^```\w*\n([\s\S]*?)^```/gm)) {
    const lines = block!.replace(/\\\n\s*/g, ' ').split('\n');
    for (const [index, line] of lines.entries()) {
      const transcript = /^\$ (npx kg .*)$/.exec(line);
      if (transcript) {
        commands.push({ line: transcript[1]!, expected: lines[index + 1] });
        continue;
      }
      const at = line.indexOf('npx kg ');
      // Fed by a pipe or a redirection: not a command that stands alone.
      if (at < 0 || /[|<]\s*$/.test(line.slice(0, at))) continue;
      commands.push({ line: line.slice(at).replace(/\s+#.*$/, '').trim() });
    }
  }
  return commands;
}

/** The words of a command line, quotes removed (the README's commands quote with "…" only). */
function words(line: string): string[] {
  return [...line.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map(([word]) => word.replace(/"/g, ''));
}

/**
 * Runs offline in the sandbox: no server, no redirection, and every file it reads there (the
 * bundled sample, queries and gold file, and graph.json extracted from the sample).
 */
function runsOffline(command: ReadmeCommand, sandbox: string): boolean {
  if (/--neo4j|NEO4J_|npx kg load|\.\.\/shared|[<>]/.test(command.line)) return false;
  const args = words(command.line).slice(2);
  return args.every((arg, index) => {
    if (['-o', '--output'].includes(args[index - 1] ?? '')) return true;
    if (!/\.(txt|jsonl?|cypher|conllu)$|\/$|^\.\.\//.test(arg) && !/^(data|test)\//.test(arg)) return true;
    return existsSync(join(sandbox, arg));
  });
}

/** The built CLI, as `npx kg` runs it (asynchronously: a blocked test worker loses its runner). */
function runKgIn(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [KG, ...args], { cwd, env: { ...process.env, NEO4J_URI: '' }, timeout: 120_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the README', { timeout: 600_000 }, () => {
  const sandbox = mkdtempSync(join(tmpdir(), 'kg-readme-'));
  beforeAll(async () => {
    for (const folder of ['data', 'cypher']) symlinkSync(join(ROOT, folder), join(sandbox, folder));
    const made = await runKgIn(sandbox, ['extract', 'data/sample/cnn-2001-putin-bush-abm.txt', '-o', 'graph.json']);
    expect(made.code, made.stderr).toBe(0);
  });

  it('every npx kg command that can run offline runs on the bundled sample, with the output it shows', async () => {
    const commands = readmeCommands();
    const offline = commands.filter((command) => runsOffline(command, sandbox));
    // The first one a new user meets, and the export and query ones, at least.
    expect(offline.map((command) => command.line)).toEqual(
      expect.arrayContaining(['npx kg extract data/sample/cnn-2001-putin-bush-abm.txt', 'npx kg export --graph graph.json -o graph.gexf']),
    );
    expect(offline.length).toBeGreaterThanOrEqual(12);
    for (const command of offline) {
      const run = await runKgIn(sandbox, words(command.line).slice(2));
      if (command.expected === undefined) {
        expect(run.code, `${command.line}\n${run.stderr}`).toBe(0);
        expect(run.stdout.length + run.stderr.length, command.line).toBeGreaterThan(0);
      } else {
        expect(`${run.stdout}${run.stderr}`.trim(), command.line).toBe(command.expected);
      }
    }
  });
});
