// Differential test of GL0013's prh findings against the real prh 5.4.4 engine (its library API, as its
// CLI computes diffs). For each dictionary and each set of texts, both run on the same files; every
// finding is compared by position, matched text and expected text. prh findings GL0013 leaves out on
// purpose are allowed only with a named reason (docs/rules/GL0013.md, "Deliberate differences"); any other
// difference fails. Prints one "prh differential: N passed, N failed" line last (read by ../../test.sh).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentences } from './sentences.mjs';
import { whyNotProse } from './prose.mjs';

const require = createRequire(import.meta.url);
const prh = require('prh');
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const shared = process.env.SHARED ?? path.resolve(repo, '../shared');
const prhDir = path.dirname(require.resolve('prh/package.json'));
const cli = process.env.GLOSSARY_CLI ?? path.join(repo, 'src/GlossaryLsp.Cli/bin/Release/net10.0/glossary.dll');

/** The deliberate differences (docs/rules/GL0013.md): prh findings GL0013 leaves out, by reason. */
const ALLOWED = {
  'not-prose:code': 'inline code and code blocks',
  'not-prose:html': 'HTML tags, blocks and comments (attributes, ids, link targets in href)',
  'not-prose:heading': 'headings',
  'not-prose:front-matter': 'YAML front matter',
  'not-prose:link-target': 'Markdown link targets and reference definitions',
  'not-prose:url': 'bare URLs',
  'not-prose:image': 'images (alt text and source)',
  'not-prose:container': 'the opening line of a ::: container',
  'not-prose:link-text-not-plain': 'link texts with markup, character references, or an address',
  'choonpu-boundary': "a match ending in a katakana letter right before ー (prh's サーバ → サーバーー)",
};

const dictionaries = [
  { name: 'WEB+DB_PRESS', file: 'prh-rules/media/WEB+DB_PRESS.yml' },
  { name: 'techbooster', file: 'prh-rules/media/techbooster.yml' },
  { name: 'content/prh.yml', file: 'prh.yml', own: path.join(repo, 'content/prh.yml') },
];

/** Every .md file under a folder, as [relative path, text]. */
function markdown(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push([path.relative(root, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8')]);
    }
  };
  walk(root);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Line and UTF-16 character of an offset, lines ending at \n, \r\n or \r (as LSP and the CLI's JSON). */
function position(text, index) {
  let line = 0, start = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) { line++; start = i + 1; }
  }
  return `${line}:${index - start}`;
}

function offsetOf(text, line, character) {
  let l = 0, i = 0;
  while (l < line && i < text.length) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) l++;
    i++;
  }
  return i + character;
}

function differingCount(reasons) {
  return Object.values(reasons).reduce((a, b) => a + b, 0);
}

/** The katakana-letter-before-ー case prh rewrites to ーー (サーバ in サーバー). */
function cutsBeforeChoonpu(text, index, matched) {
  const next = text[index + matched.length];
  const last = matched[matched.length - 1];
  return (next === 'ー' || next === 'ｰ') && last !== 'ー' && /[\u30A1-\u30FA\u30FD\u30FE\u31F0-\u31FF]/.test(last);
}

const corpora = [
  { name: 'content', files: markdown(path.join(repo, 'content')) },
  fs.existsSync(path.join(shared, 'corpora/tech_glossary/output'))
    ? { name: 'tech_glossary/output', files: markdown(path.join(shared, 'corpora/tech_glossary/output')) }
    : null,
].filter(Boolean);

let passed = 0, failed = 0;
const totals = { compared: 0, same: 0, reasons: {} };
const started = Date.now();
for (const dict of dictionaries) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prh-diff-'));
  try {
    if (dict.own) fs.copyFileSync(dict.own, path.join(work, dict.file));
    else fs.cpSync(path.join(prhDir, 'prh-rules'), path.join(work, 'prh-rules'), { recursive: true });
    const dictPath = path.join(work, dict.file);
    const engine = prh.fromYAMLFilePath(dictPath);
    const specs = engine.rules.reduce((n, r) => n + r.specs.length, 0);
    const texts = [...corpora, { name: 'generated sentences', files: sentences(engine.rules) }];
    let loaded = true;
    for (const corpus of texts) {
      const label = `${dict.name} × ${corpus.name}`;
      const ws = path.join(work, 'ws-' + corpus.name.replace(/\W+/g, '-'));
      fs.mkdirSync(ws, { recursive: true });
      for (const [rel, text] of corpus.files) {
        fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
        fs.writeFileSync(path.join(ws, rel), text);
      }
      fs.cpSync(dict.own ? dictPath : path.join(work, 'prh-rules'), path.join(ws, dict.own ? dict.file : 'prh-rules'), { recursive: true });
      fs.writeFileSync(path.join(ws, 'glossary.yml'), `ignore: ["prh-rules/**"]\nprh: ["${dict.file}"]\n`);

      // prh: the engine as its CLI drives it.
      const expected = new Map();
      for (const [rel, text] of corpus.files) {
        const cs = engine.makeChangeSet(path.join(ws, rel), text);
        for (const d of cs.diffs) {
          if (d.newText == null) continue;
          const matched = text.substr(d.index, d.tailIndex - d.index);
          expected.set(`${rel}:${position(text, d.index)} ${matched} → ${d.newText}`, { rel, text, index: d.index, matched });
        }
      }
      // Ours: glossary lint --format json, GL0013 findings that cite the prh dictionary.
      let json;
      try {
        json = JSON.parse(execFileSync('dotnet', [cli, 'lint', '--format', 'json'], { cwd: ws, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }));
      } catch (e) {
        if (e.status === 1 && e.stdout) json = JSON.parse(e.stdout);
        else {
          console.log(`not ok - ${label}: glossary lint exited ${e.status}: ${String(e.stderr).trim()}`);
          failed++;
          loaded = false;
          continue;
        }
      }
      const actual = new Set();
      for (const d of json.diagnostics) {
        if (d.id !== 'GL0013' || !d.message.includes(' in the prh dictionary ')) continue;
        const text = corpus.files.find(([rel]) => rel === d.file)[1];
        const start = offsetOf(text, d.range.start.line, d.range.start.character);
        const end = offsetOf(text, d.range.end.line, d.range.end.character);
        const replacement = /; write '(.*)'$/s.exec(d.message)[1];
        actual.add(`${d.file}:${d.range.start.line}:${d.range.start.character} ${text.slice(start, end)} → ${replacement}`);
      }
      // Compare.
      const unexplained = [];
      const reasons = {};
      let same = 0;
      for (const [key, f] of expected) {
        if (actual.has(key)) { same++; continue; }
        const reason = whyNotProse(f.text, f.index, f.matched.length) ?? (cutsBeforeChoonpu(f.text, f.index, f.matched) ? 'choonpu-boundary' : null);
        if (reason && ALLOWED[reason]) reasons[reason] = (reasons[reason] ?? 0) + 1;
        else unexplained.push(`prh only: ${key}${reason ? ` (${reason}: not an allowed difference)` : ''}`);
      }
      for (const key of actual) if (!expected.has(key)) unexplained.push(`ours only: ${key}`);
      if (expected.size > differingCount(reasons) && same === 0) unexplained.push('no finding in common: the comparison itself is broken');
      const differing = Object.values(reasons).reduce((a, b) => a + b, 0);
      totals.compared += expected.size + [...actual].filter((k) => !expected.has(k)).length;
      totals.same += same;
      for (const [r, n] of Object.entries(reasons)) totals.reasons[r] = (totals.reasons[r] ?? 0) + n;
      const summary = `${expected.size} prh findings, ${same} identical, ${differing} left out on purpose ${JSON.stringify(reasons)}`;
      if (unexplained.length === 0) { passed++; console.log(`ok - ${label}: ${summary}`); }
      else {
        failed++;
        console.log(`not ok - ${label}: ${summary}, ${unexplained.length} unexplained`);
        for (const u of unexplained.slice(0, 20)) console.log(`  ${u}`);
      }
    }
    // Every spec of the dictionary passed in ours: the lints above loaded it (a failing spec is exit 2).
    if (loaded) { passed++; console.log(`ok - ${dict.name}: ${engine.rules.length} rules, ${specs} specs checked at load by both`); }
    else { failed++; console.log(`not ok - ${dict.name}: the dictionary did not load in glossary lint`); }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
console.log(`# findings compared: ${totals.compared}, identical: ${totals.same}, left out on purpose: ${JSON.stringify(totals.reasons)}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`prh differential: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
