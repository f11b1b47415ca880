// Driving the VS Code workbench of e2e.mjs with playwright-core: waiting, keyboard commands, and
// finding a word on screen to hover it.

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it gives a truthy value; an error with `fatal` set stops at once. */
export async function waitFor(what, fn, timeoutMs, intervalMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (e && e.fatal) throw e;
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${last.message})` : ''}`);
    await sleep(intervalMs);
  }
}

export async function focusEditor(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1'); // View: Focus First Editor Group
  await sleep(200);
}

export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget:visible', { timeout: 5000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await sleep(300);
}

export async function save(page) {
  await page.keyboard.press('Control+S');
  await sleep(400);
}

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:visible', { timeout: 5000 });
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title });
  await row.first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

/** Opens a file by name with Quick Open and waits for its tab. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget:visible', { timeout: 5000 });
  await page.keyboard.type(name);
  // The list filters asynchronously: Enter opens the focused row, so wait until that row is the file.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15000 });
}

/**
 * The centre of the first character of `word` on an editor line on screen, or null: with `prefix`, on a
 * line that starts with prefix + word; without, anywhere but as the text of a link ("[word](", ">word</a>").
 */
export function wordBox(page, word, prefix) {
  return page.evaluate(([word, prefix]) => {
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ n, start: text.length });
        text += n.data;
      }
      const plain = text.replace(/\u00a0/g, ' ');
      const idx = prefix === undefined ? plain.indexOf(word) : plain.startsWith(prefix + word) ? prefix.length : -1;
      if (idx < 0) continue;
      const before = text.slice(0, idx);
      if (prefix === undefined && (before.endsWith('[') || before.endsWith('>'))) continue;
      const at = (offset) => {
        const e = nodes.filter((x) => x.start <= offset).pop();
        return [e.n, offset - e.start];
      };
      const range = document.createRange();
      range.setStart(...at(idx));
      range.setEnd(...at(idx + 1));
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, [word, prefix]);
}

/** Moves the mouse onto a point from below, as a person does, so that VS Code shows its hover. */
export async function hoverAt(page, box) {
  await page.mouse.move(box.x + 40, box.y + 200);
  await page.mouse.move(box.x, box.y, { steps: 5 });
}

/**
 * Hovers over what `find` locates on screen until `hover` (a locator) shows, within `timeoutMs`. The text may
 * still move when code lenses or inlay hints arrive, so the point is measured again before each try.
 */
export async function hoverUntil(page, what, find, hover, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await hoverAt(page, await waitFor(`${what} on screen`, find, Math.max(1000, end - Date.now())));
    try {
      await hover.first().waitFor({ timeout: Math.max(1, Math.min(5000, end - Date.now())) });
      return;
    } catch (e) {
      if (Date.now() >= end) throw e;
      await page.mouse.move(5, 500);
    }
  }
}
