// Where the app starts outside npm scripts: a Procfile line, a Dockerfile's CMD/ENTRYPOINT, a
// systemd unit's ExecStart=, a pm2 ecosystem file's `script`, a compose service's `command:`.
// When the plan needs the app to start under `vaultshift run` (a secret file it writes at run
// time), each start of the app's code there is either rewritten to run under it (the file is in
// the repository and the edit is one line, journaled: rollback restores it byte for byte) or
// named as an `outside-use` with the file, the line and the exact new command.
//
// Per launcher, as a demanding user would have it:
// - Procfile: rewritten. The process runs in the app's root (Heroku's /app, foreman's cwd),
//   where `node_modules/.bin/vaultshift` is, whatever PATH holds.
// - Dockerfile: rewritten when its last stage sets a WORKDIR, installs the dependencies there
//   (npm ci / npm install / yarn / pnpm install) and copies the project (so the plan file and
//   node_modules/.bin/vaultshift are in the image); exec form stays exec form (vaultshift passes
//   SIGTERM on to the app). Otherwise named.
// - systemd unit: rewritten when WorkingDirectory= is an absolute path (ExecStart= needs an
//   absolute program: `<WorkingDirectory>/node_modules/.bin/vaultshift`). The installed copy
//   of the unit is not the repository's: the warning says to install it again.
// - pm2: named. Its `script` is a file pm2 starts with node itself (cluster mode forks that
//   file), so running it under vaultshift changes how pm2 manages it: the entry to write is given.
// - compose `command:`: named. The container's working directory and installed packages are
//   the image's, which the compose file does not show.

import { readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import fg from "fast-glob";
import { SKIP_DIRS } from "../classify/candidates.js";
import { dirOf } from "../map/environment.js";

export type LauncherKind = "procfile" | "dockerfile" | "systemd" | "pm2" | "compose";

export interface LauncherStart {
  file: string;
  /** 1-based. */
  line: number;
  kind: LauncherKind;
  /** The line as it is. */
  before: string;
  /** The line that runs the app under `vaultshift run`: written by apply when `rewrite`, else given to the user. */
  after: string;
  rewrite: boolean;
  /** Why it is not rewritten (with `rewrite: false`). */
  why?: string;
}

/** The binary a launcher outside npm runs (npm puts node_modules/.bin on PATH; they do not). */
export const LOCAL_BIN = "node_modules/.bin/vaultshift";

/** A command that starts this app's code: node (or a runner) on a file of the project. */
export function startsAppCode(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const program = words[0]!.replace(/^.*\//, "");
  if (!/^(?:node|nodemon|tsx|ts-node|ts-node-dev)$/.test(program)) return false;
  if (words.some((w) => /\bvaultshift\b/.test(w) || w === "--test")) return false;
  const file = words.slice(1).find((w) => !w.startsWith("-"));
  return file !== undefined && /^[\w@./-]+$/.test(file) && !/^(?:-e|-p|--eval|--print)$/.test(words[1]!);
}

function read(root: string, file: string): string | null {
  try {
    return statSync(join(root, file)).isFile() ? readFileSync(join(root, file), "utf8") : null;
  } catch {
    return null;
  }
}

const shellWords = (command: string): string[] | null => (/[;&|<>`$()'"\\]/.test(command) ? null : command.trim().split(/\s+/).filter((w) => w !== ""));

function procfile(file: string, text: string): LauncherStart[] {
  const out: LauncherStart[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const m = /^([\w-]+)(\s*:\s*)(.*?)\s*$/.exec(line);
    if (!m) return;
    const words = shellWords(m[3]!);
    if (words === null || !startsAppCode(words)) return;
    const rewrite = dirOf(file) === "";
    out.push({ file, line: i + 1, kind: "procfile", before: line, after: `${m[1]}${m[2]}${LOCAL_BIN} run -- ${m[3]}`, rewrite, ...(rewrite ? {} : { why: "the Procfile is not at the project's root, where node_modules/.bin/vaultshift is" }) });
  });
  return out;
}

function dockerfile(file: string, text: string, root: string): LauncherStart[] {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const lastFrom = lines.reduce((at, l, i) => (/^\s*FROM\s/i.test(l) ? i : at), 0);
  const stage = lines.slice(lastFrom);
  const workdir = stage.some((l) => /^\s*WORKDIR\s+\/\S*/i.test(l));
  const installs = stage.some((l) => /^\s*RUN\s.*\b(?:npm\s+(?:ci|install|i)|yarn(?:\s+install)?|pnpm\s+(?:i|install))\b/i.test(l)) || stage.some((l) => /^\s*COPY\s+--from=\S+\s+\S*node_modules/i.test(l));
  const copies = stage.some((l) => /^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*\.\/?\s+\S+\s*$/i.test(l));
  let ignored = false;
  const dockerignore = read(root, posix.join(dirOf(file), ".dockerignore"));
  if (dockerignore !== null) ignored = dockerignore.split(/\r?\n/).some((l) => /^\s*(?:\*\*\/)?(?:vaultshift\.plan\.json|\*\.json|\*)\s*$/.test(l));
  const why = !workdir
    ? "its last stage sets no WORKDIR, so the command's working directory (where vaultshift.plan.json and node_modules/.bin/vaultshift must be) is not known"
    : !installs
      ? "its last stage installs no npm packages, so node_modules/.bin/vaultshift may not be in the image"
      : !copies
        ? "its last stage does not copy the whole project (COPY . …), so vaultshift.plan.json may not be in the image"
        : ignored
          ? ".dockerignore leaves vaultshift.plan.json out of the image"
          : null;
  const out: LauncherStart[] = [];
  stage.forEach((line, j) => {
    const m = /^(\s*(CMD|ENTRYPOINT)\s+)(.*?)\s*$/i.exec(line);
    if (!m) return;
    // A CMD under an ENTRYPOINT script is that script's arguments (`exec "$@"` runs them): wrapped the same way.
    const body = m[3]!;
    let after: string | null = null;
    if (body.startsWith("[")) {
      let argv: unknown;
      try {
        argv = JSON.parse(body);
      } catch {
        return;
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string") || !startsAppCode(argv as string[])) return;
      after = `${m[1]}${JSON.stringify([LOCAL_BIN, "run", "--", ...(argv as string[])]).replace(/","/g, '", "')}`;
    } else {
      const words = shellWords(body);
      if (words === null || !startsAppCode(words)) return;
      after = `${m[1]}${LOCAL_BIN} run -- ${body}`;
    }
    out.push({ file, line: lastFrom + j + 1, kind: "dockerfile", before: line, after, rewrite: why === null, ...(why !== null ? { why } : {}) });
  });
  return out;
}

function systemd(file: string, text: string): LauncherStart[] {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const workdir = lines.map((l) => /^\s*WorkingDirectory\s*=\s*-?(\/\S*?)\/?\s*$/.exec(l)?.[1]).find((d) => d !== undefined);
  const out: LauncherStart[] = [];
  lines.forEach((line, i) => {
    const m = /^(\s*ExecStart\s*=\s*)([-@:+!]*)(.*?)\s*$/.exec(line);
    if (!m) return;
    const words = shellWords(m[3]!);
    if (words === null || !startsAppCode(words)) return;
    const bin = workdir !== undefined ? `${workdir}/${LOCAL_BIN}` : `<WorkingDirectory>/${LOCAL_BIN}`;
    out.push({ file, line: i + 1, kind: "systemd", before: line, after: `${m[1]}${m[2]}${bin} run -- ${m[3]}`, rewrite: workdir !== undefined, ...(workdir === undefined ? { why: "the unit sets no absolute WorkingDirectory=, where vaultshift.plan.json and node_modules/.bin/vaultshift are" } : {}) });
  });
  return out;
}

function pm2(file: string, text: string): LauncherStart[] {
  const out: LauncherStart[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const m = /^(\s*)script\s*:\s*(["'])([\w@./-]+\.[cm]?[jt]s)\2\s*(,?)\s*$/.exec(line);
    if (!m) return;
    out.push({ file, line: i + 1, kind: "pm2", before: line, after: `${m[1]}script: "${LOCAL_BIN}", args: "run -- node ${m[3]}", interpreter: "none"${m[4]}`, rewrite: false, why: "pm2 starts `script` with node itself (and forks it in cluster mode); run under vaultshift it is a plain process pm2 starts in fork mode, and any `args` of the entry go after the script in the new `args`" });
  });
  return out;
}

function compose(file: string, text: string): LauncherStart[] {
  const out: LauncherStart[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const m = /^(\s*command\s*:\s*)(.*?)\s*$/.exec(line);
    if (!m || m[2] === "") return;
    let words: string[] | null = null;
    if (m[2]!.startsWith("[")) {
      try {
        const v = JSON.parse(m[2]!.replace(/'/g, '"')) as unknown;
        if (Array.isArray(v) && v.every((a) => typeof a === "string")) words = v as string[];
      } catch {
        return;
      }
    } else words = shellWords(m[2]!.replace(/^(["'])(.*)\1$/, "$2"));
    if (words === null || !startsAppCode(words)) return;
    const after = m[2]!.startsWith("[") ? `${m[1]}${JSON.stringify([LOCAL_BIN, "run", "--", ...words]).replace(/","/g, '", "')}` : `${m[1]}${LOCAL_BIN} run -- ${words.join(" ")}`;
    out.push({ file, line: i + 1, kind: "compose", before: line, after, rewrite: false, why: "the container's working directory and packages are the image's, which the compose file does not show; the service also needs VAULT_ADDR and a token in its environment" });
  });
  return out;
}

/** Every start of the app's code by a launcher other than npm, with what to do about it. */
export function launcherStarts(root: string, exclude: readonly string[] = []): LauncherStart[] {
  const ignore = [...SKIP_DIRS.map((d) => `**/${d}/**`), ...exclude];
  const files = fg.sync(["**/Procfile", "**/Dockerfile", "**/Dockerfile.*", "**/*.Dockerfile", "**/*.service", "**/ecosystem.config.{js,cjs,mjs}", "**/{docker-,}compose*.{yml,yaml}"], { cwd: root, dot: false, onlyFiles: true, ignore, followSymbolicLinks: false }).sort();
  const out: LauncherStart[] = [];
  for (const file of files) {
    const text = read(root, file);
    if (text === null) continue;
    const base = posix.basename(file);
    if (base === "Procfile") out.push(...procfile(file, text));
    else if (/Dockerfile/.test(base)) out.push(...dockerfile(file, text, root));
    else if (base.endsWith(".service")) out.push(...systemd(file, text));
    else if (base.startsWith("ecosystem.config")) out.push(...pm2(file, text));
    else out.push(...compose(file, text));
  }
  return out;
}

/** A launcher file's text with the plan's rewrites of it made; a line that is no longer as planned stays. */
export function rewriteLauncherLines(text: string, edits: readonly Pick<LauncherStart, "line" | "before" | "after">[]): string {
  const lines = text.split("\n");
  for (const e of edits) {
    const current = lines[e.line - 1];
    if (current === undefined) continue;
    const cr = current.endsWith("\r") ? "\r" : "";
    if (current.slice(0, current.length - cr.length) === e.before) lines[e.line - 1] = `${e.after}${cr}`;
  }
  return lines.join("\n");
}

/** What the plan says about each start: rewritten by apply, or the command to use instead. */
export function launcherStartWarning(s: LauncherStart, variables: readonly string[]): { code: string; file: string; line: number; message: string } {
  const what = { procfile: "the Procfile", dockerfile: "the Dockerfile", systemd: "a systemd unit", pm2: "a pm2 ecosystem file", compose: "docker compose" }[s.kind];
  const needs = `the app reads ${variables.join(", ")} as the path of a file \`vaultshift run\` writes at run time`;
  if (s.rewrite) {
    return {
      code: "launcher-start",
      file: s.file,
      line: s.line,
      message: `${s.file}:${s.line}: ${what} starts the app (\`${s.before.trim()}\`) and ${needs}: apply runs it under \`vaultshift run\` (\`${s.after.trim()}\`; rollback restores the line). Where it runs needs VAULT_ADDR and a token that may read the app's secrets, and vaultshift.plan.json beside it.${s.kind === "systemd" ? " Install the unit again (and `systemctl daemon-reload`) where it runs." : ""}`,
    };
  }
  return {
    code: "outside-use",
    file: s.file,
    line: s.line,
    message: `${s.file}:${s.line}: ${what} starts the app (\`${s.before.trim()}\`) and ${needs}; without it the app finds no file at that path. vaultshift does not change this line: ${s.why}. Start it under \`vaultshift run\`: \`${s.after.trim()}\`.`,
  };
}
