import { readFileSync } from "node:fs";
import { join } from "node:path";
import { yarnInjectedFiles } from "./yarn-env.js";
import { taskLoadOrder } from "./taskfile-dotenv.js";
import { dirOf, environmentOf, isEnvFile, isStandardEnvironment, namesEnvironment } from "./environment.js";

// A .env file named by a word that is no environment (`.env.web`, `.env.worker`,
// `.env.api`) is, by its name alone, an environment of that name. But when a
// launcher loads it together with the other .env files in one command
// (node-foreman's `nf run -e .env,.env.web`, dotenv-cli's `-e .env -e .env.web`,
// `node --env-file=.env --env-file=.env.worker`), or docker compose passes it to
// a service (`env_file: .env.api`, whatever `--env-file` picked for the mode),
// it is loaded in every environment: a layer over the others (one per process
// role, per service), not an environment of its own. Its secrets go to the
// shared location every environment reads, as a layered `.env`'s do; the secrets
// module serves them wherever NODE_ENV points. A file whose word NODE_ENV or
// VAULTSHIFT_ENV is set to somewhere keeps its environment. Yarn 4 injects the
// files `.yarnrc.yml` lists (`injectEnvironmentFiles`) into every script: layers too.

const LAUNCHER_FILES = ["package.json", "Procfile", ".foreman", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"];

/** The .env paths a command line or compose line names (relative to the file's directory as written, `./` dropped). */
function namedEnvFiles(line: string): string[] {
  const out: string[] = [];
  for (const token of line.split(/[\s,=:;'"[\]]+/)) {
    const t = token.replace(/^\.\//, "");
    if (t !== "" && isEnvFile(t) && !t.includes("$")) out.push(t);
  }
  return out;
}

/** The lines that start something: npm scripts, Procfile and .foreman lines, compose `env_file` entries (with whether they are compose's). */
function launchLines(file: string, text: string): { line: string; compose: boolean }[] {
  if (file.endsWith("package.json")) {
    try {
      const scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
      return Object.values(scripts).filter((v): v is string => typeof v === "string").map((line) => ({ line, compose: false }));
    } catch {
      return [];
    }
  }
  if (/compose/.test(file)) {
    const out: { line: string; compose: boolean }[] = [];
    let indent = -1;
    for (const line of text.split(/\r?\n/)) {
      const own = /^\s*/.exec(line)![0].length;
      if (/^\s*env_file\s*:/.test(line)) {
        indent = own;
        out.push({ line: line.replace(/^\s*env_file\s*:/, ""), compose: true });
      } else if (indent >= 0 && own > indent && /^\s*-/.test(line)) out.push({ line: line.replace(/^\s*-\s*(?:path\s*:)?/, ""), compose: true });
      else if (indent >= 0 && !/^\s*(?:required|format)\s*:/.test(line)) indent = -1;
    }
    return out;
  }
  return text.split(/\r?\n/).map((line) => ({ line, compose: false }));
}

/** The env files (of `envFiles`) that launchers load as layers of every environment. */
export function launcherLayers(root: string, envFiles: string[]): Set<string> {
  const odd = envFiles.filter((f) => namesEnvironment(f) && !isStandardEnvironment(environmentOf(f)) && environmentOf(f) !== "local");
  const layers = new Set<string>();
  if (odd.length === 0) return layers;
  const texts: string[] = [];
  for (const dir of new Set(["", ...odd.map(dirOf)])) {
    for (const name of LAUNCHER_FILES) {
      const file = dir === "" ? name : `${dir}/${name}`;
      let text: string;
      try {
        text = readFileSync(join(root, file), "utf8");
      } catch {
        continue;
      }
      texts.push(text);
      for (const { line, compose } of launchLines(file, text)) {
        const named = namedEnvFiles(line).map((n) => (dir === "" ? n : `${dir}/${n}`));
        if (!compose && named.length < 2) continue;
        for (const f of named) if (odd.includes(f)) layers.add(f);
      }
    }
  }
  // Yarn 4's injectEnvironmentFiles: every `yarn run` loads them, whatever the environment.
  for (const dir of new Set(["", ...odd.map(dirOf)])) for (const f of yarnInjectedFiles(root, dir, envFiles)) if (odd.includes(f)) layers.add(f);
  for (const f of layers) {
    const word = environmentOf(f).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (texts.some((t) => new RegExp(`\\b(?:NODE_ENV|VAULTSHIFT_ENV)["'\\]]?\\s*(?:=|:)\\s*["'\`]?${word}(?![\\w-])`, "i").test(t))) layers.delete(f);
  }
  return layers;
}

/**
 * The order one launcher command loads .env files in, and which wins: dotenvx
 * (`dotenvx run -f a -f b`, https://dotenvx.com/docs/advanced/run-multiple)
 * and dotenv-cli (`dotenv -e a -e b`, and its cascade `-c [environment]`) let the first file win unless told to
 * override (`--overload`/`-o`, `--override`/`-o`); `node --env-file=a
 * --env-file=b` (and tsx, which passes node's flags on) lets the last win,
 * `--env-file-if-exists` (node 20.19/22.9+: the same, a missing file skipped)
 * among them.
 * The files as written, in the order given.
 */
export function launcherLoadOrder(command: string): { files: string[]; lastWins: boolean } | undefined {
  const tokens = command.trim().split(/\s+/);
  const at = tokens.findIndex((t) => /^(?:\S*\/)?(?:dotenvx|dotenv|node|tsx)$/.test(t));
  if (at < 0) return undefined;
  // tsx hands node's own flags to node (`tsx --env-file=.env src/app.ts`, `tsx watch --env-file=…`).
  const program = tokens[at]!.split("/").pop()! === "tsx" ? "node" : tokens[at]!.split("/").pop()!;
  const args = tokens.slice(at + 1);
  const end = args.indexOf("--");
  const own = end >= 0 ? args.slice(0, end) : args;
  const files: string[] = [];
  let override = false;
  let cascade: string | true | undefined;
  for (let i = 0; i < own.length; i++) {
    const a = own[i]!.replace(/^["']|["']$/g, "");
    const flag = /^(-f|-e|--env-file(?:-if-exists)?)(?:=(.+))?$/.exec(a);
    if (flag && (program !== "node" || flag[1]!.startsWith("--env-file"))) {
      const file = (flag[2] ?? own[++i] ?? "").replace(/^["']|["']$/g, "").replace(/^\.\//, "");
      if (isEnvFile(file)) files.push(file);
    } else if (a === "-c" && program === "dotenv") {
      const next = own[i + 1]?.replace(/^["']|["']$/g, "");
      cascade = next !== undefined && !next.startsWith("-") ? (i++, next) : true;
    } else if (a === "--overload" || a === "--override" || (a === "-o" && program !== "node")) override = true;
  }
  const loaded = cascade === undefined ? files : cascadeFiles(files.length > 0 ? files : [".env"], cascade);
  if (loaded.length < 2) return undefined;
  return { files: loaded, lastWins: program === "node" || override };
}

/**
 * dotenv-cli's `-c [environment]` (https://github.com/entropitor/dotenv-cli#cascading-env-variables):
 * each file FILE becomes FILE.<environment>.local, FILE.local, FILE.<environment>, FILE (without an
 * environment FILE.local, FILE), the first to set a name winning as with `-e`.
 */
function cascadeFiles(files: string[], environment: string | true): string[] {
  return files.flatMap((f) => (environment === true ? [`${f}.local`, f] : [`${f}.${environment}.local`, `${f}.local`, `${f}.${environment}`, f]));
}

/**
 * Directories whose plain `.env` an npm script's launcher loads under a file of
 * another environment, which wins over it (`dotenvx run --overload -f .env -f
 * .env.production`, `dotenv -e .env.production -e .env`, `node
 * --env-file=.env --env-file=.env.staging`): that `.env` is then the base
 * layer of every environment, as a layering loader's is. A command where the
 * plain `.env` wins over the environment's file says nothing of the kind.
 */
export function launcherBaseLayers(root: string, envFiles: string[]): string[] {
  const out = new Set<string>();
  for (const { dir, order } of scriptLoadOrders(root, envFiles)) {
    const ranked = order.lastWins ? [...order.files].reverse() : order.files;
    const plain = ranked.findIndex((f) => f === ".env");
    if (plain < 0) continue;
    const over = ranked.slice(0, plain).some((f) => namesEnvironment(f) && environmentOf(f) !== "development");
    const path = dir === "" ? ".env" : `${dir}/.env`;
    if (over && envFiles.includes(path)) out.add(dir);
  }
  return [...out];
}

/** Each launcher command of the npm scripts of the .env files' directories, with its load order (files relative to that directory). */
function scriptLoadOrders(root: string, envFiles: string[]): { dir: string; script: string; order: { files: string[]; lastWins: boolean } }[] {
  const out: { dir: string; script: string; order: { files: string[]; lastWins: boolean } }[] = [];
  for (const dir of new Set(envFiles.map(dirOf))) {
    let scripts: Record<string, unknown>;
    try {
      scripts = (JSON.parse(readFileSync(join(root, dir === "" ? "package.json" : `${dir}/package.json`), "utf8")) as { scripts?: Record<string, unknown> }).scripts ?? {};
    } catch {
      continue;
    }
    for (const [script, line] of Object.entries(scripts)) {
      if (typeof line !== "string") continue;
      for (const command of line.split(/&&|\|\||;|\|/)) {
        const order = launcherLoadOrder(command) ?? taskLoadOrder(root, dir, command);
        if (order) out.push({ dir, script, order });
      }
    }
  }
  return out;
}

/**
 * The pairs of .env files an npm script's launcher loads in one command, the
 * winner first (`node --env-file=.env --env-file=.env.local`: .env.local wins;
 * `dotenvx run -f .env.local -f .env`: .env.local wins), as paths of the
 * project: the plan then treats the loser's value of a name both set as never
 * read where the winner exists, as it does for a loader in the code.
 */
export function launcherLoadPairs(root: string, envFiles: string[]): { winner: string; loser: string; loader: string; lastWins?: true }[] {
  const out: { winner: string; loser: string; loader: string; lastWins?: true }[] = [];
  for (const { dir, script, order } of scriptLoadOrders(root, envFiles)) {
    const files = order.files.map((f) => (dir === "" ? f : `${dir}/${f}`)).filter((f) => envFiles.includes(f));
    const loader = `${dir === "" ? "" : `${dir}/`}package.json (npm script "${script}")`;
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        if (order.lastWins) out.push({ winner: files[j]!, loser: files[i]!, loader, lastWins: true });
        else out.push({ winner: files[i]!, loser: files[j]!, loader });
      }
    }
  }
  return out;
}
