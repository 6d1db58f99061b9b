// Rewrites (?i) and (?i:...) into explicit [xX] classes: Oniguruma's case folding is slow to search.
const other = (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
const isLetter = (c) => /[A-Za-z]/.test(c);
function foldClass(content) {
  let additions = '';
  const items = [];
  for (let i = 0; i < content.length; i++) {
    if (content[i] === '\\') { i++; continue; }
    if (content[i + 1] === '-' && i + 2 < content.length && isLetter(content[i]) && isLetter(content[i + 2])) {
      items.push(other(content[i]) + '-' + other(content[i + 2])); i += 2; continue;
    }
    if (isLetter(content[i])) items.push(other(content[i]));
  }
  for (const item of items) if (!content.includes(item) && !additions.includes(item)) additions += item;
  return additions + content;
}
export function fold(regex) {
  let ci = false;
  let i = 0;
  if (regex.startsWith('(?i)')) { ci = true; i = 4; }
  const stack = [];
  let out = '';
  while (i < regex.length) {
    const c = regex[i];
    if (c === '\\') { out += regex.slice(i, i + 2); i += 2; continue; }
    if (c === '[') {
      let j = i + 1;
      if (regex[j] === '^') j++;
      if (regex[j] === ']') j++;
      while (regex[j] !== ']') { if (regex[j] === '\\') j++; j++; }
      const negated = regex[i + 1] === '^';
      const content = regex.slice(i + 1 + (negated ? 1 : 0), j);
      out += '[' + (negated ? '^' : '') + (ci ? foldClass(content) : content) + ']';
      i = j + 1; continue;
    }
    if (regex.startsWith('(?i:', i)) { stack.push(ci); ci = true; out += '(?:'; i += 4; continue; }
    if (c === '(') {
      stack.push(ci);
      const prefix = /^\((\?(?:<=|<!|[:=!]))?/.exec(regex.slice(i))[0];
      out += prefix; i += prefix.length; continue;
    }
    if (c === ')') { ci = stack.pop(); out += c; i++; continue; }
    if (c === '{') { const j = regex.indexOf('}', i); out += regex.slice(i, j + 1); i = j + 1; continue; }
    out += ci && isLetter(c) ? `[${c}${other(c)}]` : c;
    i++;
  }
  if (regex.includes('(?i') && out.includes('(?i')) throw new Error('unfolded ' + regex);
  return out;
}
export function foldGrammar(node) {
  if (Array.isArray(node)) return node.forEach(foldGrammar);
  if (node && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      if ((key === 'match' || key === 'begin' || key === 'end') && typeof node[key] === 'string') node[key] = fold(node[key]);
      else foldGrammar(node[key]);
    }
  }
}
