// Generated sentences for the differential test: for every rule of a prh dictionary, its specs' "from"
// texts, its expected form, and examples built from each of its patterns (every top-level alternative,
// with and without the optional parts), each in a sentence of its own paragraph.

/** Examples a JavaScript regex source may match: one per top-level alternative and choice of optional parts. */
export function examples(source) {
  const out = new Set();
  for (const alt of split(source)) {
    for (const optional of [true, false]) {
      try { out.add(expand(alt, optional)); } catch { /* a construct the generator does not read: no example */ }
    }
  }
  return [...out].filter((x) => x.length > 0);
}

/** Top-level alternatives of a source (outside groups and classes). */
function split(s) {
  const parts = [];
  let depth = 0, inClass = false, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { parts.push(s.slice(start, i)); start = i + 1; }
  }
  parts.push(s.slice(start));
  return parts;
}

/** One string for a sequence: first choices, optional parts in or out, lookarounds and anchors left out. */
function expand(s, optional) {
  let out = '';
  let i = 0;
  const atom = () => {
    const c = s[i];
    if (c === '\\') {
      const e = s[i + 1];
      i += 2;
      if (e === 'd') return '1';
      if (e === 'w') return 'a';
      if (e === 's') return ' ';
      if (e === 'b' || e === 'B') return '';
      if (e === 'x') { const h = s.slice(i, i + 2); i += 2; return String.fromCharCode(parseInt(h, 16)); }
      if (e === 'u') { const h = s.slice(i, i + 4); i += 4; return String.fromCharCode(parseInt(h, 16)); }
      if (e === 'n') return '\n';
      return e;
    }
    if (c === '[') {
      let j = i + 1;
      const negated = s[j] === '^';
      if (negated) j++;
      let first = null;
      while (j < s.length && s[j] !== ']') {
        if (first === null) first = s[j] === '\\' ? s[j + 1] : s[j];
        j += s[j] === '\\' ? 2 : 1;
      }
      i = j + 1;
      return negated ? '〇' : (first ?? '');
    }
    if (c === '(') {
      let depth = 0, j = i;
      for (; j < s.length; j++) {
        if (s[j] === '\\') { j++; continue; }
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      let body = s.slice(i + 1, j);
      i = j + 1;
      if (/^\?(=|!|<=|<!)/.test(body)) return '';
      body = body.replace(/^\?:|^\?<[^>]+>/, '');
      return expand(split(body)[0], optional);
    }
    if (c === '^' || c === '$') { i++; return ''; }
    if (c === '.') { i++; return 'x'; }
    i++;
    return c;
  };
  while (i < s.length) {
    const a = atom();
    const q = /^(\?|\*|\+|\{(\d+)(,\d*)?\})\??/.exec(s.slice(i));
    if (q) {
      i += q[0].length;
      if (q[1] === '?' || q[1] === '*') out += optional ? a : '';
      else if (q[1] === '+') out += a;
      else out += a.repeat(Math.max(1, Number(q[2])));
    } else out += a;
  }
  return out;
}

/**
 * The generated Markdown files for the rules of a prh engine, as [path, text]: a file holds the sentences of
 * at most 100 rules, so that no file reaches the 1,000 diagnostics a document reports (SPEC §7).
 */
export function sentences(rules) {
  const files = [];
  for (let first = 0; first < rules.length; first += 100) {
    const lines = ['# 生成した文', ''];
    for (const rule of rules.slice(first, first + 100)) {
      const texts = new Set([rule.expected, ...rule.specs.map((s) => s.from), ...examples(rule.pattern.source)]);
      for (const t of texts) {
        if (!t || /[\r\n]/.test(t)) continue;
        lines.push(`文中に${t}を含む例。`, '', `- ${t}`, '');
      }
    }
    files.push([`sentences-${String(files.length + 1).padStart(2, '0')}.md`, lines.join('\n')]);
  }
  return files;
}
