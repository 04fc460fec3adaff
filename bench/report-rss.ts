/**
 * Preloaded into a bench child process (`node --import ./bench/report-rss.ts …`): prints the
 * process's peak resident set size, all threads included, as its last stderr line.
 */
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
