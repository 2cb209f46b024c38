/*
 * Webpack loader: regular-expression literals that an ES2017 parser refuses (Unicode property
 * escapes \p{…}, lookbehind (?<=…), named groups, the s flag) become `new RegExp(source, flags)`,
 * so that the bundle parses in an ES2017 webview instead of leaving the pane blank. The engine's
 * rules keep their regular expressions; a webview that cannot build them at run time gets the
 * notice of src/taskpane/unsupported.js (it tests the same features before any bundle runs).
 */
const acorn = require("acorn");

function es2017(pattern, flags) {
  try {
    acorn.parse(`/${pattern}/${flags}`, { ecmaVersion: 2017 });
    return true;
  } catch {
    return false;
  }
}

function walk(node, out) {
  if (!node || typeof node.type !== "string") return;
  if (node.type === "Literal" && node.regex && !es2017(node.regex.pattern, node.regex.flags)) out.push(node);
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (Array.isArray(v)) v.forEach((x) => walk(x, out));
    else if (v && typeof v.type === "string") walk(v, out);
  }
}

module.exports = function es2017RegexLoader(source) {
  if (!/\/[^\n]*\\p\{|\(\?<[=!a-zA-Z]|\/[gimuy]*s[gimuy]*\b/.test(source)) return source;
  const ast = acorn.parse(source, { ecmaVersion: "latest", sourceType: "module" });
  const found = [];
  walk(ast, found);
  if (!found.length) return source;
  let out = "";
  let at = 0;
  for (const n of found.sort((a, b) => a.start - b.start)) {
    out += source.slice(at, n.start) + `new RegExp(${JSON.stringify(n.regex.pattern)}, ${JSON.stringify(n.regex.flags)})`;
    at = n.end;
  }
  return out + source.slice(at);
};
