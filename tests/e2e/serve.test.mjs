// End-to-end: the real `glossary serve` on a temporary copy of a corpus, driven like an editor would.
// One scenario per corpus; every step is a subtest so `node --test` reports it by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Editor, copyCorpus, markdownFiles, glossary, positionAt, cleanup, repoRoot, serverDll } from './lsp.mjs';

const corpora = [
  ['content', path.join(repoRoot, 'content')],
  ['tech_glossary/output', path.join(repoRoot, '../shared/corpora/tech_glossary/output')],
];

const LINK = /<a\s+href="([^"]*#[^"]+)"[^>]*>([^<]+)<\/a>|\[([^\]\n]+)\]\(([^)\s]*#[^)\s]+)\)/g;
const CJK2 = /^[\u3040-\u30ff\u4e00-\u9fff]{2}/;

function links(text) {
  const out = [];
  for (const m of text.matchAll(LINK)) {
    const label = m[2] ?? m[3];
    const labelStart = m.index + m[0].indexOf(label, m[2] ? m[0].indexOf('>') : 1);
    const href = m[1] ?? m[4];
    // The link's target as the parser spans it: the attribute value, or what the parentheses hold.
    const hrefStart = m.index + (m[1] !== undefined ? m[0].indexOf('"') + 1 : m[0].indexOf('](') + 2);
    out.push({ start: m.index, end: m.index + m[0].length, label, labelStart, href, hrefStart, fragment: href.slice(href.indexOf('#') + 1) });
  }
  return out;
}

/** What AnchorCodec.TryDecode gives: the heading text of a standard padded base64 anchor of UTF-8 text, else null. */
function decodeAnchor(anchor) {
  if (anchor.length === 0 || anchor.length % 4 !== 0 || !/^[A-Za-z0-9+/=]+$/.test(anchor)) return null;
  const bytes = Buffer.from(anchor, 'base64');
  if (bytes.toString('base64') !== anchor) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** The anchors a `#` heading line defines in a term-list glossary: its explicit ids and the base64 of its text (HTML stripped, trimmed). */
function headingAnchors(line) {
  const ids = [...line.matchAll(/<a\s+(?:id|name)="([^"]*)"/g)].map((m) => m[1]);
  const text = line.replace(/^#+\s*/, '').replace(/<[^>]*>/g, '').trim();
  return [...ids, Buffer.from(text, 'utf8').toString('base64')];
}

/** Semantic tokens decoded from LSP's relative encoding. */
function decodeTokens(result) {
  const out = [];
  let line = 0, start = 0;
  for (let i = 0; i < result.data.length; i += 5) {
    const [dl, ds, length, type, modifiers] = result.data.slice(i, i + 5);
    start = dl === 0 ? start + ds : ds;
    line += dl;
    out.push({ line, start, length, type, modifiers });
  }
  return out;
}

/** A diagnostic as compared here: code, range and message. */
function key(d) {
  const { start, end } = d.range;
  return `${d.code}|${start.line}:${start.character}-${end.line}:${end.character}|${d.message}`;
}

/** Diagnostics as sorted keys. */
function normalized(diagnostics) {
  return diagnostics.map(key).sort();
}

function lintDiagnostics(root, file) {
  const report = JSON.parse(glossary(['lint', '--format', 'json', '.'], root).stdout);
  return normalized(report.diagnostics.filter((d) => d.file === file).map((d) => ({ code: d.id, range: d.range, message: d.message })));
}

function brokenLinkCount(root) {
  const r = glossary(['lint', '--format', 'json', '.'], root);
  const report = JSON.parse(r.stdout);
  return report.diagnostics.filter((d) => d.id === 'GL0001' || d.id === 'GL0002').length;
}


for (const [name, source] of corpora) {
  test(`glossary serve on ${name}`, { skip: !existsSync(source) || !existsSync(serverDll) ? `missing ${existsSync(source) ? serverDll : source}` : false }, async (t) => {
    const root = copyCorpus(source);
    const ed = new Editor(root);
    const files = markdownFiles(root);
    const brokenBefore = brokenLinkCount(root);
    let link; // { file, label, labelStart } of a link whose definition is found
    let definition; // Location of its term
    try {
      await t.test('initialize advertises the features', async () => {
        const init = await ed.initialize();
        const caps = init.capabilities;
        assert.equal(caps.textDocumentSync.change, 2);
        for (const k of ['hoverProvider', 'completionProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'codeActionProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'documentLinkProvider', 'foldingRangeProvider', 'executeCommandProvider', 'diagnosticProvider', 'semanticTokensProvider', 'codeLensProvider'])
          assert.ok(caps[k], `capability ${k}`);
        assert.equal(ed.status.files, files.length);
      });

      await t.test('diagnostics for every document', async () => {
        await ed.until(() => files.every((f) => ed.published.has(ed.uri(f))), 'a publishDiagnostics for every document');
        for (const f of files) assert.ok(Array.isArray(ed.published.get(ed.uri(f)).diagnostics));
      });

      await t.test('hover on a link', async () => {
        for (const file of files) {
          for (const l of links(ed.text(file))) {
            const position = positionAt(ed.text(file), l.labelStart + 1);
            const hover = await ed.request('textDocument/hover', { textDocument: { uri: ed.uri(file) }, position });
            if (!hover) continue;
            const defs = await ed.request('textDocument/definition', { textDocument: { uri: ed.uri(file) }, position });
            const loc = Array.isArray(defs) ? defs[0] : defs;
            if (!loc || ed.pathOf(loc.uri) === file) continue;
            assert.equal(hover.contents.kind, 'markdown');
            assert.ok(hover.contents.value.length > 0);
            link = { file, label: l.label, labelStart: l.labelStart, position };
            definition = loc;
            return;
          }
        }
        assert.fail('no link with a hover and a definition in another file');
      });

      await t.test('hover on a plain mention', async () => {
        // Generated glossaries link nearly every mention, so type one: a paragraph naming a term without a link.
        const { terms } = await ed.request('glossary/terms', {});
        const term = terms.find((x) => CJK2.test(x.headword)) ?? terms[0];
        const file = link.file;
        if (!ed.open.has(ed.uri(file))) await ed.openDoc(file);
        const at = ed.text(file).length;
        await ed.edit(file, at, at, `\n\nこの段落は${term.headword}について述べる。\n`);
        const offset = at + '\n\nこの段落は'.length + 1;
        const hover = await ed.request('textDocument/hover', { textDocument: { uri: ed.uri(file) }, position: positionAt(ed.text(file), offset) });
        assert.ok(hover, `a hover on the mention of ${term.headword}`);
        assert.equal(hover.contents.kind, 'markdown');
        assert.ok(hover.contents.value.includes(term.headword.replace(/[\\*_`[\]<>#]/g, (c) => '\\' + c)), hover.contents.value.slice(0, 200));
        await ed.edit(file, at, ed.text(file).length, '');
      });

      await t.test('semantic tokens: a typed mention is an unlinked term, term headings are declarations', async () => {
        const { terms } = await ed.request('glossary/terms', {});
        const term = terms.find((x) => CJK2.test(x.headword)) ?? terms[0];
        const file = link.file;
        const at = ed.text(file).length;
        await ed.edit(file, at, at, `\n\n新しい段落で${term.headword}を使う。\n`);
        const start = positionAt(ed.text(file), at + '\n\n新しい段落で'.length);
        const tokens = decodeTokens(await ed.request('textDocument/semanticTokens/full', { textDocument: { uri: ed.uri(file) } }));
        assert.ok(tokens.some((k) => k.line === start.line && k.start === start.character && k.length === term.headword.length && k.modifiers === 2),
          `an unlinked token at ${start.line}:${start.character} in ${JSON.stringify(tokens.filter((k) => k.line === start.line))}`);
        const glossaryFile = ed.pathOf(definition.uri);
        if (!ed.open.has(ed.uri(glossaryFile))) await ed.openDoc(glossaryFile);
        const declared = decodeTokens(await ed.request('textDocument/semanticTokens/full', { textDocument: { uri: ed.uri(glossaryFile) } }));
        const lines = ed.text(glossaryFile).split(/\r?\n/);
        assert.ok(declared.some((k) => k.modifiers === 1 && /^##\s/.test(lines[k.line])), 'a declaration token on a term heading');
        await ed.edit(file, at, ed.text(file).length, '');
      });

      await t.test('create a term: a selected new word is added to a glossary and linked', async () => {
        const file = link.file;
        const at = ed.text(file).length;
        const word = '未定義の概念語';
        await ed.edit(file, at, at, `\n\n${word}を定義したい。\n`);
        const start = at + 2;
        const range = { start: positionAt(ed.text(file), start), end: positionAt(ed.text(file), start + word.length) };
        const actions = await ed.request('textDocument/codeAction', { textDocument: { uri: ed.uri(file) }, range, context: { diagnostics: [] } });
        const add = actions.find((a) => a.title.startsWith(`Add '${word}' to `));
        assert.ok(add, `an Add action among ${actions.map((a) => a.title).join(', ')}`);
        const changes = add.edit.documentChanges;
        const anchor = Buffer.from(word, 'utf8').toString('base64');
        assert.ok(changes.some((c) => c.edits.some((e) => e.newText.includes(`## ${word}<a id="${anchor}"></a>`))), JSON.stringify(changes));
        assert.ok(changes.some((c) => ed.pathOf(c.textDocument.uri) === file && c.edits.some((e) => e.newText.includes(`#${anchor}`))), JSON.stringify(changes));
        await ed.edit(file, at, ed.text(file).length, '');
      });

      for (const [kind, pick] of [
        ['Japanese', (t) => CJK2.test(t.headword) ? [t.headword, t.headword.slice(0, 2)] : null],
        ['English', (t) => { const w = [t.headword, ...t.aliases].find((a) => /^[A-Za-z]{3}/.test(a)); return w ? [w, w.slice(0, 3)] : null; }],
      ]) {
        await t.test(`completion after a ${kind} prefix`, async () => {
          const { terms } = await ed.request('glossary/terms', {});
          const [word, prefix] = terms.map(pick).find(Boolean);
          const file = link.file;
          if (!ed.open.has(ed.uri(file))) await ed.openDoc(file);
          const before = ed.text(file);
          const at = before.length;
          await ed.edit(file, at, at, `\n\n- ${prefix}`);
          const end = ed.text(file).length;
          const list = await ed.request('textDocument/completion', { textDocument: { uri: ed.uri(file) }, position: positionAt(ed.text(file), end), context: { triggerKind: 1 } });
          const items = Array.isArray(list) ? list : list.items;
          const item = items.find((i) => i.label === word || i.filterText?.includes(word) || i.textEdit?.newText.includes(word));
          assert.ok(item, `"${word}" among ${items.length} items for "${prefix}"`);
          assert.ok(item.textEdit.newText.includes(word));
          const resolved = await ed.request('completionItem/resolve', item);
          assert.ok(resolved.documentation?.value.length > 0);
          await ed.edit(file, at, ed.text(file).length, '');
        });
      }

      await t.test('definition', async () => {
        const defs = await ed.request('textDocument/definition', { textDocument: { uri: ed.uri(link.file) }, position: link.position });
        const loc = Array.isArray(defs) ? defs[0] : defs;
        assert.deepEqual(loc, definition);
        const line = ed.text(ed.pathOf(loc.uri)).split('\n')[loc.range.start.line];
        assert.ok(line.startsWith('#') || line.includes('title'), `definition line: ${line}`);
      });

      await t.test('references', async () => {
        const refs = await ed.request('textDocument/references', { textDocument: { uri: definition.uri }, position: definition.range.start, context: { includeDeclaration: true } });
        const linkLine = link.position.line;
        assert.ok(refs.some((r) => r.uri === ed.uri(link.file) && r.range.start.line === linkLine), `a reference from ${link.file}:${linkLine + 1}`);
      });

      await t.test('code lens on the linked term: resolve counts the link, and its places include it', async () => {
        const glossaryFile = ed.pathOf(definition.uri);
        const lenses = await ed.request('textDocument/codeLens', { textDocument: { uri: definition.uri } });
        const headings = ed.text(glossaryFile).split(/\r?\n/);
        assert.ok(lenses.length > 0 && lenses.every((l) => !l.command && (/^##\s/.test(headings[l.range.start.line]) || /^title:/.test(headings[l.range.start.line]))),
          `lenses only on term headings or titles: ${JSON.stringify(lenses.slice(0, 3))}`);
        const lens = lenses.find((l) => l.range.start.line === definition.range.start.line);
        assert.ok(lens, `a lens on line ${definition.range.start.line} of ${glossaryFile}`);
        const { command } = await ed.request('codeLens/resolve', lens);
        const m = /^([\d,]+) links? · ([\d,]+) mentions?$/.exec(command.title);
        assert.ok(m, command.title);
        assert.equal(command.command, 'glossary.showReferences');
        const [uri, position, places] = command.arguments;
        assert.equal(uri, definition.uri);
        assert.deepEqual(position, lens.range.start);
        assert.equal(places.length, Number(m[1].replace(/,/g, '')) + Number(m[2].replace(/,/g, '')), 'one place per counted link or mention');
        assert.ok(places.some((p) => p.uri === ed.uri(link.file) && p.range.start.line === link.position.line), `a place in ${link.file}:${link.position.line + 1}`);
        assert.ok(places.every((p) => p.uri !== definition.uri || p.range.start.line !== definition.range.start.line), 'never the term\'s own heading');
      });

      await t.test('rename across files, then lint shows no new broken link', async () => {
        const target = ed.pathOf(definition.uri);
        if (!ed.open.has(definition.uri)) await ed.openDoc(target);
        const position = { line: definition.range.start.line, character: definition.range.start.character + 1 };
        const prepared = await ed.request('textDocument/prepareRename', { textDocument: { uri: definition.uri }, position });
        assert.ok(prepared?.placeholder, 'prepareRename gives the entry word');
        const newName = `${prepared.placeholder}改`;
        const edit = await ed.request('textDocument/rename', { textDocument: { uri: definition.uri }, position, newName });
        const files = await ed.applyWorkspaceEdit(edit);
        assert.ok(files >= 2, `the rename edits ${files} files`);
        assert.ok(ed.text(target).includes(newName));
        assert.ok(ed.text(link.file).includes(newName) || ed.text(link.file).includes(encodeURIComponent(newName)) || files >= 2);
        assert.equal(brokenLinkCount(root), brokenBefore, 'broken links (GL0001/GL0002) after the rename');
      });

      // Editing document A in the editor so that a link in document B no longer resolves must make the
      // server publish B's GL0002 (code, range, message), and undoing the edit must clear it. No wait here
      // takes a baseline from whatever was published last: the link is chosen so that the rename above
      // cannot produce its GL0002 (the rename's intermediate states break links to the renamed term
      // only), so a publish showing it can only come from a pass over a snapshot that has the edit (and
      // everything sent before it); and publishes arrive in the order of the passes, so one without it
      // after that can only come from a snapshot that has the undo.
      await t.test('an edit that breaks a heading updates another file\'s diagnostics', async () => {
        // The editor's texts are the files on disk (earlier edits were undone or saved), so `glossary lint`
        // tells what B's diagnostics are once the server has caught up.
        for (const [uri, doc] of ed.open) assert.equal(doc.text, readFileSync(fileURLToPath(uri), 'utf8'), `${ed.pathOf(uri)}: open text = file`);
        const definitionOf = async (file, l) => {
          const defs = await ed.request('textDocument/definition', { textDocument: { uri: ed.uri(file) }, position: positionAt(ed.text(file), l.labelStart + 1) });
          return Array.isArray(defs) ? defs[0] : defs;
        };
        let pick; // { b, l, a, loc, line }: B's link l to the heading `line` of another document A
        for (const b of files) {
          for (const l of links(ed.text(b))) {
            const loc = await definitionOf(b, l);
            if (!loc || loc.uri === ed.uri(b) || (loc.uri === definition.uri && loc.range.start.line === definition.range.start.line)) continue;
            const a = ed.pathOf(loc.uri);
            const lines = ed.text(a).split('\n');
            const line = lines[loc.range.start.line];
            // The anchor the link really uses: one the heading line defines (its <a id> or the base64 of
            // its text), and no other line of A.
            if (!/^#+\s/.test(line) || !headingAnchors(line).includes(l.fragment)) continue;
            if (lines.some((x, i) => i !== loc.range.start.line && (x.includes(`id="${l.fragment}"`) || (/^#+\s/.test(x) && headingAnchors(x).includes(l.fragment))))) continue;
            pick = { b, l, a, loc, line };
            break;
          }
          if (pick) break;
        }
        assert.ok(pick, 'a link to a heading of another document, not the renamed one');
        const { b, a, loc, line } = pick;
        if (!ed.open.has(ed.uri(a))) await ed.openDoc(a);
        const baseline = lintDiagnostics(root, b);
        // The GL0002 of every link of B to that heading, as the rule words it: the range is the link's target.
        const broken = [];
        for (const l of links(ed.text(b))) {
          const d = await definitionOf(b, l);
          if (d?.uri !== loc.uri || d.range.start.line !== loc.range.start.line) continue;
          const decoded = decodeAnchor(l.fragment);
          broken.push({
            fragment: l.fragment,
            hrefStart: l.hrefStart,
            key: key({
              code: 'GL0002',
              range: { start: positionAt(ed.text(b), l.hrefStart), end: positionAt(ed.text(b), l.hrefStart + l.href.length) },
              message: `No term or heading with anchor '#${l.fragment}'${decoded === null ? '' : ` ('${decoded}')`} in ${a}`,
            }),
          });
        }
        assert.ok(broken.some((x) => x.hrefStart === pick.l.hrefStart), 'the picked link is one of them');
        assert.ok(broken.every((x) => !baseline.includes(x.key)), `the links resolve before the edit: ${baseline.join('\n')}`);
        const published = () => normalized(ed.published.get(ed.uri(b))?.diagnostics ?? []);
        // The server agrees with glossary lint (a check, not a barrier: the wait does not prove that the
        // rename's passes are over, nothing below needs them to be).
        await ed.until(() => JSON.stringify(published()) === JSON.stringify(baseline), `${b}: the diagnostics glossary lint reports`);

        // The edit: the heading's text changes and its <a id> goes, so A has no anchor the links use.
        const lineStart = ed.text(a).split('\n').slice(0, loc.range.start.line).join('\n').length + (loc.range.start.line > 0 ? 1 : 0);
        const hashes = line.match(/^#+\s*/)[0].length;
        const edited = line.slice(0, hashes) + '壊れた' + line.slice(hashes).replace(/<a\s+(?:id|name)="[^"]*"\s*>\s*<\/a>/g, '');
        assert.ok(!headingAnchors(edited).some((x) => broken.some((y) => y.fragment === x)), `the edited heading defines none of the links' anchors: ${edited}`);
        await ed.edit(a, lineStart, lineStart + line.length, edited);
        await ed.until(() => broken.every((x) => published().includes(x.key)), `GL0002 for ${broken.length} link(s) of ${b} to ${a}:${loc.range.start.line + 1}`);
        const gl0002 = (keys) => keys.filter((k) => k.startsWith('GL0002|'));
        assert.deepEqual(gl0002(published()), [...gl0002(baseline), ...broken.map((x) => x.key)].sort());

        // The undo: B's diagnostics are what they were.
        await ed.edit(a, lineStart, lineStart + edited.length, line);
        await ed.until(() => !broken.some((x) => published().includes(x.key)), `${b}: GL0002 gone after the undo`);
        assert.deepEqual(published(), baseline);
      });

      await t.test('shutdown and exit', async () => {
        assert.equal(await ed.shutdown(), 0);
      });
    } finally {
      ed.kill();
      cleanup(root);
    }
  });
}

// A plain-text client (eglot asks for plain text) gets a definition's links as their text and no markup.
test('plain-text hover of a term whose definition links other terms', { skip: !existsSync(serverDll) ? `missing ${serverDll}` : false }, async () => {
  const root = copyCorpus(path.join(repoRoot, 'content'));
  const ed = new Editor(root);
  try {
    await ed.initialize({ hoverFormats: ['plaintext'] });
    let hovered = 0;
    for (const file of markdownFiles(root)) {
      const lines = ed.text(file).split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!/^##\s/.test(lines[i])) continue;
        const end = lines.findIndex((l, j) => j > i && /^#{1,2}\s/.test(l));
        const definition = lines.slice(i + 1, end < 0 ? undefined : end).join('\n');
        if (!/<a\s+href=|\]\(/.test(definition)) continue;
        const hover = await ed.request('textDocument/hover', { textDocument: { uri: ed.uri(file) }, position: { line: i, character: 4 } });
        assert.ok(hover, `a hover on ${file}:${i + 1}`);
        assert.equal(hover.contents.kind, 'plaintext');
        for (const markup of ['<', '](', '**', '`'])
          assert.ok(!hover.contents.value.includes(markup), `no ${markup} in the hover of ${file}:${i + 1}:\n${hover.contents.value}`);
        hovered++;
      }
    }
    assert.ok(hovered >= 3, `hovered ${hovered} terms with links in their definitions`);
    assert.equal(await ed.shutdown(), 0);
  } finally {
    ed.kill();
    cleanup(root);
  }
});
