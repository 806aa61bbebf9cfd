// Which deployment environment a .env file describes, from its name alone.
// Conventions: dotenv-flow / Next.js / Vite load `.env`, `.env.local`,
// `.env.<mode>`, `.env.<mode>.local`; Docker Compose and many teams use
// `<name>.env`. `.env` itself is what a developer runs locally.

import { posix } from "node:path";
import type { EnvSelection } from "./environment-selector.js";

const ALIASES: Record<string, string> = {
  dev: "development",
  develop: "development",
  development: "development",
  local: "development",
  prod: "production",
  production: "production",
  live: "production",
  stage: "staging",
  stg: "staging",
  staging: "staging",
  test: "test",
  testing: "test",
  ci: "test",
  qa: "qa",
  uat: "uat",
  preview: "preview",
};

/** Files that document variables rather than hold them: never a source of secrets. */
const TEMPLATE_WORDS = new Set(["example", "examples", "sample", "samples", "template", "tmpl", "dist", "default", "defaults", "schema", "tpl"]);

/** True for names such as `.env.example`, `.env.sample`, `example.env`, `.env.production.template`. */
export function isEnvTemplate(file: string): boolean {
  const base = file.split("/").pop() ?? file;
  return base
    .toLowerCase()
    .split(".")
    .some((part) => TEMPLATE_WORDS.has(part));
}

/**
 * Files of tools that encrypt .env files, named like one but holding no
 * environment: dotenvx's `.env.keys` (the private keys that decrypt the
 * `encrypted:` values, read by dotenvx before the app starts;
 * https://dotenvx.com/docs/quickstart/encryption) and dotenv-vault's
 * `.env.vault` (ciphertext, meant to be committed) and `.env.me` (its login
 * token; https://www.dotenv.org/docs/security/env-vault). Migrating their
 * entries would break the tool that reads them: they are reported, never changed.
 */
export function isEnvToolFile(file: string): boolean {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  return base === ".env.keys" || base === ".env.vault" || base === ".env.me";
}

/** True for any dotenv-style file name: `.env`, `.env.*`, `*.env` (not `.envrc`, a shell script). */
export function isEnvFile(file: string): boolean {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  return base === ".env" || base.startsWith(".env.") || (base.endsWith(".env") && base.length > 4);
}

/**
 * `.env` → development, `.env.production` → production, `.env.staging.local`
 * → staging, `prod.env` → production; a name of several words is the
 * environment one of them names, wherever it stands (Nx's
 * `.env.<target>.<configuration>` and `.<target>.<configuration>.env`:
 * `.env.serve.production` → production); an unknown word is used as it is,
 * lower-cased and reduced to `[a-z0-9-]`.
 */
export function environmentOf(file: string): string {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  if (base === ".env") return "development";
  const folder = folderEnvironment(file);
  if (folder !== undefined) return folder;
  const words = nameWords(base);
  // `.env.local` alone is the developer's own override; `.env.production.local` is production's.
  const meaningful = words.filter((w) => w !== "local");
  const word = meaningful.find((w) => w in ALIASES) ?? meaningful[0] ?? (words.includes("local") ? "local" : "development");
  const normal = ALIASES[word] ?? word;
  return normal.replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "development";
}

/**
 * Whether a file's name says which environment it is for: `.env.<mode>`
 * (`.env.production`, `.env.eu-west`: the dotenv-flow/Next.js/Vite mode
 * convention, any word), or `<word>.env` with a word that is an environment
 * (`prod.env`, `staging.env`). `.env`, `.env.local` and `<name>.env` of
 * another word (`app.env`, `docker.env`, `secrets.env`) name none: such a
 * file is loaded by the path the code or the command line gives
 * (`dotenv_config_path=config/app.env`, `--env-file`, compose `env_file`),
 * whatever `NODE_ENV` says.
 */
export function namesEnvironment(file: string): boolean {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  if (base === ".env" || base === ".env.local") return false;
  if (base.startsWith(".env.")) return true;
  return nameWords(base).some((w) => w !== "local" && w in ALIASES) || folderEnvironment(file) !== undefined;
}

/**
 * The environment a `<name>.env` file's folder names when its own name names none:
 * Kustomize overlays (`k8s/overlays/production/secrets.env`, a `secretGenerator`'s
 * `envs:` file), `deploy/staging/app.env`, `env/prod/db.env`. The nearest folder
 * that is an environment word wins. `.env` and `.env.<word>` files keep their
 * name's rule: a bare `.env` is the developer's file wherever it stands.
 */
function folderEnvironment(file: string): string | undefined {
  const parts = file.toLowerCase().split("/");
  const base = parts.pop() ?? "";
  if (base.startsWith(".env") || !base.endsWith(".env")) return undefined;
  if (nameWords(base).some((w) => w in ALIASES)) return undefined;
  for (const dir of parts.reverse()) if (dir !== "local" && dir in ALIASES) return ALIASES[dir];
  return undefined;
}

/** The words of a .env file's name around `env`: `.env.serve.production` and `.serve.production.env` → serve, production. */
export function nameWords(base: string): string[] {
  const words = base.startsWith(".env.") ? base.slice(5).split(".") : base.slice(0, -4).split(".");
  return words.filter((w) => w !== "" && w !== "env");
}

/** An environment name the known words lead to (development, production, staging, test, qa, uat, preview). */
export function isStandardEnvironment(environment: string): boolean {
  return Object.values(ALIASES).includes(environment);
}

/** Whether a word of a .env file's name is one of the environment words vaultshift knows (`prod`, `staging`, `local`…). */
export function isEnvironmentWord(word: string): boolean {
  return word in ALIASES;
}

/**
 * Loaders that layer .env files (each file only adds what the more specific
 * ones did not set): `.env` holds defaults for every environment, then
 * `.env.<mode>`, `.env.local`, `.env.<mode>.local` override it. Next.js
 * (nextjs.org/docs/app/guides/environment-variables), Vite
 * (vite.dev/guide/env-and-mode), Create React App, Nuxt and dotenv-flow all
 * load them this way; so does Nx, for every target it runs (src/map/nx.ts).
 */
export const LAYERING_PACKAGES = ["next", "vite", "react-scripts", "nuxt", "dotenv-flow", "@nuxt/kit", "astro", "nx"];

/**
 * The directories (relative, "" for the root, no trailing slash) whose `.env`
 * is the base layer of every environment rather than the development file:
 * those that also have a `.env.development`/`.env.dev` (`.env` cannot be the
 * development file then), and every directory when the project depends on a
 * layering loader.
 */
export function layeredEnvDirs(envFiles: string[], dependencies: string[], loadedByCode: Iterable<string> = []): Set<string> {
  const baseOf = (f: string) => (f.split("/").pop() ?? f).toLowerCase();
  const dirs = new Set(envFiles.filter((f) => baseOf(f) === ".env").map(dirOf));
  if (dependencies.some((d) => LAYERING_PACKAGES.includes(d))) return dirs;
  const out = new Set<string>();
  for (const f of envFiles) {
    if (!/^\.env\.(development|dev)(\.local)?$/.test(baseOf(f))) continue;
    if (dirs.has(dirOf(f))) out.add(dirOf(f));
  }
  for (const dir of loadedByCode) if (dirs.has(dir)) out.add(dir);
  return out;
}

/**
 * A file name built from the mode (`` `.env.${mode}` ``, `".env." + mode`), or a literal name of
 * one environment other than development (`".env.production"`, `'config/.env.staging.local'`):
 * a list of a ternary's branch (`prod ? [".env.production", ".env"] : [".env.local", ".env"]`) is
 * as much a per-mode list as one built from the mode.
 */
const PER_MODE_FILE = /\.env\.(?:\$\{|["'`]\s*\+)|(["'`])(?:[\w.@-]+\/)*\.env\.([\w-]+)(?:\.local)?\1/g;
/** The working directory as the first part of a joined path, just before the file name: `join(process.cwd(), `, `resolve(cwd, `. */
const CWD_JOINED = /\b(?:process\.cwd\(\)|cwd)\s*,\s*$/;
/** dotenv's `config()` with no path (options only, or none): it loads the working directory's `.env`. */
const BARE_DOTENV_LOAD = /\bconfig\s*\(\s*(?:\{\s*(?:(?:override|debug|quiet|encoding)\s*:\s*[^,}()]*,?\s*)*\})?\s*\)/g;
/** An option key of dotenv's `config({ … })`. */
const DOTENV_OPTION_KEY = /\b(?:path|override|debug|quiet|encoding)\s*:/g;
/**
 * A string naming a plain `.env`, with or without a directory: `".env"`, `'config/.env'`,
 * `` `../config/.env` ``, `` `${root}.env` `` / `` `${root}/.env` `` (a directory the code computes:
 * read as a bare `.env`, the source file's directory or one enclosing it).
 */
const PLAIN_ENV_FILE = /(["'`])(?:\$\{[^}`]*\}\/?)?((?:[\w.@-]+\/)*\.env)\1/g;

/**
 * The directories whose `.env` a source file loads after a per-mode file, as
 * a hand-written list: `dotenv.config({ path: [`.env.${mode}`, ".env"] })`,
 * NestJS's `envFilePath: [`config/.env.${env}`, "config/.env"]`, AdonisJS's
 * and Strapi-style loaders. dotenv (and those loaders) let the first file to
 * set a name win, so `.env` then serves every mode for the names the mode's
 * file does not set: the layered order of Next.js or Vite, written out. A
 * plain `.env` counts when it is named within a few lines after the per-mode
 * one, in the same list (no `? :`, `else` or `return` between them: one file
 * or the other is a choice, not layers); its directory is the path as written, resolved against the project's
 * `.env` files (a bare `.env` means those in the source file's directory or
 * any directory enclosing it, the root included). A `.env` joined to the
 * working directory (`path.join(process.cwd(), ".env")`, `resolve(cwd, ".env")`)
 * is that of whichever package the process starts in: a shared config
 * package of a monorepo loads it for every package started from its own
 * folder (`npm --workspace`), so every `packageDirs` directory's `.env` counts.
 */
export function layeredByCode(sourceFile: string, text: string, envFiles: string[], packageDirs: string[] = []): string[] {
  const out = new Set<string>();
  const plainEnvs = envFiles.filter((f) => (f.split("/").pop() ?? f) === ".env");
  if (plainEnvs.length === 0 || !text.includes(".env.")) return [];
  for (const mode of text.matchAll(PER_MODE_FILE)) {
    // A literal name counts when its word is an environment other than development (`.env.local`,
    // `.env.development` name the development file, which a bare `.env` after it may well be too).
    if (mode[2] !== undefined && (!isEnvironmentWord(mode[2].toLowerCase()) || ALIASES[mode[2].toLowerCase()] === "development")) continue;
    const after = text.slice(mode.index, mode.index + 400);
    // A plain .env by name, or a later dotenv load without a path (`config()`, `config({ quiet: true })`):
    // the working directory's .env.
    const plains = [
      ...[...after.matchAll(PLAIN_ENV_FILE)].map((m) => ({ index: m.index, written: m[2]! })),
      ...[...after.matchAll(BARE_DOTENV_LOAD)].map((m) => ({ index: m.index, written: ".env" })),
    ].sort((a, b) => a.index - b.index);
    for (const plain of plains) {
      // One file or the other (`mode ? `.env.${mode}` : ".env"`, `else`, a `return` per branch) is no layering;
      // the colon of a dotenv option (`quiet: true`) is none of those.
      if (/[?:]|\belse\b|\breturn\b/.test(after.slice(0, plain.index).replace(/\$\{[^}]*\}/g, "").replace(DOTENV_OPTION_KEY, ""))) break;
      const written = withoutDots(plain.written);
      const before = after.slice(Math.max(0, plain.index - 40), plain.index);
      if (written === ".env" && CWD_JOINED.test(before)) {
        for (const f of plainEnvs) if (packageDirs.includes(dirOf(f))) out.add(dirOf(f));
      }
      if (written === ".env") {
        const here = dirOf(sourceFile);
        for (const f of plainEnvs) {
          const d = dirOf(f);
          if (d === "" || here === d || here.startsWith(`${d}/`)) out.add(d);
        }
      } else {
        for (const f of plainEnvs) if (f === written || f.endsWith(`/${written}`)) out.add(dirOf(f));
      }
    }
  }
  return [...out];
}

/** A list literal of at most a few hundred characters, not nested: `[`.env.${mode}`, ".env.secrets", ".env"]`. */
const SHORT_LIST = /\[[^[\]]{0,600}\]/g;

/**
 * Files of no environment that the code loads in every mode: a list that
 * names a file built from the mode (`` `.env.${mode}` ``, `` `.env.${mode}.secrets` ``)
 * and a fixed `.env.<word>` whose word is no environment (`".env.secrets"`,
 * `".env.shared"`, `"config/.env.common"`): dotenv's path list, NestJS's
 * `envFilePath`, a hand-written loader's list. The fixed file is read whatever
 * the mode is, so it is a layer of every environment (as a plain `.env` in such
 * a list is, layeredByCode), not an environment named after its word. A choice
 * between the two (`mode ? … : …`) is no such list.
 */
export function layerFilesByCode(text: string, envFiles: string[]): string[] {
  if (!text.includes(".env.")) return [];
  const out = new Set<string>();
  for (const list of text.matchAll(SHORT_LIST)) {
    const body = list[0];
    if (!/\.env\.(?:\$\{|["'`]\s*\+)/.test(body) || /\?|\belse\b/.test(body.replace(/\$\{[^}]*\}/g, ""))) continue;
    for (const m of body.matchAll(ENV_FILE_LITERAL)) {
      const written = withoutDots(m[2]!);
      if (!(written.split("/").pop() ?? "").startsWith(".env.") || isEnvTemplate(written)) continue;
      const environment = environmentOf(written);
      if (isStandardEnvironment(environment) || environment === "local") continue;
      for (const f of envFiles) if (f === written || f.endsWith(`/${written}`)) out.add(f);
    }
  }
  return [...out];
}

/** `config(` of dotenv (any receiver), or an import/require/`-r` of `dotenv/config` (a `config()` without a path). */
const DOTENV_LOAD = /\bconfig\s*\(|(["'])dotenv\/config\1/g;
/** A string literal naming a .env file, maybe with a directory: `".env.local"`, `'../deploy/.env'`, `"config/app.env"`. */
const ENV_FILE_LITERAL = /(["'`])((?:[\w.@-]+\/)*(?:\.env(?:\.[\w-]+)*|[\w-]+\.env))\1/g;

/**
 * The .env files a source file loads with dotenv into another object than
 * process.env (`config({ path: "config/a.env", processEnv: target })`, dotenv
 * 16.1+): the app reads their values from that object, never from
 * process.env, so the secrets module cannot serve them once moved. As written
 * (relative, `./` and `../` dropped).
 */
export function privateDotenvLoads(text: string): string[] {
  if (!text.includes("dotenv")) return [];
  const out: string[] = [];
  if (text.includes("processEnv")) {
    for (const m of text.matchAll(DOTENV_LOAD)) {
      if (m[1] !== undefined) continue;
      const arg = callArgument(text, m.index + m[0].length);
      if (arg === null || !/\bprocessEnv\s*:/.test(arg)) continue;
      for (const n of arg.matchAll(ENV_FILE_LITERAL)) if (!n[2]!.includes("${")) out.push(withoutDots(n[2]!));
    }
  }
  // dotenv.populate(target, parse(readFileSync("mail.env"))) (dotenv 16.2+) fills an object of the
  // code's own the same way: https://github.com/motdotla/dotenv#populate. Into process.env it is a load.
  for (const m of text.matchAll(/\bpopulate\s*\(/g)) {
    const arg = callArgument(text, m.index + m[0].length);
    if (arg === null || /^\s*(?:globalThis\.|global\.)?process\.env\s*,/.test(arg)) continue;
    for (const n of arg.matchAll(ENV_FILE_LITERAL)) if (!n[2]!.includes("${")) out.push(withoutDots(n[2]!));
  }
  return out;
}

/** A call's argument text from just after its `(` to its closing parenthesis (at most 600 characters), or null. */
function callArgument(text: string, start: number): string | null {
  let depth = 1;
  let i = start;
  for (; i < text.length && i - start < 600 && depth > 0; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
  }
  return depth === 0 ? text.slice(start, i - 1) : null;
}

/** The .env files one source file loads with dotenv, in the order of the calls, each with whether it overrides what is set. */
export function dotenvLoads(text: string): { written: string; override: boolean }[] {
  if (!text.includes("dotenv")) return [];
  const out: { written: string; override: boolean }[] = [];
  for (const m of text.matchAll(DOTENV_LOAD)) {
    if (m[1] !== undefined) {
      out.push({ written: ".env", override: false });
      continue;
    }
    // The call's argument, up to its closing parenthesis.
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < text.length && i - start < 600 && depth > 0; i++) {
      if (text[i] === "(") depth++;
      else if (text[i] === ")") depth--;
    }
    if (depth !== 0) continue;
    const arg = text.slice(start, i - 1);
    // Loaded into another object: not a layer of process.env.
    if (/\bprocessEnv\s*:/.test(arg)) continue;
    const override = /\boverride\s*:\s*true\b/.test(arg);
    const pathAt = arg.search(/\bpath\s*:/);
    if (pathAt < 0) {
      // `config()` / `config({ override: true })`: the .env of the working directory. Another
      // library's `config(…)` with other options is not dotenv's.
      if (/^\s*(?:\{\s*(?:(?:override|debug|quiet|encoding)\s*:\s*[^,}]*,?\s*)*\})?\s*$/.test(arg)) out.push({ written: ".env", override });
      continue;
    }
    // A file name built at run time (`.env.${mode}`) cannot be placed: it is left out.
    const names = [...arg.slice(pathAt).matchAll(ENV_FILE_LITERAL)].map((n) => n[2]!).filter((n) => !n.includes("${"));
    for (const written of names) out.push({ written: withoutDots(written), override });
  }
  return out;
}

/**
 * Pairs of .env files of one directory that a source file loads one after the
 * other with dotenv (`config({ path: ".env.local" }); config();`, or one
 * `path` list): dotenv sets only names not set yet, so the file loaded first
 * wins for the names both hold; with `override: true` on the later load, the
 * later one wins. `[winner, loser]`, as paths of the project's .env files.
 */
export function loadedFirst(sourceFile: string, text: string, envFiles: string[]): [string, string][] {
  const loads = dotenvLoads(text);
  if (loads.length < 2) return [];
  const baseOf = (f: string) => f.split("/").pop() ?? f;
  void sourceFile;
  // The files a written name can be: the same path, or (a bare name, the working directory
  // being unknown) that name in any directory.
  const filesOf = (written: string) => envFiles.filter((f) => (written.includes("/") ? f === written || f.endsWith(`/${written}`) : baseOf(f) === written));
  const out: [string, string][] = [];
  for (let i = 0; i < loads.length; i++) {
    for (let j = i + 1; j < loads.length; j++) {
      const [a, b] = [loads[i]!, loads[j]!];
      for (const fa of filesOf(a.written)) {
        for (const fb of filesOf(b.written)) {
          if (fa === fb || dirOf(fa) !== dirOf(fb)) continue;
          out.push(b.override ? [fb, fa] : [fa, fb]);
        }
      }
    }
  }
  return out;
}

/**
 * Pairs of .env files that a direnv `.envrc` (at `envrc`) loads one after the
 * other: `dotenv [FILE]` and `dotenv_if_exists [FILE]` (direnv's stdlib; FILE
 * defaults to `.env`, relative to the `.envrc`) export every variable of the
 * file, over what is set already, so the file loaded LAST wins for the names
 * both hold (unlike dotenv in code, where the first wins). `[winner, loser]`,
 * as paths of the project's .env files. Lines after a `return`/`exit`, and
 * loads inside an `if` or a function, are read as written: direnv runs them in
 * order too, and the plan can only be as sure as the text.
 */
export function envrcLoadOrder(envrc: string, text: string, envFiles: string[]): [string, string][] {
  const dir = dirOf(envrc);
  const loaded: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s*(?:dotenv|dotenv_if_exists)(?:\s+(["']?)([^"'\s#;]+)\1)?\s*(?:[#;].*)?$/.exec(line);
    if (!m) continue;
    const file = posix.normalize(posix.join(dir, m[2] ?? ".env"));
    if (envFiles.includes(file)) loaded.push(file);
  }
  const out: [string, string][] = [];
  for (let i = 0; i < loaded.length; i++) {
    for (let j = i + 1; j < loaded.length; j++) if (loaded[i] !== loaded[j]) out.push([loaded[j]!, loaded[i]!]);
  }
  return out;
}

/** The environment of a base `.env` in a layered directory: its values apply to every environment that does not override them. */
export const BASE_LAYER_ENVIRONMENT = "shared";

/** The directory part of a relative path ("" for a file at the root). */
export function dirOf(file: string): string {
  return file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
}

/** A path as written with its `.` and `..` parts dropped. */
function withoutDots(path: string): string {
  return path.split("/").filter((p) => p !== "." && p !== "..").join("/");
}

/**
 * A file of fallback values: dotenv-defaults' `.env.defaults` (its default
 * `defaults` option: https://github.com/mrsteele/dotenv-defaults), which
 * dotenv-mono and dotenv-flow load as well, and the same idea under the other
 * names apps give it (`.env.default`, `default.env`, `defaults.env`, e.g.
 * `config/default.env` loaded under `config/<mode>.env`). Named like a
 * template, such a file is loaded at run time by those packages or by code
 * that names it: whether it is a template or a source of the app's values is
 * decided by that evidence (`defaultsLoads`, `DEFAULTS_PACKAGES`), not by the
 * name.
 */
export function isDefaultsFile(file: string): boolean {
  return /^(?:\.env\.defaults?|defaults?\.env)$/.test((file.split("/").pop() ?? file).toLowerCase());
}

/** Packages that load `.env.defaults` (that name only) into process.env, under every other file, when present. */
export const DEFAULTS_PACKAGES = ["dotenv-defaults", "dotenv-mono", "dotenv-flow"];

/** Whether a package of DEFAULTS_PACKAGES would load this defaults file: only dotenv-defaults' own name. */
export function isPackageDefaultsName(file: string): boolean {
  return (file.split("/").pop() ?? file).toLowerCase() === ".env.defaults";
}

/** A string naming a defaults file, maybe with a directory. */
const DEFAULTS_FILE_LITERAL = /(["'`])((?:[\w.@-]+\/)*(?:\.env\.defaults?|defaults?\.env))\1/gi;

/**
 * How a source file reads each `.env.defaults` it names, as written (relative,
 * `./` and `../` dropped): `"env"` when the statement loads it into
 * process.env (Node's `process.loadEnvFile`, dotenv's `config({ path })`,
 * dotenv-defaults' `defaults:` option, `--env-file`), `"private"` otherwise
 * when it parses or reads it (`util.parseEnv(readFileSync(…))`,
 * `dotenv.parse(…)`): the code then holds the values in an object of its own,
 * where the secrets module cannot put them; `"unknown"` when the statement
 * shows neither (a list of names used further on).
 */
export function defaultsLoads(text: string): { written: string; into: "env" | "private" | "unknown" }[] {
  if (!/\.env\.default|default(?:s)?\.env/i.test(text)) return [];
  const out: { written: string; into: "env" | "private" | "unknown" }[] = [];
  for (const m of text.matchAll(DEFAULTS_FILE_LITERAL)) {
    // The statement around the name: back to the previous `;` or blank line and on to the
    // next `;` (a `for … of [names]` loop's body), at most 300 characters each way.
    const before = text.slice(Math.max(0, m.index - 300), m.index);
    const after = text.slice(m.index, m.index + 300);
    const statement = before.slice(Math.max(before.lastIndexOf(";"), before.lastIndexOf("\n\n")) + 1) + after.slice(0, after.includes(";") ? after.indexOf(";") : undefined);
    const parsed = /\bparse(?:Env)?\s*\(|\bread(?:File)?(?:Sync)?\s*\(/.test(statement);
    const loaded = /\bloadEnvFile\s*\(|\bconfig\s*\(|--env-file|\bdefaults\s*:/.test(statement);
    out.push({ written: withoutDots(m[2]!), into: parsed ? "private" : loaded ? "env" : "unknown" });
  }
  return out;
}

/**
 * What the secrets module needs to know about the .env files besides the
 * secrets: every environment that has a file is known, even when nothing in
 * it was migrated (a `.env.production` of config only, or of dotenvx
 * `encrypted:` values), so that environment keeps reading process.env rather
 * than being refused. And when the project's only files are plain `.env` /
 * `.env.local`, or `<name>.env` of a word that is no environment (`app.env`;
 * no file names an environment, see namesEnvironment), the app loads them whatever
 * NODE_ENV says (`dotenv.config()`, `node --env-file=.env`,
 * `-r dotenv/config dotenv_config_path=config/app.env`): their environment
 * then serves every environment, as the file did before the migration.
 */
export function environmentsOfFiles(envFiles: { file: string; environment?: string; selectedBy?: "project-id"; selector?: EnvSelection }[]): {
  environments?: string[];
  fallbackEnvironment?: string;
  projectEnvironments?: string[];
  selector?: EnvironmentSelection;
} {
  // A loaded `.env.defaults` (shared, the lowest layer) says nothing about which files the
  // app loads in which environment: it is left out of both tests below.
  const mapped = envFiles.filter((e) => e.environment !== undefined && !isDefaultsFile(e.file));
  if (mapped.length === 0) return {};
  const environments = [...new Set(mapped.map((e) => e.environment!).filter((e) => e !== BASE_LAYER_ENVIRONMENT))].sort();
  const plainOnly = mapped.every((e) => !namesEnvironment(e.file));
  const layered = mapped.some((e) => e.environment === BASE_LAYER_ENVIRONMENT);
  // Firebase's functions/.env.<projectId>: selected by the project the code runs in, not by NODE_ENV.
  const byProject = [...new Set(mapped.filter((e) => e.selectedBy === "project-id").map((e) => e.environment!))].sort();
  // `.env.${APP_ENV}`: selected by the app's own variable (src/map/environment-selector.ts).
  const chosen = mapped.filter((e) => e.selector !== undefined);
  let selector: EnvironmentSelection | undefined;
  if (chosen.length > 0) {
    const { variable, fallback } = chosen[0]!.selector!;
    const values: Record<string, string> = {};
    for (const e of chosen) if (e.selector!.variable === variable) values[e.selector!.value] = e.environment!;
    selector = { variable, ...(fallback !== undefined ? { fallback } : {}), values };
  }
  return {
    environments,
    ...(plainOnly && !layered && environments.length === 1 ? { fallbackEnvironment: environments[0]! } : {}),
    ...(byProject.length > 0 ? { projectEnvironments: byProject } : {}),
    ...(selector !== undefined ? { selector } : {}),
  };
}

/** The variable that selects the environment, and which environment each of its values selects (`staging` → staging, `local` → development). */
export interface EnvironmentSelection {
  variable: string;
  fallback?: string;
  values: Record<string, string>;
}
