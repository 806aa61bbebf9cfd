import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { stripJsonComments } from "./project.js";

// Whether the project makes `process` / `node:process` load a module of its
// own. Node always resolves those to its built-in, but the tools that run or
// bundle the code may not: a tsconfig `paths` entry is honoured by tsx,
// ts-node with tsconfig-paths, Vite and webpack's tsconfig-paths plugin
// (https://www.typescriptlang.org/tsconfig#paths); `resolve.alias` in webpack
// and Vite, esbuild's `alias`, Babel's module-resolver `alias` replace a
// specifier before it is resolved. An import of a mapped `process` is then
// not taken for the process object (code-rewriter-ast.ts `processNames`).

const SPECIFIERS = ["process", "node:process"];
/** Configuration files of the tools above (bundlers, Babel); a `.babelrc` has no extension. */
const TOOL_CONFIG = /(?:^|\/)(?:(?:vite|vitest|webpack|rspack|rollup|esbuild|tsup|babel|next|nuxt|astro|svelte|craco|metro)\.config\.[cm]?[jt]s|\.babelrc(?:\.json)?|babel\.config\.json)$/;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.js"];

/** `process` / `node:process` → what maps it to another module (for messages), for this project. */
export function processModuleAliases(root: string, sourceFiles: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const config of ["tsconfig.json", "jsconfig.json"]) {
    const paths = tsconfigPaths(root, config);
    if (!paths) continue;
    for (const spec of SPECIFIERS) {
      if (out[spec] !== undefined) continue;
      if (paths.entries[spec] !== undefined) out[spec] = `${config} compilerOptions.paths`;
      // `"*": ["src/*"]` maps every bare specifier, but the resolvers fall back to the
      // next candidate (and finally Node's own) when no file matches.
      else if ((paths.entries["*"] ?? []).some((t) => EXTENSIONS.some((e) => existsSync(join(root, paths.baseUrl, t.replace("*", spec) + e))))) {
        out[spec] = `${config} compilerOptions.paths "*"`;
      }
    }
  }
  const configs = [...sourceFiles.filter((f) => TOOL_CONFIG.test(f)), ...[".babelrc", ".babelrc.json", "babel.config.json"].filter((f) => existsSync(join(root, f)))];
  for (const file of configs) {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    for (const spec of aliasedIn(text)) out[spec] ??= `${file} (alias)`;
  }
  return out;
}

export function tsconfigPaths(root: string, file: string): { baseUrl: string; entries: Record<string, string[]> } | undefined {
  try {
    const options = (JSON.parse(stripJsonComments(readFileSync(join(root, file), "utf8"))) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } }).compilerOptions;
    const paths = options?.paths;
    if (typeof paths !== "object" || paths === null) return undefined;
    const entries: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(paths)) if (Array.isArray(v)) entries[k] = v.filter((t): t is string => typeof t === "string");
    return { baseUrl: posix.normalize(typeof options?.baseUrl === "string" ? options.baseUrl : "."), entries };
  } catch {
    return undefined; // no such file, or not JSON once comments are gone
  }
}

/**
 * The specifiers an `alias` object of a configuration text maps: a key `process` / `"node:process"`
 * inside the braces that follow `alias:` / `alias =` (webpack, Vite, esbuild, Babel's module-resolver).
 * Vite's array form `alias: [{ find: "process", … }]` too.
 */
export function aliasedIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\balias["']?\s*[:=]\s*([[{])/g)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = open;
    for (; close < text.length && close - open < 20_000; close++) {
      const c = text[close];
      if (c === "{" || c === "[") depth++;
      else if ((c === "}" || c === "]") && --depth === 0) break;
    }
    const body = text.slice(open, close + 1);
    for (const spec of SPECIFIERS) {
      const quoted = spec.replace(/[.:]/g, (x) => `\\${x}`);
      const key = new RegExp(`(?:^|[\\s{,])(?:(["'\`])${quoted}\\1|${spec === "process" ? "process" : "(?!)"})\\s*:|\\bfind\\s*:\\s*(["'\`])${quoted}\\2`);
      if (key.test(body)) found.add(spec);
    }
  }
  return [...found];
}
