// A minimal editor for the end-to-end tests: starts the real `glossary serve` process and talks to it
// with vscode-jsonrpc (the client library VS Code uses), collecting what the server publishes.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverDll = process.env.GLOSSARY_SERVER_DLL ?? path.join(repoRoot, 'src/GlossaryLsp.Cli/bin/Release/net10.0/glossary.dll');
const PATIENCE_MS = 60_000; // only bounds a hung test; nothing asserts on time

/** A temporary copy of a folder (the tests edit files). */
export function copyCorpus(source) {
  const dir = mkdtempSync(path.join(tmpdir(), 'glossary-e2e-'));
  cpSync(source, dir, { recursive: true });
  return dir;
}

export function markdownFiles(root, rel = '') {
  const out = [];
  for (const name of readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(root, r)).isDirectory()) out.push(...markdownFiles(root, r));
    else if (name.endsWith('.md')) out.push(r);
  }
  return out;
}

/** VS Code's URI encoding: every byte outside A-Z a-z 0-9 - . _ ~ / percent-encoded. */
export function fileUri(fullPath) {
  return 'file://' + fullPath.split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())).join('/');
}

export function glossary(args, cwd) {
  try {
    return { code: 0, stdout: execFileSync('dotnet', [serverDll, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { code: e.status, stdout: e.stdout?.toString() ?? '' };
  }
}

export class Editor {
  constructor(root) {
    this.root = root;
    this.published = new Map(); // uri → { version, diagnostics }
    this.publishCount = 0;
    this.waiters = new Set();
    this.status = null;
    this.stderr = '';
    this.open = new Map(); // uri → { version, text }
    this.proc = spawn('dotnet', [serverDll, 'serve', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d) => { this.stderr += d.toString(); });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    const c = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    c.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.set(p.uri, p);
      this.publishCount++;
      this.poke();
    });
    c.onNotification('glossary/status', (p) => { this.status = p; this.poke(); });
    c.onNotification('window/logMessage', () => {});
    c.onNotification('$/progress', () => {});
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('workspace/diagnostic/refresh', () => null);
    c.onRequest('workspace/applyEdit', (p) => { this.applyWorkspaceEdit(p.edit); return { applied: true }; });
    c.listen();
    this.connection = c;
  }

  uri(rel) { return fileUri(path.join(this.root, rel)); }
  pathOf(uri) { return path.relative(this.root, fileURLToPath(uri)).split(path.sep).join('/'); }
  text(rel) { const o = this.open.get(this.uri(rel)); return o ? o.text : readFileSync(path.join(this.root, rel), 'utf8'); }

  poke() { for (const w of [...this.waiters]) w(); }

  /** Resolves when the predicate holds (checked on every notification). */
  async until(predicate, what) {
    if (predicate()) return;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiters.delete(check); reject(new Error(`timed out waiting for ${what}\n${this.stderr.slice(-2000)}`)); }, PATIENCE_MS);
      const check = () => { if (predicate()) { clearTimeout(timer); this.waiters.delete(check); resolve(); } };
      this.waiters.add(check);
    });
  }

  request(method, params) { return this.connection.sendRequest(method, params); }
  notify(method, params) { return this.connection.sendNotification(method, params); }

  /** @param hoverFormats the client's textDocument.hover.contentFormat, most preferred first. */
  async initialize({ hoverFormats = ['markdown', 'plaintext'] } = {}) {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'glossary-e2e' },
      rootUri: fileUri(this.root),
      workspaceFolders: [{ uri: fileUri(this.root), name: path.basename(this.root) }],
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        window: { workDoneProgress: true },
        workspace: { applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true },
        textDocument: {
          hover: { contentFormat: hoverFormats },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
          rename: { prepareSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.notify('initialized', {});
    await this.until(() => this.status?.state === 'ready', 'glossary/status ready');
    return result;
  }

  async openDoc(rel) {
    const uri = this.uri(rel);
    const text = readFileSync(path.join(this.root, rel), 'utf8');
    this.open.set(uri, { version: 1, text });
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Replaces [start, end) (UTF-16 offsets) of an open document with an incremental didChange. */
  async edit(rel, start, end, newText) {
    const uri = this.uri(rel);
    const doc = this.open.get(uri);
    const range = { start: positionAt(doc.text, start), end: positionAt(doc.text, end) };
    doc.text = doc.text.slice(0, start) + newText + doc.text.slice(end);
    doc.version++;
    await this.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: newText }] });
    return doc.version;
  }

  /** Applies a WorkspaceEdit: open documents through didChange, the others on disk (then a watched-file event). */
  async applyWorkspaceEdit(edit) {
    const perUri = new Map();
    for (const dc of edit.documentChanges ?? []) perUri.set(dc.textDocument.uri, [...(perUri.get(dc.textDocument.uri) ?? []), ...dc.edits]);
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, [...(perUri.get(uri) ?? []), ...edits]);
    const changedOnDisk = [];
    for (const [uri, edits] of perUri) {
      const rel = this.pathOf(uri);
      const open = this.open.get(uri);
      const text = open ? open.text : readFileSync(path.join(this.root, rel), 'utf8');
      const sorted = edits.map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
      let out = text;
      for (const x of sorted) out = out.slice(0, x.s) + x.t + out.slice(x.e);
      writeFileSync(path.join(this.root, rel), out);
      if (open) {
        open.version++;
        open.text = out;
        await this.notify('textDocument/didChange', { textDocument: { uri, version: open.version }, contentChanges: [{ text: out }] });
      } else changedOnDisk.push({ uri, type: 2 });
    }
    if (changedOnDisk.length) await this.notify('workspace/didChangeWatchedFiles', { changes: changedOnDisk });
    return perUri.size;
  }

  async shutdown() {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill() { try { this.proc.kill(); } catch { /* gone */ } }
}

export function positionAt(text, offset) {
  let line = 0, lineStart = 0;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') { line++; lineStart = i + 1; }
  return { line, character: offset - lineStart };
}

export function offsetAt(text, { line, character }) {
  let off = 0;
  for (let l = 0; l < line; l++) { const nl = text.indexOf('\n', off); if (nl < 0) return text.length; off = nl + 1; }
  const end = text.indexOf('\n', off);
  return Math.min(off + character, end < 0 ? text.length : end);
}

export function cleanup(dir) { try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ } }
export { existsSync };
