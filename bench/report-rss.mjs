/**
 * Preloaded into a bench child process (`node --import ./bench/report-rss.mjs dist/cli/index.js …`):
 * prints the process's peak resident set size and its CPU time (user + system), all threads
 * included, as its last stderr line: under a shared machine's load CPU time shows growth that wall
 * time hides. Worker threads inherit the preload; only the main thread reports.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    process.stderr.write(`\nbench-peak-rss-kb ${maxRSS} bench-cpu-us ${userCPUTime + systemCPUTime}\n`);
  });
}
