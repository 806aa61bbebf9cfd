// An npm script that loads a .env file itself (dotenv-cli `dotenv -e
// .env.production -- node x`, env-cmd `env-cmd -f .env node x`) ran its
// command with that file's values whatever NODE_ENV said. After the migration
// the file no longer holds the secrets, and the code reads them from Vault for
// the environment VAULTSHIFT_ENV (else NODE_ENV) names: the script has to name
// that file's environment. Done in the script itself, by the same tool where it
// can (dotenv-cli's `-v VAR=value`, which "works on all the platforms" and wins
// over the files: https://github.com/entropitor/dotenv-cli#setting-variable-from-command-line),
// else by cross-env when the project has it (https://github.com/kentcdodds/cross-env);
// otherwise the plan gives the line to add. A script whose loader starts
// another program (the Cypress binary, the pulumi CLI) is run under
// `vaultshift run` instead, which gives that program the secrets from Vault.
// The edit is one string in package.json, which apply backs up and rollback
// restores.

import { BASE_LAYER_ENVIRONMENT } from "../map/environment.js";
import { escapeRegExp } from "../util/regexp.js";

/** What a script's command needs: the plan records this (names only), apply recomputes the edit. */
export interface ScriptEnvironment {
  /** The package.json holding the script, relative to the root. */
  file: string;
  script: string;
  environment: string;
  /**
   * The loader starts a program that is not this app's code (the Cypress binary, the pulumi
   * CLI): it is run under `vaultshift run --env <environment> --`, which puts that
   * environment's secrets into the program's environment, as the .env file did.
   */
  wrap?: true;
  /**
   * With `wrap`: the whole command runs under `vaultshift run --` (a script starting the app's own
   * code, which reads a file `vaultshift run` writes: src/plan/secret-files.ts).
   */
  whole?: true;
  /**
   * With `wrap`: only this part of the command (`sh scripts/render.sh .env`, a shell script that
   * sources the moved .env file and hands its variables to another program) runs under
   * `vaultshift run --env <environment> --` (src/plan/sourced-env-files.ts).
   */
  part?: string;
}

/** A name that stays one shell word everywhere (sh and cmd.exe). */
const SAFE = /^[A-Za-z0-9_.-]+$/;

/**
 * The command with VAULTSHIFT_ENV set to `environment` for the tool that loads
 * the .env file, or null when that cannot be done exactly here (already set, a
 * tool run twice, env-cmd without cross-env, an odd environment name).
 */
export function withScriptEnvironment(command: string, environment: string, crossEnv: boolean): string | null {
  if (!SAFE.test(environment) || /\bVAULTSHIFT_ENV\s*=/.test(command)) return null;
  const dotenvCli = [...command.matchAll(/(^|[\s;&|])dotenv\s+/g)];
  const envCmd = [...command.matchAll(/(^|[\s;&|])env-cmd\s+/g)];
  if (dotenvCli.length + envCmd.length !== 1) return null;
  if (dotenvCli.length === 1) {
    const at = dotenvCli[0]!.index! + dotenvCli[0]![0].length;
    return `${command.slice(0, at)}-v VAULTSHIFT_ENV=${environment} ${command.slice(at)}`;
  }
  if (!crossEnv) return null;
  // `cross-env X=y env-cmd …` only where env-cmd starts the command (not after npx or a prefix of its own).
  const m = envCmd[0]!;
  const at = m.index! + m[1]!.length;
  const before = command.slice(0, at);
  if (!/^\s*$|(?:&&|\|\||;)\s*$/.test(before)) return null;
  return `${before}cross-env VAULTSHIFT_ENV=${environment} ${command.slice(at)}`;
}

/**
 * The command with its .env loader (dotenv-cli, env-cmd, also through npx)
 * run under `vaultshift run --env <environment> --`, or null when that cannot
 * be done exactly: not one loader, already wrapped, an odd environment name,
 * or a loader that does not start its part of the command line (`X=1 dotenv`,
 * `cross-env … dotenv`: vaultshift would take the assignment for a program).
 * The loader stays: it still loads the plain config left in the file, and it
 * does not replace what vaultshift set (the file no longer holds those names).
 */
export function withVaultshiftRun(command: string, environment: string): string | null {
  if (!SAFE.test(environment) || /(?:^|[\s;&|])vaultshift\s+run\b/.test(command)) return null;
  const loaders = [...command.matchAll(/(^|[\s;&|(])((?:npx\s+(?:(?:--yes|-y|--no-install|--no)\s+)*)?(?:dotenv|env-cmd)\s)/g)];
  // The shared base layer names no environment: the program then reads the one NODE_ENV or VAULTSHIFT_ENV names.
  const run = environment === BASE_LAYER_ENVIRONMENT ? "vaultshift run -- " : `vaultshift run --env ${environment} -- `;
  if (loaders.length === 0) {
    // A program preloading dotenv itself (`graphql-codegen -r dotenv/config`), or loading .env
    // itself (the Prisma CLI): run it under vaultshift.
    const preloaded = dotenvPreloads(command).filter((p) => !NODE_RUNNERS.test(p.program));
    const selfLoading = preloaded.length === 0 ? selfLoadingPrograms(command) : [];
    const only = [...preloaded, ...selfLoading];
    if (only.length !== 1 || dotenvPreloads(command).length > preloaded.length) return null;
    const at = only[0]!.at;
    return `${command.slice(0, at)}${run}${command.slice(at)}`;
  }
  if (loaders.length !== 1) return null;
  const m = loaders[0]!;
  const at = m.index! + m[1]!.length;
  const before = command.slice(0, at);
  if (!/^\s*$|(?:&&|\|\||;|\||\()\s*$/.test(before)) return null;
  return `${before}${run}${command.slice(at)}`;
}

/** The command run under `vaultshift run --` as a whole, or null when it already is. */
export function wholeUnderRun(command: string): string | null {
  return /(?:^|[\s;&|])vaultshift\s+run\b/.test(command) ? null : `vaultshift run -- ${command.trim()}`;
}

/**
 * The command with one of its parts (`part`, exactly as written between `&&`, `||`, `;`, `|`
 * or a parenthesis) run under `vaultshift run [--env <environment>] --`, or null when the part
 * is not there exactly once (already wrapped, or the script changed) or the environment's name
 * is odd.
 */
export function partUnderRun(command: string, part: string, environment: string): string | null {
  if (!SAFE.test(environment) || part.trim() === "") return null;
  const run = environment === BASE_LAYER_ENVIRONMENT ? "vaultshift run -- " : `vaultshift run --env ${environment} -- `;
  const hits = [...command.matchAll(new RegExp(`(^|&&|\\|\\||;|\\||\\()(\\s*)${escapeRegExp(part.trim())}(?=\\s*(?:$|&&|\\|\\||;|\\||\\)))`, "g"))];
  if (hits.length !== 1) return null;
  const at = hits[0]!.index! + hits[0]![1]!.length + hits[0]![2]!.length;
  return `${command.slice(0, at)}${run}${command.slice(at)}`;
}

/**
 * Programs that load .env files themselves, whatever the script's environment holds: the
 * Prisma CLI reads `.env` at the project root and next to its schema (prisma/.env) before
 * resolving `env("…")` (https://www.prisma.io/docs/orm/more/development-environment/environment-variables);
 * just sets a dotenv file's variables on its recipes (https://just.systems/man/en/settings.html).
 */
export const SELF_LOADING: Readonly<Record<string, { files: readonly string[]; uses?: RegExp }>> = {
  // Only the commands that connect to the database read the URL (`prisma generate` and `format` do not).
  prisma: { files: [".env", "prisma/.env"], uses: /^\s+(?:migrate|db|studio)\b/ },
  // just loads what its justfile's `set dotenv-load` / `dotenv-filename` / `dotenv-path` or its
  // `--dotenv-filename` / `--dotenv-path` flags name: the plan reads those (outside-uses.ts).
  just: { files: [] },
};

/** The parts of a command line that start a SELF_LOADING program (also through npx): where, which, and the files it loads. */
export function selfLoadingPrograms(command: string): { at: number; program: string; files: readonly string[] }[] {
  const out: { at: number; program: string; files: readonly string[] }[] = [];
  for (const m of command.matchAll(/(^|&&|\|\||;|\||\()(\s*)((?:npx\s+(?:(?:--yes|-y|--no-install|--no)\s+)*)?([\w@./-]+))(?=\s|$)/g)) {
    const program = m[4]!.replace(/^.*\//, "");
    const known = SELF_LOADING[program];
    const rest = command.slice(m.index! + m[0].length).split(/&&|\|\||;|\||\)/)[0]!;
    if (known && (!known.uses || known.uses.test(rest))) out.push({ at: m.index! + m[1]!.length + m[2]!.length, program, files: known.files });
  }
  return out;
}

/** Programs that run this app's own JavaScript: a dotenv preload there is the app's loader, which the secrets module follows. */
export const NODE_RUNNERS = /^(?:node|nodemon|tsx|ts-node|ts-node-dev|babel-node)$/;

/**
 * The parts of a command line whose program preloads dotenv through a require
 * flag, as dotenv documents for any program that takes one (`node -r
 * dotenv/config`, `mocha --require dotenv/config`, `graphql-codegen -r
 * dotenv/config`, `ts-node -r dotenv/config`): where the part starts, its
 * program (after `npx` and its flags), and the file dotenv loads there
 * (`dotenv_config_path=…`, else `.env`). A part starting with an assignment
 * (`X=1 tool -r dotenv/config`) is left out: vaultshift cannot wrap it exactly.
 */
export function dotenvPreloads(command: string): { at: number; program: string; file: string }[] {
  const out: { at: number; program: string; file: string }[] = [];
  const separators = /&&|\|\||;|\||\(/g;
  let start = 0;
  const parts: { text: string; at: number }[] = [];
  for (const m of command.matchAll(separators)) {
    parts.push({ text: command.slice(start, m.index), at: start });
    start = m.index + m[0].length;
  }
  parts.push({ text: command.slice(start), at: start });
  for (const part of parts) {
    if (!/(?:^|\s)(?:-r|--require)(?:=|\s+)dotenv\/config(?=\s|$)/.test(part.text)) continue;
    const lead = /^\s*/.exec(part.text)![0].length;
    const words = part.text.slice(lead).split(/\s+/);
    let i = 0;
    if (words[0] === "npx") for (i = 1; i < words.length && /^(?:--yes|-y|--no-install|--no)$/.test(words[i]!); i++);
    const program = words[i] ?? "";
    if (program === "" || program.includes("=")) continue;
    const path = /(?:^|\s)dotenv_config_path=(\S+)/.exec(part.text)?.[1]?.replace(/^["']|["']$/g, "");
    out.push({ at: part.at + lead, program: program.replace(/^.*\//, ""), file: path ?? ".env" });
  }
  return out;
}

/**
 * package.json text with one script's command replaced, byte for byte
 * elsewhere; null when the script is not written as a plain JSON string on
 * one line (then nothing is changed and the plan says what to add).
 */
export function replaceScript(text: string, script: string, command: string, next: string): string | null {
  const key = JSON.stringify(script);
  const value = JSON.stringify(command);
  const lines = text.split("\n");
  let found = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const k = line.indexOf(`${key}`);
    if (k === -1) continue;
    const rest = line.slice(k + key.length);
    const m = /^\s*:\s*/.exec(rest);
    if (!m || !rest.slice(m[0].length).startsWith(value)) continue;
    if (found !== -1) return null;
    found = i;
    lines[i] = line.slice(0, k + key.length) + m[0] + JSON.stringify(next) + rest.slice(m[0].length + value.length);
  }
  return found === -1 ? null : lines.join("\n");
}

/** Whether a package.json (text) lists cross-env in any dependency field. */
export function hasCrossEnv(pkgText: string): boolean {
  try {
    const pkg = JSON.parse(pkgText.charCodeAt(0) === 0xfeff ? pkgText.slice(1) : pkgText) as Record<string, unknown>;
    return ["dependencies", "devDependencies", "optionalDependencies"].some((f) => {
      const deps = pkg[f];
      return typeof deps === "object" && deps !== null && "cross-env" in deps;
    });
  } catch {
    return false;
  }
}

/** The script's command in a package.json text, or null. */
export function scriptCommand(pkgText: string, script: string): string | null {
  try {
    const pkg = JSON.parse(pkgText.charCodeAt(0) === 0xfeff ? pkgText.slice(1) : pkgText) as { scripts?: Record<string, unknown> };
    const c = pkg.scripts?.[script];
    return typeof c === "string" ? c : null;
  } catch {
    return null;
  }
}

/** A package.json text with every recorded script given its environment; unchanged when none applies. */
export function applyScriptEnvironments(pkgText: string, file: string, scripts: readonly ScriptEnvironment[]): string {
  let text = pkgText;
  const crossEnv = hasCrossEnv(pkgText);
  for (const s of scripts) {
    if (s.file !== file) continue;
    const command = scriptCommand(text, s.script);
    const next = command === null ? null : s.part !== undefined ? partUnderRun(command, s.part, s.environment) : s.whole ? wholeUnderRun(command) : s.wrap ? withVaultshiftRun(command, s.environment) : withScriptEnvironment(command, s.environment, crossEnv);
    const replaced = next === null ? null : replaceScript(text, s.script, command!, next);
    if (replaced !== null) text = replaced;
  }
  return text;
}
