// End-to-end tests of `glossary mcp`: the real process (the Release build) driven over stdio by the
// official MCP TypeScript client, on a temporary workspace. Expected results are exact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const here = dirname(fileURLToPath(import.meta.url));
const glossaryDll = resolve(here, '../../src/GlossaryLsp.Cli/bin/Release/net10.0/glossary.dll');
const anchor = (heading) => Buffer.from(heading, 'utf8').toString('base64');
const TL = anchor('転移学習 | Transfer Learning');
const FT = anchor('ファインチューニング | Fine-tuning');

let root;
let client;

before(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'glossary-mcp-')));
  mkdirSync(join(root, 'glossary'));
  mkdirSync(join(root, 'posts'));
  writeFileSync(join(root, 'glossary', 'ml.md'), [
    '<!-- 記事URL:https://example.org/glossary/ml.md# -->',
    '',
    `## 転移学習 | Transfer Learning<a id="${TL}"></a>`,
    '',
    '- 学習済みモデルを別のタスクに使う。',
    '',
    `## ファインチューニング | Fine-tuning<a id="${FT}"></a>`,
    '',
    `- <a href="https://example.org/glossary/ml.md#${TL}">転移学習</a>の一つ。重みを追加で学習する 🌲`,
    '',
  ].join('\n'));
  writeFileSync(join(root, 'posts', 'broken.md'), `# 記事\n\n[転移学習](../glossary/ml.md#${anchor('転移学習')})を読む。\n`);
  writeFileSync(join(root, 'glossary', 'rl.md'), [
    '---', 'type: glossary', 'title: 強化学習', 'e-title: Reinforcement Learning', 'term: きょうかがくしゅう', 'url: /ja/glossary/Reinforcement-Learning/', '---', '',
    '報酬を最大化する行動を試行錯誤で学ぶ。', '',
  ].join('\n'));
  writeFileSync(join(root, 'posts', 'fine.md'), `[ファインチューニング](../glossary/ml.md#${FT})を読む。\n`);

  const transport = new StdioClientTransport({ command: 'dotnet', args: [glossaryDll, 'mcp', '--workspace', root], stderr: 'pipe' });
  client = new Client({ name: 'glossary-mcp-e2e', version: '1.0.0' });
  await client.connect(transport);
});

after(async () => {
  await client?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const call = async (name, args) => {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.content.length, 1);
  assert.equal(result.content[0].type, 'text');
  return { text: result.content[0].text, isError: result.isError === true };
};

test('lists the four read-only tools with JSON schemas', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name), ['look_up_term', 'search_terms', 'lint_files', 'suggest_links']);
  for (const t of tools) {
    assert.equal(t.inputSchema.type, 'object', t.name);
    assert.equal(t.annotations.readOnlyHint, true, t.name);
    assert.equal(t.annotations.destructiveHint, false, t.name);
    assert.ok(t.description.length > 40, t.name);
  }
  const schema = (name) => tools.find((t) => t.name === name).inputSchema;
  assert.deepEqual(schema('look_up_term').required, ['term']);
  assert.equal(schema('look_up_term').properties.term.type, 'string');
  assert.deepEqual(schema('search_terms').required, ['prefix']);
  assert.equal(schema('search_terms').properties.limit.type, 'integer');
  assert.equal(schema('search_terms').properties.limit.default, 20);
  assert.equal(schema('lint_files').required, undefined);
  assert.deepEqual(schema('suggest_links').required, ['markdown']);
});

test('looks up ふぁいんちゅーにんぐ (hiragana) and finds ファインチューニング', async () => {
  const { text, isError } = await call('look_up_term', { term: 'ふぁいんちゅーにんぐ' });
  assert.equal(isError, false);
  assert.equal(text, 'ファインチューニング | Fine-tuning\n\n- 転移学習の一つ。重みを追加で学習する 🌲\n\nDefined in glossary/ml.md:7\n');
});

test('looks a term up by its reading (katakana for a hiragana reading) and by an alias in another case', async () => {
  const expected = '強化学習 | Reinforcement Learning\n読み: きょうかがくしゅう\n\n報酬を最大化する行動を試行錯誤で学ぶ。\n\nDefined in glossary/rl.md:3\n';
  assert.equal((await call('look_up_term', { term: 'キョウカガクシュウ' })).text, expected);
  assert.equal((await call('look_up_term', { term: 'reinforcement learning' })).text, expected);
});

test('an unknown term is a tool error that suggests near terms', async () => {
  const { text, isError } = await call('look_up_term', { term: 'ファイン' });
  assert.equal(isError, true);
  assert.equal(text, "An error occurred invoking 'look_up_term': No term 'ファイン' in the glossary. Did you mean: ファインチューニング?");
});

test('searches terms by prefix of a reading or an entry word', async () => {
  assert.deepEqual(JSON.parse((await call('search_terms', { prefix: 'キョウカ' })).text), [
    { headword: '強化学習', aliases: ['Reinforcement Learning'], reading: 'きょうかがくしゅう', matched: 'きょうかがくしゅう', file: 'glossary/rl.md', line: 3 },
  ]);
  assert.deepEqual(JSON.parse((await call('search_terms', { prefix: 'fine' })).text), [
    { headword: 'ファインチューニング', aliases: ['Fine-tuning'], reading: null, matched: 'Fine-tuning', file: 'glossary/ml.md', line: 7 },
  ]);
  assert.deepEqual(JSON.parse((await call('search_terms', { prefix: 'zzz' })).text), []);
  assert.equal((await call('search_terms', { prefix: 'て', limit: 0 })).isError, true);
});

test('lints a file with a broken link', async () => {
  const { text, isError } = await call('lint_files', { paths: ['posts/broken.md'] });
  assert.equal(isError, false);
  assert.deepEqual(JSON.parse(text), {
    files: 1,
    terms: 0,
    links: 1,
    diagnostics: [{
      id: 'GL0002',
      severity: 'error',
      message: `No term or heading with anchor '#${anchor('転移学習')}' ('転移学習') in glossary/ml.md`,
      file: 'posts/broken.md',
      range: { start: { line: 2, character: 7 }, end: { line: 2, character: 41 } },
      related: [{ file: 'glossary/ml.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'the linked document' }],
    }],
  });
  const all = JSON.parse((await call('lint_files', {})).text);
  assert.deepEqual([all.files, all.terms, all.links, all.diagnostics.length], [4, 3, 3, 1]);
});

test('a path outside the workspace or missing in it is a tool error', async () => {
  const outside = await call('lint_files', { paths: ['../../etc/passwd'] });
  assert.equal(outside.isError, true);
  assert.equal(outside.text, `An error occurred invoking 'lint_files': ../../etc/passwd is outside the workspace ${root}`);
  const missing = await call('lint_files', { paths: ['posts/none.md'] });
  assert.equal(missing.text, "An error occurred invoking 'lint_files': no such file or folder in the workspace: posts/none.md");
  assert.equal((await call('suggest_links', { markdown: 'x', path: '/etc/x.md' })).isError, true);
});

test('suggests links for a paragraph and returns the linked text', async () => {
  const { text, isError } = await call('suggest_links', {
    markdown: '転移学習とファインチューニングの違い。`転移学習` はコードなので飛ばす。',
    path: 'posts/new.md',
  });
  assert.equal(isError, false);
  assert.equal(text, `[転移学習](../glossary/ml.md#${TL})と[ファインチューニング](../glossary/ml.md#${FT})の違い。\`転移学習\` はコードなので飛ばす。`);
});

test('follows the disk: a term added after start is found', async () => {
  writeFileSync(join(root, 'glossary', 'more.md'), `<!-- 記事URL:https://example.org/glossary/more.md# -->\n\n## 蒸留 | Distillation<a id="${anchor('蒸留 | Distillation')}"></a>\n\n- 小さなモデルへ。\n`);
  let result;
  for (let i = 0; i < 50; i++) {
    result = await call('look_up_term', { term: 'distillation' });
    if (!result.isError) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(result.text, '蒸留 | Distillation\n\n- 小さなモデルへ。\n\nDefined in glossary/more.md:3\n');
});
