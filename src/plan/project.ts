import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { basename, join } from "node:path";

// Facts about the project being migrated: its name (the `<app>` of Vault
// paths), a stable identity for the state directory, and how its code is
// written (TypeScript or JavaScript, ES modules or CommonJS), which decides
// the generated secrets module's file name and syntax.

export function readPackageJson(root: string): Record<string, unknown> | null {
  try {
    const data = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as unknown;
    return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A Vault-path-safe app name: package.json `name` without its npm scope, else the directory name. */
export function appName(root: string, explicit?: string): string {
  const raw = explicit ?? (readPackageJson(root)?.name as string | undefined) ?? basename(realpathSafe(root));
  const name = String(raw)
    .replace(/^@[^/]+\//, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return name || "app";
}

function realpathSafe(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Identity of a project on this machine for the state directory: the
 * directory name plus a hash of its real path, so two checkouts of one
 * repository keep separate journals and backups, and every command finds the
 * same state whatever --app it is given.
 */
export function projectId(root: string): string {
  const real = realpathSafe(root);
  const name = basename(real).toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "project";
  return `${name}-${createHash("sha256").update(real).digest("hex").slice(0, 12)}`;
}

export interface SecretsModuleLayout {
  file: string;
  language: "ts" | "js";
  moduleKind: "esm" | "cjs";
  /**
   * The CommonJS flavour beside an ES module one (JavaScript only): what
   * CommonJS files `require()` and ES module .env loaders reach through
   * `createRequire`, while the ES modules import `file`. Both flavours share
   * one load per process (the first one to load leaves its values for the other).
   */
  companion?: { file: string };
}

/**
 * Where the generated module goes: beside the sources (`src/` when it exists)
 * as `vaultshift-secrets.ts` for TypeScript projects, and for JavaScript in
 * the flavour every file that will import it can load:
 *
 * - the ESM flavour awaits at the top level, and Node's `require()` of such a
 *   module fails (ERR_REQUIRE_ASYNC_MODULE), so as soon as one CommonJS file
 *   reads a secret the CommonJS flavour is generated (ES modules import it
 *   too: Node exposes its `exports.secrets` as a named export);
 * - a file is CommonJS by Node's rule: `.cjs`, or `.js` in a package whose
 *   package.json has no `"type": "module"`; `.mjs` and `.js` in a module
 *   package are ESM;
 * - the extension follows the package type, as Node reads it: `.js` when the
 *   flavour matches the package's type, else `.cjs` (CommonJS in a module
 *   package) or `.mjs` (ESM in a CommonJS package).
 *
 * When every file that imports it belongs to one package below the root (a
 * monorepo's workspace, Firebase's `functions/`, each with its own
 * package.json), the module goes into that package: it is built and deployed
 * on its own, and a module outside it would not be there.
 *
 * `rewritten`: the files whose env reads or literals will be rewritten (they
 * import the module); default every source file.
 */
export function secretsModuleLayout(root: string, sourceFiles: string[], rewritten: string[] = sourceFiles, esmLoaders: string[] = []): SecretsModuleLayout {
  // The layout of the package at `dir`, its paths made relative to the root again.
  const inPackage = (dir: string): SecretsModuleLayout => {
    const inside = (f: string) => f.startsWith(`${dir}/`);
    const within = (f: string) => f.slice(dir.length + 1);
    const layout = secretsModuleLayout(join(root, dir), sourceFiles.filter(inside).map(within), rewritten.filter(inside).map(within), esmLoaders.filter(inside).map(within));
    return { ...layout, file: `${dir}/${layout.file}`, ...(layout.companion ? { companion: { file: `${dir}/${layout.companion.file}` } } : {}) };
  };
  // A module an earlier migration generated stays where it is: the app's files import it there.
  const existing = sourceFiles.filter(isSecretsModuleFile).sort()[0];
  if (existing !== undefined) {
    const owner = packageDirOf(root, existing);
    return owner !== "" ? inPackage(owner) : secretsModuleIn(root, existing.slice(0, existing.lastIndexOf("/") + 1), sourceFiles, rewritten, esmLoaders);
  }
  const owners = new Set(rewritten.map((f) => packageDirOf(root, f)));
  const only = owners.size === 1 ? [...owners][0]! : "";
  // TypeScript compiled by the root's tsconfig.json alone (the package has none): the root's settings decide, so the root's layout.
  if (only !== "" && (existsSync(join(root, only, "tsconfig.json")) || !rewritten.some((f) => /\.[cm]?tsx?$/i.test(f)))) return inPackage(only);
  return secretsModuleIn(root, existsSync(join(root, "src")) && sourceFiles.some((f) => f.startsWith("src/")) ? "src/" : "", sourceFiles, rewritten, esmLoaders);
}

/** The module's file name and flavour in the directory `dir` ("" or ending in "/"), relative to `root`. */
function secretsModuleIn(root: string, dir: string, sourceFiles: string[], rewritten: string[], esmLoaders: string[]): SecretsModuleLayout {
  const pkg = readPackageJson(root);
  const hasTsconfig = existsSync(join(root, "tsconfig.json"));
  // Without a tsconfig.json, a tool's own TypeScript config (drizzle.config.ts, vite.config.ts,
  // knexfile.ts) or a declaration file does not make the project TypeScript: nothing compiles
  // a .ts secrets module for the JavaScript files that import it.
  // Nor does TypeScript that imports no secret: Uptime Kuma's Vue front end has .ts files, its
  // server is plain JavaScript run by `node server/server.js`, and a .ts module there is a
  // require() of a file that does not exist. Without a tsconfig.json, the files that will import
  // the module decide.
  // With a tsconfig.json too: when only JavaScript imports it (T3's src/env.js, which next.config.js
  // has Node import uncompiled), a .ts module is a file Node cannot load; TypeScript files can import a
  // JavaScript module, not the reverse. A tsconfig with no importer at all keeps the TypeScript module.
  const importsTs = rewritten.some((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !isToolTypeScript(f));
  const importsJs = rewritten.some((f) => /\.[cm]?jsx?$/i.test(f));
  const ts = importsTs || (hasTsconfig && !importsJs);
  const packageIsModule = pkg?.type === "module";
  // Each file is ESM or CommonJS by its own nearest package.json (npm
  // workspaces mix both), as Node decides.
  const types = packageTypes(root);
  // Node reads the module itself by the package.json nearest to where it goes.
  const moduleInModulePackage = types(`${dir}vaultshift-secrets.js`) === "module";
  if (ts) {
    // A CommonJS importer needs the CommonJS flavour: `require()` of a
    // module with top-level await fails (ERR_REQUIRE_ASYNC_MODULE).
    const { tsModule, commonJs: tsCommonJs } = typescriptOutput(root);
    const moduleKind = (/commonjs/i.test(tsModule) && !packageIsModule) || rewritten.some(tsCommonJs) || esmLoaders.length > 0 ? "cjs" : "esm";
    // A CommonJS module in a `"type": "module"` package must be a .cts file (compiled to .cjs).
    const ext = moduleKind === "cjs" && moduleInModulePackage ? "cts" : "ts";
    return { file: `${dir}vaultshift-secrets.${ext}`, language: "ts", moduleKind };
  }
  // A tool's TypeScript config is loaded by the tool: drizzle-kit (esbuild-register), knex
  // (rechoir), Jest and Playwright compile it to CommonJS and require() it, which an ES module
  // awaiting at the top level cannot be. It imports the CommonJS flavour, which ES module
  // loaders (Vite's bundled config) import as well; only a .mts config is an ES module.
  const toolConfigs = rewritten.filter((f) => /\.[cm]?ts$/i.test(f) && isToolTypeScript(f) && !/\.d\.[cm]?ts$/i.test(f));
  const js = [...rewritten.filter((f) => /\.[cm]?jsx?$/i.test(f)), ...toolConfigs];
  const isCommonJs = (f: string) => /\.c[jt]s$/i.test(f) || (/\.jsx?$/i.test(f) && types(f) === "commonjs") || (/\.ts$/i.test(f) && toolConfigs.includes(f));
  // No JavaScript file to go by: the package's own type.
  // An ES module .env loader reads the secrets through a deferred require (createRequire), which needs the CommonJS flavour too.
  const moduleKind: "esm" | "cjs" = js.length === 0 ? (packageIsModule ? "esm" : "cjs") : js.some(isCommonJs) || esmLoaders.length > 0 ? "cjs" : "esm";
  const extOf = (kind: "esm" | "cjs") => (kind === "cjs" ? (moduleInModulePackage ? "cjs" : "js") : moduleInModulePackage ? "js" : "mjs");
  // ES modules besides those CommonJS readers or loaders: they import the ES module flavour
  // (loaded in-process, at the top level), the others the CommonJS one beside it, rather than
  // the whole app paying the CommonJS flavour's extra `node` start-up for one legacy file.
  const esmImporters = js.filter((f) => !isCommonJs(f) && !esmLoaders.includes(f));
  if (moduleKind === "cjs" && esmImporters.length > 0) {
    return { file: `${dir}vaultshift-secrets.${extOf("esm")}`, language: "js", moduleKind: "esm", companion: { file: `${dir}vaultshift-secrets.${extOf("cjs")}` } };
  }
  return { file: `${dir}vaultshift-secrets.${extOf(moduleKind)}`, language: "js", moduleKind };
}

// Manifests of projects in other languages: a directory with one of these and no
// package.json of its own is that language's project (a Python worker in a monorepo).
const FOREIGN_MANIFESTS = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "Gemfile", "go.mod", "composer.json", "Cargo.toml", "pom.xml", "build.gradle", "build.gradle.kts", "mix.exs"];

/**
 * Whether a file belongs to a project in another language: the nearest directory
 * at or above it (up to the root) that holds a project manifest holds no
 * package.json but a Python, Ruby, Go, PHP, Rust, Java or Elixir one.
 */
export function inForeignProject(root: string, file: string): boolean {
  const parts = file.split("/").slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const dir = join(root, ...parts.slice(0, n));
    if (existsSync(join(dir, "package.json"))) return false;
    if (FOREIGN_MANIFESTS.some((m) => existsSync(join(dir, m)))) return true;
  }
  return false;
}

/** The directory of the package a file belongs to: the nearest one at or above it with a package.json ("" for the root or none). */
export function packageDirOf(root: string, file: string): string {
  const parts = file.split("/").slice(0, -1);
  for (let n = parts.length; n > 0; n--) if (existsSync(join(root, ...parts.slice(0, n), "package.json"))) return parts.slice(0, n).join("/");
  return "";
}

/** A secrets module vaultshift generated (either flavour): regenerated by a plan, never rewritten or counted as an importer. */
export function isSecretsModuleFile(file: string): boolean {
  return /(^|\/)vaultshift-secrets\.[cm]?[jt]s$/.test(file);
}

/** A TypeScript file a tool loads itself (`*.config.ts`, `knexfile.ts`) or a declaration file (`.d.ts`). */
export function isToolTypeScript(file: string): boolean {
  return /\.d\.[cm]?ts$/i.test(file) || /(?:^|\/)(?:[\w.-]+\.config|knexfile)\.[cm]?ts$/i.test(file);
}

/**
 * What `tsc` turns a TypeScript file into. It compiles `import` either way; its
 * output is CommonJS for `.cts` files, and for `.ts` files in a CommonJS
 * package when tsconfig asks for `commonjs`, or for `node16`/`nodenext` (which
 * follow package.json `type`).
 */
export function typescriptOutput(root: string): { tsModule: string; commonJs: (file: string) => boolean } {
  const packageIsModule = readPackageJson(root)?.type === "module";
  const types = packageTypes(root);
  let tsModule = "";
  try {
    tsModule = String((JSON.parse(stripJsonComments(readFileSync(join(root, "tsconfig.json"), "utf8"))) as { compilerOptions?: { module?: string } }).compilerOptions?.module ?? "");
  } catch {
    /* no tsconfig, or syntax JSON.parse rejects: keep the package's kind */
  }
  const followsPackage = /^node(16|18|next)$/i.test(tsModule);
  const commonJs = (f: string) =>
    /\.c[tj]s$/i.test(f) || (/\.[tj]sx?$/i.test(f) && ((/commonjs/i.test(tsModule) && !packageIsModule) || (followsPackage && types(f) === "commonjs")));
  return { tsModule, commonJs };
}

/**
 * The package.json `type` that governs each file (relative to the root): that
 * of the nearest package.json between the file and the root, as Node reads it
 * (a package.json without `type` is CommonJS). Memoised per directory.
 */
export function packageTypes(root: string): (file: string) => "module" | "commonjs" {
  const byDir = new Map<string, "module" | "commonjs">();
  const typeOf = (dir: string): "module" | "commonjs" => {
    const known = byDir.get(dir);
    if (known) return known;
    let type: "module" | "commonjs";
    const pkg = existsSync(join(root, dir, "package.json")) ? readPackageJson(join(root, dir)) : null;
    if (pkg !== null || dir === "") type = pkg?.type === "module" ? "module" : "commonjs";
    else type = typeOf(dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "");
    byDir.set(dir, type);
    return type;
  };
  return (file) => typeOf(file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");
}

/**
 * Whether source text may use `process.env` as a whole or with a computed key
 * (`fn(process.env)`, `{ ...process.env }`, `process.env[name]`, an alias):
 * a pre-filter for the files the rewriter has to look at even when they name no
 * migrated variable, since such a use can still read a migrated secret.
 */
export function mayUseWholeEnv(text: string): boolean {
  // `require("process").env[k]` as well; a file that imports the process module
  // (`import { env } from "node:process"`) may use it under any name.
  return /process["')]*\??\.env\b(?!\s*\??\.\s*[A-Za-z_$])/.test(text) || /(?:\bfrom\s*|\brequire\s*\(\s*)["'](?:node:)?process["']/.test(text);
}

/** tsconfig.json allows comments and trailing commas. Good enough for reading one option. */
export function stripJsonComments(text: string): string {
  return text
    .replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str: string | undefined) => str ?? "")
    .replace(/,(\s*[}\]])/g, "$1");
}

/** sha256 hex of a file's bytes (what plans and journals compare). */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Module specifier of `target` as imported from `from` (both relative to the root, `/` separators). */
export function relativeSpecifier(from: string, target: string, keepExtension: boolean): string {
  const fromParts = from.split("/").slice(0, -1);
  const toParts = target.split("/");
  let i = 0;
  while (i < fromParts.length && i < toParts.length - 1 && fromParts[i] === toParts[i]) i++;
  const up = fromParts.length - i;
  let spec = [...Array(up).fill(".."), ...toParts.slice(i)].join("/");
  if (!spec.startsWith(".")) spec = `./${spec}`;
  // TypeScript resolves `./x.js` to `./x.ts`, `./x.cjs` to `./x.cts` and
  // `./x.mjs` to `./x.mts` (NodeNext and bundler resolution alike).
  spec = spec.replace(/\.([cm]?)ts$/, ".$1js");
  // Only a plain `.js` may be left out (by require() and extension-less
  // resolution); `.cjs`/`.mjs` are always needed.
  return keepExtension ? spec : spec.replace(/\.js$/, "");
}
