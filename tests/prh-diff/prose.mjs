// Why a stretch of a Markdown text is not prose for GL0013 (docs/rules/GL0013.md): a small, independent
// reading of the Markdown the test texts use — front matter, headings, fenced code, HTML blocks, comments
// and tags, inline code, link targets and reference definitions, images, bare URLs, containers, and link
// texts GL0013 does not read (with markup, or an address). Returns the reason, or null for prose.

const BLOCK_TAGS = new Set(('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
  'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem ' +
  'nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '));

const keyOf = new Map();

/** Non-prose ranges [start, end, reason] of a text, sorted by start. */
function ranges(text) {
  if (keyOf.has(text)) return keyOf.get(text);
  const out = [];
  const add = (start, end, reason) => { if (end > start) out.push([start, end, reason]); };
  // Lines with their offsets.
  const lines = [];
  for (let i = 0; i <= text.length;) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    lines.push([i, j]);
    i = j + 1;
    if (j === text.length) break;
  }
  const lineText = ([s, e]) => text.slice(s, e).replace(/\r$/, '');
  let li = 0;
  // Front matter.
  if (/^---\r?$/.test(lineText(lines[0] ?? [0, 0]))) {
    for (let k = 1; k < lines.length; k++) {
      if (/^(---|\.\.\.)\r?$/.test(lineText(lines[k]))) { add(0, lines[k][1], 'front-matter'); li = k + 1; break; }
    }
  }
  let fence = null, htmlBlock = null;
  for (let k = li; k < lines.length; k++) {
    const [s, e] = lines[k];
    const t = lineText(lines[k]);
    if (fence) {
      add(s, e, 'code');
      if (new RegExp(`^\\s*${fence}{3,}\\s*$`).test(t) && t.trim().length >= fence.length) fence = null;
      continue;
    }
    if (htmlBlock) {
      if (t.trim() === '' && htmlBlock === 'blank') { htmlBlock = null; continue; }
      add(s, e, 'html');
      if (htmlBlock !== 'blank' && t.includes(htmlBlock)) htmlBlock = null;
      continue;
    }
    const f = /^\s*(`{3,}|~{3,})/.exec(t);
    if (f) { fence = f[1][0] === '`' ? '`' : '~'; add(s, e, 'code'); continue; }
    if (/^ {0,3}#{1,6}(\s|$)/.test(t)) { add(s, e, 'heading'); continue; }
    if (/^ {0,3}:::/.test(t)) { add(s, e, 'container'); continue; }
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(t)) { add(s, e, 'link-target'); continue; }
    const h = /^ {0,3}<(\/?)([A-Za-z][A-Za-z0-9-]*)?/.exec(t);
    if (/^ {0,3}<!--/.test(t)) { add(s, e, 'html'); if (!t.includes('-->')) htmlBlock = '-->'; continue; }
    if (h && h[2] && /^(script|pre|style|textarea)$/i.test(h[2])) { add(s, e, 'html'); if (!new RegExp(`</${h[2]}>`, 'i').test(t)) htmlBlock = `</${h[2].toLowerCase()}>`; continue; }
    if (h && h[2] && BLOCK_TAGS.has(h[2].toLowerCase())) { add(s, e, 'html'); htmlBlock = 'blank'; continue; }
    if (h && h[2] && /^ {0,3}<\/?[A-Za-z][^<>]*>\s*$/.test(t) && (k === 0 || lineText(lines[k - 1]).trim() === '')) { add(s, e, 'html'); htmlBlock = 'blank'; continue; }
  }
  // Inline: comments, links (targets; texts GL0013 skips), images, tags, code spans, bare URLs.
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) add(m.index, m.index + m[0].length, 'html');
  for (const m of text.matchAll(/<a\s[^>]*>([\s\S]*?)<\/a>/gi)) {
    const inner = m[1];
    const start = m.index + m[0].indexOf('>') + 1;
    if (/[<`&[\]!\\]|:\/\/|^\s*www\./.test(inner)) add(start, start + inner.length, 'link-text-not-plain');
  }
  for (const m of text.matchAll(/(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^()\s]*(?:\([^()]*\))?[^()\s]*(?:\s+"[^"]*")?)\)/g)) {
    const textStart = m.index + m[1].length + 1;
    if (m[1]) add(m.index, m.index + m[0].length, 'image');
    else if (/[<`&[\]!\\]|:\/\/|^\s*www\./.test(m[2])) add(textStart, textStart + m[2].length, 'link-text-not-plain');
    add(textStart + m[2].length, m.index + m[0].length, 'link-target');
  }
  for (const m of text.matchAll(/<\/?[A-Za-z][^<>]*>|<https?:[^<>\s]*>/g)) add(m.index, m.index + m[0].length, 'html');
  for (const m of text.matchAll(/(`+)[\s\S]*?[^`]\1(?!`)|(`+)[^`]\2(?!`)/g)) add(m.index, m.index + m[0].length, 'code');
  for (const m of text.matchAll(/https?:\/\/[^\s<>()[\]"'`]+/g)) add(m.index, m.index + m[0].length, 'url');
  out.sort((a, b) => a[0] - b[0]);
  keyOf.set(text, out);
  return out;
}

/** The reason GL0013 leaves a finding at [index, index + length) out, or null when it lies in prose. */
export function whyNotProse(text, index, length) {
  const end = index + length;
  for (const [s, e, reason] of ranges(text)) {
    if (s >= end) break;
    if (e > index) return `not-prose:${reason}`;
  }
  return null;
}

