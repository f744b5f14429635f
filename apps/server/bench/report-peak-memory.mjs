/**
 * Preloaded (`--import`) into a process a benchmark starts: prints the process's peak resident
 * memory, as the kernel counted it, to standard error as it exits.
 */
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
