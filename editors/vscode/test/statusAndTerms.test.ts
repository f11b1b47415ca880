import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { statusView } from '../src/status';
import { showReferencesArgs } from '../src/references';
import { firstLine, GlossaryTerm, termPickItems, validTerms } from '../src/terms';

describe('statusView', () => {
  it('shows indexing, then the term count with the file count in the tooltip', () => {
    assert.equal(statusView({ state: 'indexing', files: 3, terms: 10 }, 'running').text, '$(book) Glossary: indexing…');
    const ready = statusView({ state: 'ready', files: 20, terms: 123 }, 'running');
    assert.equal(ready.text, '$(book) 123 terms');
    assert.match(ready.tooltip, /123 terms in 20 files/);
    assert.equal(statusView({ state: 'ready', files: 1, terms: 1 }, 'running').text, '$(book) 1 term');
  });
  it('shows starting before the first status and an error state', () => {
    assert.equal(statusView(undefined, 'starting').text, '$(book) Glossary: starting…');
    assert.equal(statusView({ state: 'ready', files: 1, terms: 5 }, 'starting').text, '$(book) Glossary: starting…');
    assert.equal(statusView(undefined, 'running').text, '$(book) Glossary');
    assert.equal(statusView(undefined, 'stopped').text, '$(book) Glossary: stopped');
    assert.equal(statusView(undefined, 'error').error, true);
  });
});

const range = { start: { line: 3, character: 3 }, end: { line: 3, character: 7 } };
function term(headword: string, extra: Partial<GlossaryTerm> = {}): GlossaryTerm {
  return { headword, aliases: [], reading: null, uri: 'file:///w/glossary/a.md', range, definition: '', ...extra };
}

describe('termPickItems', () => {
  it('label = headword, description = aliases and reading, detail = first line of the definition', () => {
    const [item] = termPickItems([
      term('転移学習', {
        aliases: ['Transfer Learning'],
        reading: 'てんいがくしゅう',
        definition: '\n- <a href="https://x/#abc">ファインチューニング</a>と同様、**学習済み**モデルを [再利用](b.md#x) する。\n- 次の行',
      }),
    ]);
    assert.equal(item!.label, '転移学習');
    assert.equal(item!.description, 'Transfer Learning · (てんいがくしゅう)');
    assert.equal(item!.detail, 'ファインチューニングと同様、学習済みモデルを 再利用 する。');
  });
  it('tells apart the same headword defined in two files', () => {
    const items = termPickItems([term('API', { uri: 'file:///w/b.md' }), term('API', { uri: 'file:///w/a%20b.md' })]);
    assert.deepEqual(items.map((i) => i.description), ['a b.md', 'b.md']);
  });
  it('drops malformed entries of the server answer', () => {
    assert.deepEqual(validTerms(null), []);
    assert.equal(validTerms({ terms: [term('x'), { headword: 1 }, null] }).length, 1);
  });
  it('firstLine skips fences and comments and truncates', () => {
    assert.equal(firstLine('<!-- c -->\n```\n'), '');
    assert.equal(firstLine('x'.repeat(200)).length, 160);
  });
});

describe('showReferencesArgs', () => {
  const range = { start: { line: 2, character: 3 }, end: { line: 2, character: 7 } };
  it('reads the code lens command arguments and drops malformed locations', () => {
    const parsed = showReferencesArgs(['file:///g.md', { line: 2, character: 3 }, [{ uri: 'file:///a.md', range }, { uri: 1 }, null]]);
    assert.deepEqual(parsed, { uri: 'file:///g.md', position: { line: 2, character: 3 }, locations: [{ uri: 'file:///a.md', range }] });
  });
  it('refuses arguments of another shape', () => {
    assert.equal(showReferencesArgs([]), undefined);
    assert.equal(showReferencesArgs(['file:///g.md', { line: 2 }, []]), undefined);
    assert.equal(showReferencesArgs(['file:///g.md', { line: 2, character: 0 }, {}]), undefined);
  });
});
