import { spawn } from 'node:child_process';

export interface KgRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (`dist/`, as the `kg` bin does, or `bin`), optionally feeding stdin and adding to the environment. */
export function runKg(args: string[], input?: string, { env, bin = 'dist/cli/index.js' }: { env?: NodeJS.ProcessEnv; bin?: string } = {}): Promise<KgRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** What a stack trace looks like: the CLI must never print one. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
