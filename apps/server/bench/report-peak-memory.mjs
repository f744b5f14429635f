import { readFileSync } from 'node:fs';

/**
 * Preloaded (`--import`) into a process a benchmark starts: prints the process's peak resident
 * memory to standard error as it exits. On Linux it is the kernel's high-water mark of this
 * program's own memory (`VmHWM`): `resourceUsage().maxRSS` also counts the memory of the parent
 * it was forked from, which a large benchmark process would swamp it with.
 */
function peakKilobytes() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const found = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    if (found) return Number(found[1]);
  } catch {
    // Not Linux: the rusage figure, with the caveat above.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  process.stderr.write(`peak-rss-kb ${peakKilobytes()}\n`);
});
