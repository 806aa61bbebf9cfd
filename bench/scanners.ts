import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, sep } from "node:path";
import { measure, type Measured } from "./measure.js";
import { rgPatterns } from "./rg-patterns.js";

// How each tool is run on a directory, and how its output becomes a list of
// (file, line) findings that can be matched against the planted secrets.

export interface ToolFinding {
  /** Relative to the scanned directory, `/`-separated. */
  file: string;
  line: number;
  rule: string;
}

export interface ToolRun {
  tool: string;
  measured: Measured;
  findings: ToolFinding[];
  /** Bytes the tool says it read, when it says. */
  bytesScanned?: number;
  filesScanned?: number;
  /** Why a run has no figures (tool missing, crashed, timed out). */
  error?: string;
}

const toRel = (dir: string, file: string) => (isAbsolute(file) ? relative(dir, file) : file).split(sep).join("/").replace(/^\.\//, "");

function failure(tool: string, measured: Measured, what: string): ToolRun {
  const tail = measured.stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 300);
  return { tool, measured, findings: [], error: `${what}${tail ? `: ${tail}` : ""}` };
}

/** vaultshift's JSON report (docs/scanning.md): `{ findings: [{ ruleId, file, line }], summary: { bytesScanned, filesScanned } }`. */
export function parseVaultshiftJson(text: string): { findings: ToolFinding[]; bytesScanned?: number; filesScanned?: number } {
  const report = JSON.parse(text) as {
    findings?: { ruleId: string; file: string; line: number }[];
    summary?: { bytesScanned?: number; filesScanned?: number };
  };
  const findings = (report.findings ?? []).map((f) => ({ file: f.file, line: f.line, rule: f.ruleId }));
  return { findings, bytesScanned: report.summary?.bytesScanned, filesScanned: report.summary?.filesScanned };
}

/** `bin`: the vaultshift entry script to run (see build-snapshot.ts). */
export async function runVaultshift(bin: string, dir: string, args: string[] = [], tool = "vaultshift", timeoutMs = 30 * 60_000, env?: NodeJS.ProcessEnv): Promise<ToolRun> {
  const scratch = mkdtempSync(join(tmpdir(), "vs-bench-"));
  const out = join(scratch, "report.json");
  try {
    const measured = await measure(process.execPath, [bin, "scan", "--format", "json", "--output", out, ...args], {
      cwd: dir,
      timeoutMs,
      ...(env ? { env } : {}),
    });
    if (measured.timedOut) return failure(tool, measured, `timed out after ${timeoutMs / 1000} s`);
    if (measured.exitCode !== 0 && measured.exitCode !== 1) return failure(tool, measured, `exit ${measured.exitCode}`);
    if (!existsSync(out)) return failure(tool, measured, "no report written");
    return { tool, measured, ...parseVaultshiftJson(readFileSync(out, "utf8")) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** secretlint's `unix` formatter: `/abs/path:LINE:COL: [ID] message [Error/preset > rule]`. */
export function parseSecretlintUnix(text: string, dir: string): ToolFinding[] {
  const out: ToolFinding[] = [];
  for (const line of text.split("\n")) {
    const m = /^(.+?):(\d+):(\d+): .*\[\w+\/(?:.* > )?([^\]\s]+)\]$/.exec(line);
    if (m) out.push({ file: toRel(dir, m[1] as string), line: Number(m[2]), rule: (m[4] as string).replace("@secretlint/secretlint-rule-", "") });
  }
  return out;
}

export const SECRETLINT_RC = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] };

export async function runSecretlint(root: string, dir: string, rcFile: string, timeoutMs = 90 * 60_000): Promise<ToolRun> {
  const bin = join(root, "node_modules", "secretlint", "bin", "secretlint.js");
  if (!existsSync(bin)) {
    return { tool: "secretlint", measured: emptyMeasured(), findings: [], error: "not installed (devDependency secretlint; run npm ci)" };
  }
  const scratch = mkdtempSync(join(tmpdir(), "vs-bench-"));
  const out = join(scratch, "secretlint.txt");
  try {
    // --output: with a pipe, secretlint's large reports can be cut short at exit; a file is complete.
    // The unix format keeps one line per finding (json embeds every file's full text).
    const measured = await measure(
      process.execPath,
      [bin, "**/*", "--secretlintrc", rcFile, "--format", "unix", "--output", out, "--no-color", "--no-terminalLink"],
      { cwd: dir, timeoutMs },
    );
    if (measured.timedOut) return failure("secretlint", measured, `timed out after ${timeoutMs / 1000} s`);
    if (measured.exitCode !== 0 && measured.exitCode !== 1) return failure("secretlint", measured, `exit ${measured.exitCode}`);
    // No report at all means it was killed or crashed (with no findings, secretlint still writes "").
    if (!existsSync(out)) return failure("secretlint", measured, `no report written (exit ${measured.exitCode}, signal ${measured.signal ?? "none"})`);
    return { tool: "secretlint", measured, findings: parseSecretlintUnix(readFileSync(out, "utf8"), dir) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function hasRipgrep(): boolean {
  try {
    execFileSync("rg", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// The same patterns in JavaScript syntax, to tell which one a match came from
// (ripgrep does not say). Only `(?i)` differs between the two dialects here.
const jsPatterns = rgPatterns.map((p) => ({
  id: p.id,
  regex: new RegExp(p.regex.replace(/^\(\?i\)/, ""), p.regex.startsWith("(?i)") ? "i" : ""),
}));

/** `rg -o --null -n` output: `path\0LINE:match` per match. */
export function parseRgOutput(text: string, dir: string): ToolFinding[] {
  const out: ToolFinding[] = [];
  for (const line of text.split("\n")) {
    const nul = line.indexOf("\0");
    if (nul === -1) continue;
    const m = /^(\d+):(.*)$/.exec(line.slice(nul + 1));
    if (!m) continue;
    const rule = jsPatterns.find((p) => p.regex.test(m[2] as string))?.id ?? "rg";
    out.push({ file: toRel(dir, line.slice(0, nul)), line: Number(m[1]), rule });
  }
  return out;
}

export async function runRipgrep(dir: string, timeoutMs = 30 * 60_000): Promise<ToolRun> {
  if (!hasRipgrep()) {
    return { tool: "ripgrep", measured: emptyMeasured(), findings: [], error: "rg not found: install ripgrep (Debian: apt-get install ripgrep) to get the regex baseline" };
  }
  const scratch = mkdtempSync(join(tmpdir(), "vs-bench-"));
  const patterns = join(scratch, "patterns.txt");
  writeFileSync(patterns, `${rgPatterns.map((p) => p.regex).join("\n")}\n`);
  try {
    // --no-unicode: ASCII \b and \w. With Unicode word boundaries, ripgrep 13
    // leaves its DFA for a far slower engine on non-ASCII text (15x here).
    // --hidden --no-ignore: every file, like the other tools (.env is hidden).
    const measured = await measure(
      "rg",
      ["--no-config", "--no-unicode", "--hidden", "--no-ignore", "-g", "!.git", "-n", "-o", "--null", "--no-heading", "-f", patterns, "."],
      { cwd: dir, timeoutMs },
    );
    if (measured.timedOut) return failure("ripgrep", measured, `timed out after ${timeoutMs / 1000} s`);
    if (measured.exitCode !== 0 && measured.exitCode !== 1) return failure("ripgrep", measured, `exit ${measured.exitCode}`);
    return { tool: "ripgrep", measured, findings: parseRgOutput(measured.stdout, dir) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function emptyMeasured(): Measured {
  return { wallMs: NaN, peakRssKb: null, cpuMs: null, rssSource: "none", exitCode: null, signal: null, stdout: "", stderr: "", timedOut: false };
}
