#!/usr/bin/env node
// A crude stand-in for `glossary serve`, only to check the e2e harness and the extension's wiring
// (GLOSSARY_E2E_SERVER=mock). It speaks the same protocol contract as the real server:
// diagnostics (GL0002 for an anchor that names no heading), hover, completion inserting a link,
// workspace/executeCommand glossary.linkAllTerms -> workspace/applyEdit, glossary/terms, glossary/status.
// It is NOT the product: the real server is src/GlossaryLsp.Cli (`glossary serve`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const log = (m) => process.stderr.write(`[mock] ${m}\n`);
const docs = new Map(); // uri -> text
let terms = []; // { headword, words, uri, line, anchor, definition }
let nextId = 1;
let settings = { rules: {} };
const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };
const pending = new Map();

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
const notify = (method, params) => send({ method, params });
const request = (method, params) =>
  new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    send({ id, method, params });
  });

function index(root) {
  terms = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) walk(p);
      else if (e.name.endsWith('.md')) {
        const text = fs.readFileSync(p, 'utf8');
        if (!/<!--\s*記事URL/.test(text)) continue;
        const lines = text.split('\n');
        lines.forEach((l, i) => {
          const m = /^##\s+(.*)$/.exec(l);
          if (!m) return;
          const heading = m[1].replace(/<[^>]*>/g, '').trim();
          const words = heading.split('|').map((w) => w.trim());
          const body = [];
          for (let j = i + 1; j < lines.length && !/^##\s/.test(lines[j]); j++) body.push(lines[j]);
          terms.push({
            headword: words[0],
            words,
            uri: pathToFileURL(p).href,
            file: p,
            line: i,
            anchor: Buffer.from(heading, 'utf8').toString('base64'),
            definition: body.join('\n').trim(),
          });
        });
      }
    }
  };
  walk(root);
}

function diagnostics(uri, text) {
  const anchors = new Set(terms.map((t) => t.anchor));
  const out = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\]\(([^)#\s]*\.md)#([^)\s]+)\)/g)) {
      const sev = settings.rules?.GL0002 ?? 'error';
      if (!anchors.has(m[2]) && sev !== 'off') {
        out.push({
          range: { start: { line: i, character: m.index + 2 }, end: { line: i, character: m.index + 2 + m[1].length + 1 + m[2].length } },
          severity: SEVERITY[sev] ?? 1,
          code: 'GL0002',
          source: 'glossary',
          message: `No term or heading with anchor "${m[2]}" in ${m[1]}.`,
        });
      }
    }
  });
  notify('textDocument/publishDiagnostics', { uri, diagnostics: out });
}

function relLink(fromUri, t) {
  const rel = path.relative(path.dirname(fileURLToPath(fromUri)), t.file).split(path.sep).join('/');
  return `[${t.headword}](${rel}#${t.anchor})`;
}

function linkAllEdits(uri, text) {
  const edits = [];
  const lines = text.split('\n');
  let fence = false;
  const done = new Set();
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) fence = !fence;
    if (fence || i < 7 || /^\s*#/.test(line)) return;
    const masked = line.replace(/\[[^\]]*\]\([^)]*\)/g, (s) => ' '.repeat(s.length)).replace(/`[^`]*`/g, (s) => ' '.repeat(s.length));
    for (const t of terms) {
      if (done.has(t.headword)) continue;
      const idx = masked.indexOf(t.headword);
      if (idx < 0) continue;
      done.add(t.headword);
      edits.push({ range: { start: { line: i, character: idx }, end: { line: i, character: idx + t.headword.length } }, newText: relLink(uri, t) });
      break;
    }
  });
  return edits;
}

function handle(msg) {
  const { id, method, params } = msg;
  if (method === undefined && id !== undefined) {
    pending.get(id)?.(msg.result);
    pending.delete(id);
    return;
  }
  const reply = (result) => send({ id, result });
  switch (method) {
    case 'initialize': {
      const root = params.rootUri ? fileURLToPath(params.rootUri) : process.cwd();
      log(`initialize ${root}, options ${JSON.stringify(params.initializationOptions)}`);
      settings = params.initializationOptions?.settings ?? settings;
      index(root);
      return reply({
        capabilities: {
          textDocumentSync: 1,
          hoverProvider: true,
          completionProvider: { triggerCharacters: [] },
          executeCommandProvider: { commands: ['glossary.linkAllTerms'] },
        },
        serverInfo: { name: 'glossary-mock' },
      });
    }
    case 'initialized':
      notify('glossary/status', { state: 'indexing', files: 0, terms: 0 });
      setTimeout(() => notify('glossary/status', { state: 'ready', files: new Set(terms.map((t) => t.file)).size, terms: terms.length }), 500);
      return;
    case 'workspace/didChangeConfiguration':
      log(`didChangeConfiguration ${JSON.stringify(params)}`);
      settings = params.settings?.glossary ?? settings;
      for (const [uri, text] of docs) diagnostics(uri, text);
      return;
    case 'textDocument/didOpen':
      docs.set(params.textDocument.uri, params.textDocument.text);
      return diagnostics(params.textDocument.uri, params.textDocument.text);
    case 'textDocument/didChange':
      docs.set(params.textDocument.uri, params.contentChanges.at(-1).text);
      return diagnostics(params.textDocument.uri, docs.get(params.textDocument.uri));
    case 'textDocument/hover': {
      const line = (docs.get(params.textDocument.uri) ?? '').split('\n')[params.position.line] ?? '';
      for (const t of terms) {
        for (let idx = line.indexOf(t.headword); idx >= 0; idx = line.indexOf(t.headword, idx + 1)) {
          if (params.position.character >= idx && params.position.character <= idx + t.headword.length) {
            const def = t.definition.replace(/<a\b[^>]*>(.*?)<\/a>/g, '$1');
            return reply({ contents: { kind: 'markdown', value: `**${t.words.join(' | ')}**\n\n${def}` } });
          }
        }
      }
      return reply(null);
    }
    case 'textDocument/completion': {
      const line = (docs.get(params.textDocument.uri) ?? '').split('\n')[params.position.line] ?? '';
      const before = line.slice(0, params.position.character);
      const m = /[\u3040-\u30ff\u4e00-\u9fffA-Za-z-]+$/.exec(before);
      const prefix = m ? m[0] : '';
      const items = terms
        .filter((t) => prefix && t.words.some((w) => w.toLowerCase().startsWith(prefix.toLowerCase())))
        .map((t) => ({
          label: t.headword,
          kind: 18,
          detail: t.words.slice(1).join(' | '),
          filterText: prefix,
          textEdit: {
            range: { start: { line: params.position.line, character: params.position.character - prefix.length }, end: params.position },
            newText: relLink(params.textDocument.uri, t),
          },
        }));
      return reply({ isIncomplete: false, items });
    }
    case 'workspace/executeCommand': {
      const uri = params.arguments?.[0];
      log(`executeCommand ${params.command} ${uri}`);
      const edits = linkAllEdits(uri, docs.get(uri) ?? '');
      request('workspace/applyEdit', { label: 'Link all terms', edit: { changes: { [uri]: edits } } }).then(() => reply(null));
      return;
    }
    case 'glossary/terms':
      return reply({
        terms: terms.map((t) => ({
          headword: t.headword,
          aliases: t.words.slice(1),
          reading: null,
          uri: t.uri,
          range: { start: { line: t.line, character: 3 }, end: { line: t.line, character: 3 + t.headword.length } },
          definition: t.definition,
        })),
      });
    case 'shutdown':
      return reply(null);
    case 'exit':
      process.exit(0);
    default:
      if (id !== undefined) send({ id, error: { code: -32601, message: `unhandled ${method}` } });
  }
}

let buf = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const sep = buf.indexOf('\r\n\r\n');
    if (sep < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString())?.[1]);
    if (buf.length < sep + 4 + len) return;
    const body = buf.subarray(sep + 4, sep + 4 + len).toString('utf8');
    buf = buf.subarray(sep + 4 + len);
    handle(JSON.parse(body));
  }
});
log(`started with ${process.argv.slice(2).join(' ')}`);
