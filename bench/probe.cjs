// Preloaded into each benchmarked process: at exit it writes wall time since start and peak
// RSS to the file named by BENCH_REPORT, so the figures cover the whole process.
const fs = require('node:fs');
const start = process.hrtime.bigint();
process.on('exit', () => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.writeFileSync(process.env.BENCH_REPORT, JSON.stringify({ ms, maxRssKB: process.resourceUsage().maxRSS }));
});
