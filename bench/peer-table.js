// The comparison table of issue 17 from a peerbench results file (results/run-*.jsonl), one row per gateway:
// added TTFT p50 / p99 and throughput vs direct and gateway CPU per request at concurrency 200, added TTFT p50 at
// concurrency 50, CPU per request at concurrency 1, RSS; plus idle CPU when bench/peer measured it.
// Where the run has several repetitions, a cell gives the range over them ("min…max"), as the issue does.
// "added" = the gateway's percentile minus direct's percentile of the same repetition, delay and concurrency.
// usage: node bench/peer-table.js results/run-X.jsonl [idle.json]
'use strict';
const fs = require('fs');

const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const idle = process.argv[3] && fs.existsSync(process.argv[3]) ? JSON.parse(fs.readFileSync(process.argv[3], 'utf8')) : {};
const key = (r) => `${r.rep}|${r.delay}|${r.conc}`;
const direct = new Map(rows.filter((r) => r.target === 'direct').map((r) => [key(r), r]));
const delay = Math.max(...rows.map((r) => r.delay)); // the delay>0 cells: the streamed case the issue compares
const order = ['nginx', 'portkey', 'portkey-nosleep', 'switchboard'];
const targets = [...new Set(rows.map((r) => r.target))].filter((t) => t !== 'direct')
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));

const cells = (target, conc) => rows.filter((r) => r.target === target && r.conc === conc && r.delay === delay);
const range = (values, digits, sign = '') => {
  const v = values.filter((x) => x != null && !Number.isNaN(x));
  if (!v.length) return '–';
  const fmt = (x) => `${sign && x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  const lo = Math.min(...v), hi = Math.max(...v);
  return lo.toFixed(digits) === hi.toFixed(digits) ? fmt(lo) : `${fmt(lo)}…${hi.toFixed(digits)}`;
};
const added = (target, conc, p) => cells(target, conc).map((r) => { const d = direct.get(key(r)); return d ? r.ttft[p] - d.ttft[p] : null; });
const ratio = (target, conc) => cells(target, conc).map((r) => { const d = direct.get(key(r)); return d ? 100 * r.rps / d.rps : null; });
const field = (target, conc, f) => cells(target, conc).map((r) => r[f]);

console.log(`| | added TTFT p50 / p99 at concurrency 200 (ms) | throughput vs direct at concurrency 200 | gateway CPU ms per request at concurrency 200 | added TTFT p50 at concurrency 50 (ms) | CPU ms per request at concurrency 1 | RSS (largest, MB) | idle CPU ms per second | errors |`);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const t of targets) {
  const rss = Math.max(...rows.filter((r) => r.target === t).map((r) => r.gw_rss_mb || 0));
  const errors = rows.filter((r) => r.target === t).reduce((a, r) => a + r.errors, 0);
  console.log(`| ${t} | ${range(added(t, 200, 'p50'), 1, '+')} / ${range(added(t, 200, 'p99'), 1, '+')} | ${range(ratio(t, 200), 0)} % | ` +
    `${range(field(t, 200, 'gw_cpu_ms_per_req'), 2)} | ${range(added(t, 50, 'p50'), 1, '+')} | ${range(field(t, 1, 'gw_cpu_ms_per_req'), 1)} | ` +
    `${rss ? rss.toFixed(0) : '–'}${idle[t] && idle[t].rss_detail ? ` (${idle[t].rss_detail})` : ''} | ${idle[t] ? idle[t].ms_per_s.toFixed(1) : '–'} | ${errors} |`);
}
const reps = new Set(rows.map((r) => r.rep)).size;
const dur = rows.length ? rows[0].elapsed_s : 0;
console.log(`\n${reps} repetition(s), cells of ~${dur.toFixed(0)} s, ${delay} ms between tokens, ${rows[0] ? rows[0].tokens : '?'} tokens. ` +
  'Throughput and added TTFT against direct of the same repetition; gateway CPU is the gateway\'s processes (Switchboard: Payara + MariaDB), RSS summed over them.');
