// A shell script that sources an env file (`set -a; . "./$1"`, `source .env`, `export $(cat
// .env | xargs)`) and runs another program with its variables (envsubst rendering a config
// template, psql, a deploy CLI) gets nothing for the moved secrets after the migration: the
// file no longer holds them, and nothing rewrites the script or the program. Round 19's
// `envsubst-render` rendered empty values that way, silently. Three cases, each a class:
//
// - an npm script runs the shell script (`sh scripts/render.sh .env && node src/server.js`):
//   apply runs that part under `vaultshift run --env <the file's environment> --`, which puts
//   the values into the script's environment; the script's `set -a; . ./.env` no longer sets
//   them, so they stay. Where that cannot be done exactly, an `outside-use` gives the command;
// - a script run by hand, or a Makefile recipe: an `outside-use` at the line that sources the
//   file, with the exact command to run it under `vaultshift run`;
// - a template read with `${NAME}` (envsubst, `*.tmpl`, `*.template`, `*.in`): an `outside-use`,
//   unless a script that apply wraps renders it (that script's warning names it).
//
// A script whose only programs are node and its runners hands the values to this app's own
// code, which reads its secrets through the secrets module: nothing to do there.

import { readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import fg from "fast-glob";
import { SKIP_DIRS } from "../classify/candidates.js";
import { BASE_LAYER_ENVIRONMENT, dirOf } from "../map/environment.js";
import { partUnderRun, replaceScript, type ScriptEnvironment } from "../apply/script-environment.js";
import { escapeRegExp } from "../util/regexp.js";
import { programsRun, sourceStatements } from "./shell-sources.js";
import type { PlannedSecret, PlanWarning } from "./types.js";

export interface SourcedEnvFiles {
  warnings: PlanWarning[];
  /** npm scripts whose shell-script part apply runs under `vaultshift run`. */
  scripts: ScriptEnvironment[];
}

interface EnvFileSecrets {
  names: Set<string>;
  environments: Set<string>;
  /** Where each name goes, for the messages. */
  targets: Map<string, string>;
}

const SHELLS = /^(?:sh|bash|dash|zsh|ksh)$/;
const TEMPLATES = ["**/*.{tmpl,tpl,template,in}", "**/*.{tmpl,tpl,template}.*"];

/** The moved secrets of each .env file (the file's own entries and duplicates), by file. */
function movedByFile(secrets: readonly PlannedSecret[]): Map<string, EnvFileSecrets> {
  const out = new Map<string, EnvFileSecrets>();
  for (const s of secrets) {
    if (s.source.type !== "dotenv") continue;
    for (const src of [s.source, ...s.duplicates]) {
      const e = out.get(src.file) ?? { names: new Set<string>(), environments: new Set<string>(), targets: new Map<string, string>() };
      e.names.add(s.name);
      if (src === s.source && !s.source.layers) e.environments.add(s.environment);
      e.targets.set(s.name, `${s.target.mount}/${s.target.path}#${s.target.key}`);
      out.set(src.file, e);
    }
  }
  return out;
}

/** The prefix that runs a command with `environment`'s secrets (none named: the shared layer). */
const runPrefix = (environment: string | null): string => (environment === null || environment === BASE_LAYER_ENVIRONMENT ? "vaultshift run -- " : `vaultshift run --env ${environment} -- `);

/** A command line's parts between `&&`, `||`, `;`, `|`, with where each starts. */
function commandParts(command: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let start = 0;
  for (const m of command.matchAll(/&&|\|\||;|\|/g)) {
    parts.push({ text: command.slice(start, m.index), at: start });
    start = m.index + m[0].length;
  }
  parts.push({ text: command.slice(start), at: start });
  return parts;
}

/** A part that runs a shell script: `sh x.sh a b`, `bash ./x`, `./x.sh a`, `scripts/x.sh`; its file (as written) and arguments. */
function shellScriptCall(part: string): { written: string; args: string[] } | null {
  const words = part.trim().split(/\s+/).filter((w) => w !== "");
  // Arguments stop at a redirection.
  const argsFrom = (i: number) => {
    const args: string[] = [];
    for (const w of words.slice(i)) {
      if (/^\d?[<>]/.test(w)) break;
      args.push(w.replace(/^["']|["']$/g, ""));
    }
    return args;
  };
  if (words.length >= 2 && SHELLS.test(words[0]!) && !words[1]!.startsWith("-")) return { written: words[1]!.replace(/^["']|["']$/g, ""), args: argsFrom(2) };
  if (words.length >= 1 && /^(?:\.{1,2}\/|[\w.-]+\/)[\w./-]*$|\.(?:sh|bash)$/.test(words[0]!) && !/=/.test(words[0]!)) return { written: words[0]!, args: argsFrom(1) };
  return null;
}

function readText(root: string, file: string): string | null {
  try {
    const full = join(root, file);
    if (!statSync(full).isFile()) return null;
    return readFileSync(full, "utf8");
  } catch {
    return null;
  }
}

/** The 1-based line of a script's key in a package.json text. */
function scriptLine(pkgText: string, name: string): number {
  const i = pkgText.split("\n").findIndex((l) => l.includes(`${JSON.stringify(name)}`) && /"\s*:/.test(l));
  return i < 0 ? 1 : i + 1;
}

/** Templates a script names (by their path from the script's working directory, or their file name). */
function namedTemplates(scriptText: string, templates: ReadonlyMap<string, string[]>, cwd: string): string[] {
  return [...templates.keys()].filter((t) => {
    const fromCwd = cwd === "" ? t : t.startsWith(`${cwd}/`) ? t.slice(cwd.length + 1) : null;
    return (fromCwd !== null && scriptText.includes(fromCwd)) || new RegExp(`(?:^|[\\s/"'<])${escapeRegExp(posix.basename(t))}(?=[\\s"'>;]|$)`, "m").test(scriptText);
  });
}

/** The templates of the project that read a moved name as `${NAME}` or `$NAME`: file → the names. */
function templateReads(root: string, names: ReadonlySet<string>, exclude: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (names.size === 0) return out;
  const files = fg.sync(TEMPLATES, { cwd: root, dot: false, onlyFiles: true, ignore: [...SKIP_DIRS.map((d) => `**/${d}/**`), ...exclude], followSymbolicLinks: false });
  for (const file of files.sort()) {
    const text = readText(root, file);
    if (text === null || !text.includes("$")) continue;
    const read = [...names].filter((n) => new RegExp(`\\$\\{${escapeRegExp(n)}(?:[:?-][^}]*)?\\}|\\$${escapeRegExp(n)}(?![A-Za-z0-9_])`).test(text)).sort();
    if (read.length > 0) out.set(file, read);
  }
  return out;
}

export function sourcedEnvFiles(root: string, secrets: readonly PlannedSecret[], exclude: readonly string[] = []): SourcedEnvFiles {
  const moved = movedByFile(secrets);
  const out: SourcedEnvFiles = { warnings: [], scripts: [] };
  if (moved.size === 0) return out;
  const allNames = new Set([...moved.values()].flatMap((e) => [...e.names]));
  const templates = templateReads(root, allNames, exclude);
  const judged = new Set<string>();
  const renderedByWrapped = new Set<string>();
  const ignore = [...SKIP_DIRS.map((d) => `**/${d}/**`), ...exclude];

  // 1. npm scripts running a shell script that sources a moved file.
  for (const pkg of fg.sync(["**/package.json"], { cwd: root, dot: false, onlyFiles: true, ignore, followSymbolicLinks: false }).sort()) {
    const pkgText = readText(root, pkg);
    if (pkgText === null) continue;
    let scripts: Record<string, unknown>;
    try {
      scripts = (JSON.parse(pkgText.charCodeAt(0) === 0xfeff ? pkgText.slice(1) : pkgText) as { scripts?: Record<string, unknown> }).scripts ?? {};
    } catch {
      continue;
    }
    const cwd = dirOf(pkg);
    for (const [name, command] of Object.entries(scripts)) {
      if (typeof command !== "string") continue;
      let edited = command;
      const parts: { part: string; environment: string | null; script: string; line: number; envFile: string; names: string[]; programs: string[]; rendered: string[] }[] = [];
      for (const { text } of commandParts(command)) {
        const call = shellScriptCall(text);
        if (call === null) continue;
        const script = posix.normalize(posix.join(cwd, call.written));
        if (script.startsWith("..")) continue;
        const scriptText = readText(root, script);
        if (scriptText === null) continue;
        judged.add(script);
        const programs = programsRun(scriptText, call.args);
        for (const src of sourceStatements(scriptText, call.args)) {
          if (src.file === null) continue;
          const envFile = posix.normalize(posix.join(cwd, src.file));
          const e = moved.get(envFile);
          if (!e || programs.length === 0) continue;
          const rendered = namedTemplates(scriptText, templates, cwd);
          parts.push({ part: text.trim(), environment: e.environments.size === 1 ? [...e.environments][0]! : null, script, line: src.line, envFile, names: [...e.names].sort(), programs, rendered });
        }
      }
      for (const p of parts) {
        const line = scriptLine(pkgText, name);
        const renders = p.rendered.length > 0 ? ` (rendering ${p.rendered.map((t) => `${t}, which reads ${templates.get(t)!.join(", ")}`).join("; ")})` : "";
        const head = `${pkg}:${line}: the npm script "${name}" runs ${p.script}, which sources ${p.envFile} (${p.script}:${p.line}) and hands its variables to ${p.programs.join(", ")}${renders}; after the migration ${p.envFile} no longer holds ${p.names.join(", ")}`;
        const next = p.environment !== null ? partUnderRun(edited, p.part, p.environment) : null;
        const replaced = next !== null ? replaceScript(pkgText, name, command, next) : null;
        if (next !== null && replaced !== null) {
          edited = next;
          for (const t of p.rendered) renderedByWrapped.add(t);
          out.scripts.push({ file: pkg, script: name, environment: p.environment!, wrap: true, part: p.part });
          out.warnings.push({
            code: "outside-use",
            file: pkg,
            line,
            message: `${head}. Apply runs that part of the script under \`vaultshift run\` (\`${next}\`), which gives it ${p.environment === BASE_LAYER_ENVIRONMENT ? "the values of the environment NODE_ENV or VAULTSHIFT_ENV names" : `${p.environment}'s values`} from Vault in its environment, as the file gave them (the file no longer sets them, so they stay); whoever runs it needs VAULT_ADDR and a token that may read them (the app's policy), as the app does, and vaultshift.plan.json, where \`vaultshift run\` finds them (keep it committed).`,
          });
          continue;
        }
        const suggestion = `${runPrefix(p.environment)}${p.part}`;
        out.warnings.push({
          code: "outside-use",
          file: pkg,
          line,
          message: `${head}, so ${p.programs.join(", ")} ${p.programs.length === 1 ? "runs" : "run"} without them. ${p.environment === null ? `${p.envFile} serves more than one environment, so vaultshift cannot choose one for the script: ` : "vaultshift could not change the script exactly: "}run that part under \`vaultshift run\`, which puts the values from Vault into its environment (\`${suggestion}\`${p.environment === null ? ", with --env naming the environment" : ""}).`,
        });
      }
    }
  }

  // 2. Shell scripts and Makefile recipes run by hand.
  for (const file of fg.sync(["**/*.{sh,bash}", "**/{Makefile,makefile,GNUmakefile}"], { cwd: root, dot: false, onlyFiles: true, ignore, followSymbolicLinks: false }).sort()) {
    if (judged.has(file)) continue;
    const text = readText(root, file);
    if (text === null) continue;
    const makefile = /(?:^|\/)(?:GNU)?[Mm]akefile$/.test(file);
    const lines = text.split(/\r?\n/);
    for (const src of sourceStatements(makefile ? lines.map((l) => (l.startsWith("\t") ? l.replace(/\$\$/g, "$") : "")).join("\n") : text, null)) {
      if (src.file === null) continue;
      // A recipe line runs in a shell of its own (make's default); a script's programs are its whole text's.
      const lineText = makefile ? lines[src.line - 1]!.replace(/\$\$/g, "$") : text;
      const programs = programsRun(lineText, null);
      const envFile = posix.normalize(posix.join(makefile ? dirOf(file) : "", src.file));
      const e = moved.get(envFile) ?? (makefile ? undefined : moved.get(posix.normalize(posix.join(dirOf(file), src.file))));
      if (!e || programs.length === 0) continue;
      const environment = e.environments.size === 1 ? [...e.environments][0]! : null;
      const target = makefile ? lines.slice(0, src.line).reverse().find((l) => /^[A-Za-z0-9_.-]+\s*:(?!=)/.test(l))?.split(":")[0]!.trim() : undefined;
      const command = makefile ? `${runPrefix(environment)}make${dirOf(file) === "" ? "" : ` -C ${dirOf(file)}`}${target !== undefined ? ` ${target}` : ""}` : `${runPrefix(environment)}sh ${file}`;
      for (const t of namedTemplates(makefile ? lineText : text, templates, "")) renderedByWrapped.add(t);
      out.warnings.push({
        code: "outside-use",
        file,
        line: src.line,
        message: `${file}:${src.line}: ${makefile ? `a make recipe${target !== undefined ? ` (${target})` : ""}` : "a shell script"} sources ${e === moved.get(envFile) ? envFile : src.file} (${src.written}) and hands its variables to ${programs.join(", ")}; after the migration that file no longer holds ${[...e.names].sort().join(", ")}, so ${programs.length === 1 ? "it runs" : "they run"} without them. vaultshift does not rewrite this file: run it under \`vaultshift run\`, which puts the values from Vault into its environment (\`${command}\`${environment === null ? ", with --env naming the environment" : ""}).`,
      });
    }
  }

  // 3. Templates nothing wrapped renders.
  for (const [file, names] of templates) {
    if (renderedByWrapped.has(file)) continue;
    const text = readText(root, file)!;
    const lines = text.split(/\r?\n/);
    for (const name of names) {
      const at = lines.findIndex((l) => new RegExp(`\\$\\{${escapeRegExp(name)}(?:[:?-][^}]*)?\\}|\\$${escapeRegExp(name)}(?![A-Za-z0-9_])`).test(l));
      const from = [...moved].filter(([, e]) => e.names.has(name)).map(([f]) => f).sort();
      const target = moved.get(from[0]!)!.targets.get(name)!;
      out.warnings.push({
        code: "outside-use",
        file,
        line: at + 1,
        message: `${file}:${at + 1}: a template rendered from the environment (envsubst or a like tool) reads ${name} (\${${name}}), which moves from ${from.join(", ")} to Vault (${target}). After the migration that .env file no longer provides ${name} to whatever renders it, and the result gets an empty value: render it under \`vaultshift run\`, which puts the values from Vault into its environment (\`vaultshift run -- sh -c 'envsubst < ${file} > …'\`, or run the script that renders it that way).`,
      });
    }
  }
  return out;
}
