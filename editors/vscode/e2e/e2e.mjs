// End-to-end checks of the Glossary extension in a real VS Code (code-server) driven by Chromium.
// Started by run.sh, which provides (environment):
//   GLOSSARY_E2E_CACHE  install.sh folder (code-server, playwright-core)
//   GLOSSARY_E2E_TOOLS  folder of start.sh
//   GLOSSARY_E2E_RUN    temporary folder (profile, workspace, logs, code-server.pid)
//   GLOSSARY_E2E_VSIX   the .vsix to install
//   GLOSSARY_E2E_REPO   repository root (content/ is copied from there)
//   GLOSSARY_E2E_OUT    where screenshots go (<repo>/out/e2e)
//   GLOSSARY_E2E_SERVER "mock" to use mock-server.mjs (harness check without the real server)
// Prints one line per check and "N passed, N failed" last; exits 1 when a check failed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glossaryLog, pathWithoutDotnet, startCodeServer, stopProcessGroup } from './code-server.mjs';
import { followTermLinkInHover, pickTermLink } from './hover-link.mjs';
import * as workbench from './workbench.mjs';
import { hoverUntil, sleep, waitFor, wordBox } from './workbench.mjs';
import { createTerm, underlinedMention } from './editor-views.mjs';
import { codeLensPeek, readingHintOnScreen } from './glossary-views.mjs';
import { countLinks, definitionSnippet, findPlainMention, readTerms } from './workspace.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const need = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run e2e/run.sh)`);
  return v;
};

const results = [];
let page;
let browser;
let serverPid;
let shotNo = 0;

function report() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

async function screenshot(OUT, name) {
  if (!page) return;
  try {
    await page.screenshot({ path: path.join(OUT, name) });
  } catch (e) {
    console.log(`  (screenshot ${name} failed: ${e.message})`);
  }
}

let serverDown; // set when the language server is not running: later checks that need it fail at once

async function check(name, fn, OUT, needsServer = true) {
  const t0 = Date.now();
  try {
    if (needsServer && serverDown !== undefined) throw new Error(`skipped: the language server is not running (${serverDown})`);
    const note = await fn();
    results.push({ name, ok: true });
    console.log(`PASS ${name} (${Date.now() - t0} ms)${note ? ` — ${note}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name} (${Date.now() - t0} ms): ${e && e.message ? e.message.split('\n')[0] : e}`);
    shotNo += 1;
    await screenshot(OUT, `fail-${shotNo}.png`);
  }
}

async function main() {
  const CACHE = need('GLOSSARY_E2E_CACHE');
  const TOOLS = need('GLOSSARY_E2E_TOOLS');
  const RUN = need('GLOSSARY_E2E_RUN');
  const VSIX = need('GLOSSARY_E2E_VSIX');
  const REPO = need('GLOSSARY_E2E_REPO');
  const OUT = need('GLOSSARY_E2E_OUT');
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT, f));

  const require = createRequire(path.join(CACHE, 'package.json'));
  const { chromium } = require('playwright-core');

  // --- Workspace: content/ with one planted broken link (the anchor decodes fine but names no term -> GL0002).
  const WS = path.join(RUN, 'workspace');
  fs.cpSync(path.join(REPO, 'content'), WS, { recursive: true });
  const ARTICLE_REL = 'articles/transfer-learning-intro.md';
  const ARTICLE = path.join(WS, ARTICLE_REL);
  const terms = readTerms(WS);
  if (terms.length === 0) throw new Error('no term-list glossary found in content/');
  const anchor = Buffer.from('存在しない用語 | No Such Term', 'utf8').toString('base64');
  const broken = `[転移学習](../glossary/transfer-learning.md#${anchor})`;
  let article = fs.readFileSync(ARTICLE, 'utf8');
  const lines = article.split('\n');
  const h2 = lines.findIndex((l) => /^##\s/.test(l));
  lines.splice(h2 >= 0 ? h2 + 1 : lines.length, 0, '', `壊れたリンクの例: ${broken}`);
  article = lines.join('\n');
  fs.writeFileSync(ARTICLE, article);
  const brokenLine = (h2 >= 0 ? h2 + 1 : lines.length - 2) + 2;
  console.log(`workspace ${WS}: ${terms.length} terms; planted broken link on line ${brokenLine} of ${ARTICLE_REL}`);

  const mention = findPlainMention(article, terms);
  const completionTerm = terms.find((t) => t.headword === 'ファインチューニング') ?? terms.find((t) => /^[\u30a0-\u30ff]{5,}/.test(t.headword)) ?? terms[0];
  const prefix = [...completionTerm.headword].slice(0, 4).join('');

  if (process.env.GLOSSARY_E2E_SERVER === 'mock') {
    fs.mkdirSync(path.join(WS, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(WS, '.vscode', 'settings.json'),
      JSON.stringify({ 'glossary.server.path': path.join(HERE, 'mock-server.mjs') }, null, 2),
    );
    console.log('using the MOCK server (harness check only)');
  }

  // --- code-server.
  const { started, port } = await startCodeServer(TOOLS, CACHE, RUN, RUN, VSIX, WS, process.env, (pid) => { serverPid = pid; });

  await check('the .vsix installs into VS Code', async () => {
    const log = fs.readFileSync(path.join(RUN, 'install.log'), 'utf8');
    if (!/successfully installed/i.test(log)) throw new Error(`install log: ${log.trim().split('\n').slice(-3).join(' | ')}`);
  }, OUT, false);
  await check('code-server starts', async () => {
    if (!started || serverPid === undefined) throw new Error(`start.sh failed (see ${path.join(RUN, 'server.log')})`);
    return `pid ${serverPid}, port ${port}`;
  }, OUT, false);
  if (!started) return;

  // --- Browser.
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}`);

  const editor = () => page.locator('.editor-instance .monaco-editor').first();
  const openArticle = () => workbench.quickOpen(page, 'transfer-learning-intro.md');
  const focusEditor = () => workbench.focusEditor(page);
  const goTo = (line, column) => workbench.goTo(page, line, column);
  const save = () => workbench.save(page);
  const runCommand = (title) => workbench.runCommand(page, title);

  await check('the workbench loads and opens the article', async () => {
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await openArticle();
  }, OUT, false);

  await check('status bar shows the term count when indexing is done', async () => {
    const ready = page.locator('.statusbar-item', { hasText: /\d+ terms?\b/ });
    const down = page.locator('.statusbar-item', { hasText: /Glossary: (error|stopped)/ });
    const text = await waitFor('"N terms" (or an error) in the status bar', async () => {
      if ((await ready.count()) > 0) return (await ready.first().innerText()).trim();
      if ((await down.count()) > 0) {
        // Give a crashing server the chance of the client's automatic restart before giving up.
        await sleep(3000);
        if ((await ready.count()) === 0 && (await down.count()) > 0) {
          serverDown = (await down.first().innerText()).trim();
          throw Object.assign(new Error(`the language server is not running (status bar: "${serverDown}"); see the Glossary output in out/e2e/logs`), { fatal: true });
        }
      }
      return undefined;
    }, 60000, 500);
    return text;
  }, OUT);

  await check('error squiggle on the planted broken link', async () => {
    await editor().locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: 60000 });
    return `${await editor().locator('.squiggly-error').count()} squiggle(s)`;
  }, OUT);

  await check('Problems panel lists GL0002', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.first().waitFor({ timeout: 10000 });
    const row = panel.locator('.monaco-list-row', { hasText: 'GL0002' });
    await row.first().waitFor({ timeout: 20000 });
    return (await row.first().innerText()).replace(/\s+/g, ' ').trim().slice(0, 120);
  }, OUT);
  await screenshot(OUT, 'diagnostics.png');
  await page.keyboard.press('Control+J'); // hide the panel again
  await focusEditor();

  await check('settings reach the server: glossary.rules { "broken-anchor": "warning" } turns the squiggle into a warning', async () => {
    const settingsFile = path.join(WS, '.vscode', 'settings.json');
    const original = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    const squiggles = async () => ({
      errors: await editor().locator('.squiggly-error').count(),
      warnings: await editor().locator('.squiggly-warning').count(),
    });
    const before = await squiggles();
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ ...(original ? JSON.parse(original) : {}), 'glossary.rules': { 'broken-anchor': 'warning' } }, null, 2));
    try {
      await waitFor(
        'one error squiggle fewer and a warning squiggle more',
        async () => {
          const now = await squiggles();
          return now.errors === before.errors - 1 && now.warnings === before.warnings + 1;
        },
        45000,
      );
    } finally {
      // Back to the defaults: the error returns (a second configuration change).
      if (original === undefined) fs.rmSync(settingsFile);
      else fs.writeFileSync(settingsFile, original);
    }
    await waitFor('the error squiggle back', async () => (await squiggles()).errors === before.errors, 45000);
    return `errors/warnings ${before.errors}/${before.warnings} → ${before.errors - 1}/${before.warnings + 1} → back`;
  }, OUT);

  await check('hover on a term mention shows its definition', async () => {
    if (!mention) throw new Error('no plain term mention found in the article');
    const snippet = definitionSnippet(mention.term.definition);
    await goTo(mention.line, mention.column);
    const hover = page.locator('.monaco-hover-content', { hasText: snippet });
    await hoverUntil(page, `the mention "${mention.word}"`, () => wordBox(page, mention.word), hover);
    const text = (await hover.first().innerText()).replace(/\s+/g, ' ').trim();
    if (!text.includes(mention.term.headword)) throw new Error(`hover lacks the headword: ${text.slice(0, 100)}`);
    await sleep(500); // let the hover fade in
    await screenshot(OUT, 'hover.png');
    return `"${mention.word}" (line ${mention.line}) → "${text.slice(0, 60)}…"`;
  }, OUT);
  await page.mouse.move(5, 500);
  await page.keyboard.press('Escape');

  await check('an unlinked term mention is underlined by its semantic token', async () => {
    const classes = await underlinedMention(page, mention.word, mention.line, mention.column);
    await screenshot(OUT, 'semantic-tokens.png');
    return `"${mention.word}": ${classes}`;
  }, OUT);

  await check(`completion after "${prefix}" offers ${completionTerm.headword} and inserts a link`, async () => {
    await focusEditor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('E2E: ');
    await page.keyboard.type(prefix, { delay: 30 });
    await sleep(300);
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: completionTerm.headword });
    await row.first().waitFor({ timeout: 20000 });
    await screenshot(OUT, 'completion.png');
    // Accept the row of the term (not necessarily the first one).
    for (let i = 0; i < 30; i++) {
      const focused = page.locator('.suggest-widget .monaco-list-row.focused');
      const t = (await focused.count()) > 0 ? await focused.first().innerText() : '';
      if (t.includes(completionTerm.headword)) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await save();
    const expected = `E2E: [${completionTerm.headword}](`;
    const line = await waitFor(
      `"${expected}" in the saved file`,
      async () => {
        const l = fs.readFileSync(ARTICLE, 'utf8').split('\n').find((x) => x.startsWith('E2E: '));
        if (l && l.startsWith(expected)) return l;
        if (l && (l.includes('<a href') || l.includes('](')) && l.includes(completionTerm.headword)) return l;
        await save();
        return undefined;
      },
      10000,
    );
    return line.slice(0, 110);
  }, OUT);

  await check('"Glossary: Link all terms in this document" adds links', async () => {
    await save();
    const before = countLinks(fs.readFileSync(ARTICLE, 'utf8'));
    await focusEditor();
    await runCommand('Glossary: Link all terms in this document');
    const after = await waitFor(
      'more links in the document',
      async () => {
        await save();
        const n = countLinks(fs.readFileSync(ARTICLE, 'utf8'));
        return n > before ? n : undefined;
      },
      20000,
      1000,
    );
    return `${before} → ${after} links`;
  }, OUT);
  await page.keyboard.press('Control+Shift+M');
  await sleep(500);
  await screenshot(OUT, 'vscode.png');
  await page.keyboard.press('Control+J');

  await check('"Glossary: Look up a term…" finds a term by alias and opens its definition', async () => {
    const alias = completionTerm.words[1] ?? completionTerm.headword;
    await focusEditor();
    await runCommand('Glossary: Look up a term');
    // The terms arrive from the server (glossary/terms); the list is virtualised, so filter before looking for the row.
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15000 });
    await page.keyboard.type(alias);
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: completionTerm.headword });
    await row.first().waitFor({ timeout: 5000 });
    await page.keyboard.press('Enter');
    const file = path.basename(completionTerm.file);
    await page.locator('.tab.active', { hasText: file }).waitFor({ timeout: 15000 });
    await sleep(1000);
    await screenshot(OUT, 'lookup.png');
    return `"${alias}" → ${file}`;
  }, OUT);

  await check('"Glossary: Restart server" restarts the language server', async () => {
    const starts = () => (glossaryLog(RUN).match(/\] Starting /g) ?? []).length;
    const before = starts();
    await runCommand('Glossary: Restart server');
    await waitFor('a second "Starting" in the Glossary output', async () => starts() > before, 15000, 500);
    const ready = page.locator('.statusbar-item', { hasText: /\d+ terms?\b/ });
    await ready.first().waitFor({ timeout: 30000 });
    return `status bar: ${(await ready.first().innerText()).trim()}`;
  }, OUT);

  await check('"Add to glossary" on a selected new word adds the term, links it, and the link hovers', async () => {
    await openArticle();
    const result = await createTerm(page, ARTICLE, '蒸留モデル');
    await screenshot(OUT, 'create-term.png');
    return result;
  }, OUT);

  const termLink = pickTermLink(terms);
  await check(`clicking a term link in a hover opens that term's heading`, async () => {
    if (!termLink) throw new Error('no term whose definition links a term of another file');
    await focusEditor();
    return followTermLinkInHover(page, termLink);
  }, OUT);

  await check('a reading inlay hint is drawn after a kanji term heading', async () => {
    await focusEditor();
    const line = await readingHintOnScreen(page, 'transfer-learning.md', 'てんいがくしゅう');
    await screenshot(OUT, 'inlay-hint.png');
    return line;
  }, OUT);
  await check('a code lens shows a term\'s links and mentions, and clicking it opens the references peek', async () => {
    const { title, head, rows } = await codeLensPeek(page);
    await screenshot(OUT, 'code-lens-peek.png');
    await page.keyboard.press('Escape');
    return `"${title}" → peek "${head}", ${rows} rows`;
  }, OUT);

  // --- Second VS Code without dotnet on PATH: the extension must say how to fix it.
  await page.context().close();
  page = undefined;
  await stopCodeServer();
  const RUN2 = path.join(RUN, 'no-dotnet');
  const WS2 = path.join(RUN2, 'workspace');
  fs.mkdirSync(WS2, { recursive: true });
  fs.writeFileSync(path.join(WS2, 'note.md'), '# メモ\n\n転移学習について。\n');
  const env2 = { ...process.env, PATH: pathWithoutDotnet(path.join(RUN2, 'bin')) };
  delete env2.DOTNET_ROOT;
  env2.VSCODE_CLI = '1'; // keeps VS Code from re-reading PATH from a login shell (resolveShellEnv), which would find dotnet again
  const second = await startCodeServer(TOOLS, CACHE, RUN, RUN2, VSIX, WS2, env2, (pid) => { serverPid = pid; });
  await check('without dotnet: an error with the fix and a button opening the setting', async () => {
    if (!second.started) throw new Error('the second code-server did not start');
    const context2 = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    page = await context2.newPage();
    await page.goto(`http://127.0.0.1:${second.port}/?folder=${encodeURIComponent(WS2)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'note.md' }).first().click({ timeout: 15000 });
    const toast = page.locator('.notification-toast', { hasText: 'Install the .NET 10 runtime (https://dot.net) or set glossary.server.path' });
    await toast.first().waitFor({ timeout: 30000 });
    const message = (await toast.first().locator('.notification-list-item-message').first().innerText()).trim();
    await screenshot(OUT, 'no-dotnet.png');
    await toast.first().locator('.monaco-button', { hasText: 'Open Settings' }).first().click({ timeout: 5000 });
    await page.locator('.settings-editor .setting-item', { hasText: /Server: Path|glossary\.server\.path/ }).first().waitFor({ timeout: 15000 });
    return message.slice(0, 140);
  }, OUT, false);
}

async function stopAll() {
  if (browser) {
    await browser.close().catch(() => {});
    browser = undefined;
  }
  await stopCodeServer();
}

async function stopCodeServer() {
  if (serverPid === undefined) return;
  await stopProcessGroup(serverPid);
  serverPid = undefined;
}

const watchdog = setTimeout(async () => {
  console.log('FAIL the whole run took longer than 6 minutes');
  results.push({ name: 'watchdog', ok: false });
  await stopAll();
  process.exit(report() > 0 ? 1 : 0);
}, 6 * 60 * 1000);

let crashed = false;
try {
  await main();
} catch (e) {
  crashed = true;
  results.push({ name: 'setup', ok: false });
  console.log(`FAIL setup: ${e && e.stack ? e.stack : e}`);
} finally {
  if (process.env.GLOSSARY_E2E_OUT && page && !fs.existsSync(path.join(process.env.GLOSSARY_E2E_OUT, 'vscode.png'))) {
    await screenshot(process.env.GLOSSARY_E2E_OUT, 'vscode.png');
  }
  await stopAll();
  clearTimeout(watchdog);
}
const failed = report();
process.exit(failed > 0 || crashed ? 1 : 0);
