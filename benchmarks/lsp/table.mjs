#!/usr/bin/env node
// Markdown table of one benchmarks/lsp/run.sh run: glossary vs VS Code's Markdown server per corpus.
//   node table.mjs OUT_DIR corpus...
import fs from 'node:fs';
import path from 'node:path';

const [dir, ...corpora] = process.argv.slice(2);
const read = (f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { return null; } };
const machine = read('machine.json') ?? {};
const fmt = (v, unit = '') => (v === null || v === undefined ? '—' : `${typeof v === 'number' ? (v >= 100 ? Math.round(v) : v) : v}${unit}`);
const ratio = (peer, ours) => { if (typeof peer !== 'number' || typeof ours !== 'number' || ours <= 0) return '—'; const r = peer / ours; return `${r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(1) : r.toFixed(2)}×`; };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };

function lint(c) {
  let text = '';
  try { text = fs.readFileSync(path.join(dir, `lint-${c}.txt`), 'utf8'); } catch { return {}; }
  const runs = [...text.matchAll(/wall_s=([\d.]+) user_s=([\d.]+) sys_s=([\d.]+) max_rss_kb=(\d+)/g)].map((m) => ({
    wall: Number(m[1]) * 1000, cpu: (Number(m[2]) + Number(m[3])) * 1000, rss: Number(m[4]) / 1024 }));
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rss: median(runs.map((r) => r.rss)), n: runs.length };
}

const budgets = { '1000x100': { ready: 4000, hover: 5, completion: 15, rss: 600, lint: 3000 }, real: { lint: 500 } };
const out = [];
out.push(`Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.mem_total_mb} MB RAM; load average before the run ${machine.loadavg_before}; .NET ${machine.dotnet}, Node ${machine.node}; ${machine.date}.`);
out.push('');
out.push('| corpus | measure | glossary | VS Code Markdown server | peer ÷ glossary (> 1: glossary is faster/smaller) | budget (SPEC §6) |');
out.push('|---|---|---|---|---|---|');
for (const c of corpora) {
  const g = read(`glossary-${c}.json`)?.summary ?? {};
  const v = read(`vscode-md-${c}.json`)?.summary ?? {};
  const l = lint(c);
  const b = budgets[c] ?? {};
  const row = (name, gv, vv, unit, budget) => out.push(`| ${c} | ${name} | ${fmt(gv, unit)} | ${fmt(vv, unit)} | ${ratio(vv, gv)} | ${budget ?? ''} |`);
  row('time to all diagnostics', g.all_diagnostics_ms, v.all_diagnostics_ms, ' ms', b.ready && `< ${b.ready} ms`);
  row('hover p95', g.hover_p95_ms, v.hover_p95_ms, ' ms', b.hover && `< ${b.hover} ms`);
  row('completion p95', g.completion_p95_ms, v.completion_p95_ms, ' ms', b.completion && `< ${b.completion} ms`);
  row('heading rename → other files\' diagnostics', g.cross_file_edit_ms, v.cross_file_edit_ms, ' ms', '');
  row('peak memory (RSS)', g.peak_rss_mb, v.peak_rss_mb, ' MB', b.rss && `< ${b.rss} MB`);
  out.push(`| ${c} | diagnostics (recall of planted defects) | ${fmt(g.diagnostics)} (${fmt(g.recall)}) | ${fmt(v.diagnostics)} (${fmt(v.recall)}) | | |`);
  out.push(`| ${c} | cold \`glossary lint\` wall (CPU), median of ${l.n ?? 0} | ${fmt(l.wall, ' ms')} (${fmt(l.cpu, ' ms')}) | | | ${b.lint ? `< ${b.lint} ms` : ''} |`);
}
console.log(out.join('\n'));
