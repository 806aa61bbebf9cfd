// Bundlers replace `process.env.X` in the code they bundle with a literal
// given in their configuration: webpack's DefinePlugin
// (https://webpack.js.org/plugins/define-plugin/), esbuild's `define`
// (https://esbuild.github.io/api/#define), Vite's `define`, Rollup's
// replace plugin. `"process.env.API_KEY": JSON.stringify(process.env.API_KEY)`
// puts the value into the bundle, which browsers download: like a
// `NEXT_PUBLIC_` name, such a secret is already public. Moving it would not
// take it out of the bundle, and rewriting the bundled code would make it
// `require()` a Node module in the browser.

/** A configuration that defines replacements (the word is required to be in the file). A call of `replace(` (the plugin), not a string's `.replace(`. */
const DEFINES = /\bDefinePlugin\b|\bdefine\s*:|@rollup\/plugin-replace|(?<![.\w$])replace\s*\(/;
/** `"process.env.X":` as an object key: the expression the bundler replaces. */
const DEFINED_KEY = /(["'`])process\.env\.([A-Za-z_$][\w$]*)\1\s*:/g;
/** `JSON.stringify(process.env.X)` as the replacement of another name (`__API_KEY__: …`). */
const STRINGIFIED = /JSON\.stringify\(\s*process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"']+)\2\s*\])\s*\)/g;

export interface InlinedName {
  name: string;
  file: string;
  line: number;
}

/**
 * Adds to `out` the variables the bundler configuration in `text` (if it is one) inlines into the code
 * it bundles, first place of each. Called on each source text in the candidates' one read pass.
 */
export function addInlinedNames(out: Map<string, InlinedName>, file: string, text: string): void {
  if (!text.includes("process.env") || !DEFINES.test(text)) return;
  const lineAt = (i: number) => text.slice(0, i).split("\n").length;
  for (const m of text.matchAll(DEFINED_KEY)) if (!out.has(m[2]!)) out.set(m[2]!, { name: m[2]!, file, line: lineAt(m.index) });
  for (const m of text.matchAll(STRINGIFIED)) {
    const name = m[1] ?? m[3]!;
    if (!out.has(name)) out.set(name, { name, file, line: lineAt(m.index) });
  }
}
