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
 * `rewritten`: the files whose env reads or literals will be rewritten (they
 * import the module); default every source file.
 */
export function secretsModuleLayout(root: string, sourceFiles: string[], rewritten: string[] = sourceFiles): SecretsModuleLayout {
  const pkg = readPackageJson(root);
  const ts = existsSync(join(root, "tsconfig.json")) || sourceFiles.some((f) => /\.(ts|tsx|mts|cts)$/.test(f));
  const packageIsModule = pkg?.type === "module";
  const dir = existsSync(join(root, "src")) && sourceFiles.some((f) => f.startsWith("src/")) ? "src/" : "";
  if (ts) {
    // TypeScript compiles `import` either way; emit ESM unless tsconfig asks for CommonJS output in a CommonJS package.
    let tsModule = "";
    try {
      tsModule = String((JSON.parse(stripJsonComments(readFileSync(join(root, "tsconfig.json"), "utf8"))) as { compilerOptions?: { module?: string } }).compilerOptions?.module ?? "");
    } catch {
      /* tsconfig with syntax JSON.parse rejects: keep the package's kind */
    }
    const moduleKind = /commonjs/i.test(tsModule) && !packageIsModule ? "cjs" : "esm";
    return { file: `${dir}vaultshift-secrets.ts`, language: "ts", moduleKind };
  }
  const js = rewritten.filter((f) => /\.[cm]?jsx?$/i.test(f));
  const isCommonJs = (f: string) => /\.cjs$/i.test(f) || (!packageIsModule && /\.jsx?$/i.test(f));
  // No JavaScript file to go by: the package's own type.
  const moduleKind: "esm" | "cjs" = js.length === 0 ? (packageIsModule ? "esm" : "cjs") : js.some(isCommonJs) ? "cjs" : "esm";
  const ext = moduleKind === "cjs" ? (packageIsModule ? "cjs" : "js") : packageIsModule ? "js" : "mjs";
  return { file: `${dir}vaultshift-secrets.${ext}`, language: "js", moduleKind };
}

/** tsconfig.json allows comments and trailing commas. Good enough for reading one option. */
function stripJsonComments(text: string): string {
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
  // TypeScript resolves `./x.js` to `./x.ts` (NodeNext and bundler resolution alike).
  spec = spec.replace(/\.ts$/, ".js");
  return keepExtension ? spec : spec.replace(/\.js$/, "");
}
