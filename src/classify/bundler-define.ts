// Bundlers replace `process.env.X` in the code they bundle with a literal
// given in their configuration: webpack's DefinePlugin
// (https://webpack.js.org/plugins/define-plugin/), esbuild's `define`
// (https://esbuild.github.io/api/#define), Vite's `define`, Rollup's
// replace plugin. `"process.env.API_KEY": JSON.stringify(process.env.API_KEY)`
// puts the value into the bundle, which browsers download: like a
// `NEXT_PUBLIC_` name, such a secret is already public. Moving it would not
// take it out of the bundle, and rewriting the bundled code would make it
// `require()` a Node module in the browser. A server bundle (esbuild's
// `platform: "node"`, webpack's `target: "node"`) is not downloaded: there the
// secret moves, and the plan says what changes (the bundle no longer holds it).

/** A configuration that defines replacements (the word is required to be in the file). A call of `replace(` (the plugin), not a string's `.replace(`. */
const DEFINES = /\bDefinePlugin\b|\bdefine\s*:|@rollup\/plugin-replace|(?<![.\w$])replace\s*\(/;
/** `"process.env.X":` as an object key: the expression the bundler replaces. */
const DEFINED_KEY = /(["'`])process\.env\.([A-Za-z_$][\w$]*)\1\s*:/g;
/** `JSON.stringify(process.env.X)` as the replacement of another name (`__API_KEY__: …`). */
const STRINGIFIED = /JSON\.stringify\(\s*process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"']+)\2\s*\])\s*\)/g;

/** Keys built at run time: `` `process.env.${name}` `` (the names then come from a list in the same file). */
const COMPUTED_KEY = /`process\.env\.\$\{/;
/** A string in a list (`["STRIPE_KEY", "LEDGER_URL"]`) that could be a variable's name. */
const LISTED_NAME = /(?<=[[,]\s*)(["'])([A-Z][A-Z0-9_]{2,})\1(?=\s*[,\]])/g;
/** A server bundle: esbuild's `platform: "node"`, webpack's `target: "node…"` (the code runs in Node, not in browsers). */
const SERVER_TARGET = /\bplatform\s*:\s*["'`]node["'`]|\btarget\s*:\s*["'`](?:async-)?node[\w.-]*["'`]/;

export interface InlinedName {
  name: string;
  file: string;
  line: number;
  /** The configuration builds a bundle that runs in Node (a server, a Lambda), not in browsers. */
  server?: true;
}

/**
 * Adds to `out` the variables the bundler configuration in `text` (if it is one) inlines into the code
 * it bundles, first place of each. Called on each source text in the candidates' one read pass.
 */
export function addInlinedNames(out: Map<string, InlinedName>, file: string, text: string): void {
  if (!text.includes("process.env") || !DEFINES.test(text)) return;
  const lineAt = (i: number) => text.slice(0, i).split("\n").length;
  const server = SERVER_TARGET.test(text) ? { server: true as const } : {};
  for (const m of text.matchAll(DEFINED_KEY)) if (!out.has(m[2]!)) out.set(m[2]!, { name: m[2]!, file, line: lineAt(m.index), ...server });
  for (const m of text.matchAll(STRINGIFIED)) {
    const name = m[1] ?? m[3]!;
    if (!out.has(name)) out.set(name, { name, file, line: lineAt(m.index), ...server });
  }
  // `Object.fromEntries(NAMES.map((n) => [`process.env.${n}`, JSON.stringify(process.env[n])]))`:
  // the names listed in the file, placed at the computed key.
  const computed = COMPUTED_KEY.exec(text);
  if (computed) for (const m of text.matchAll(LISTED_NAME)) if (!out.has(m[2]!)) out.set(m[2]!, { name: m[2]!, file, line: lineAt(computed.index), ...server });
}
