import type { CliIo, Command } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { UsageError } from "../../errors.js";

// `vaultshift scan`: argument handling and exit codes only; the work is
// scan() in src/scan/scanner.ts. Everything heavy is imported inside run(), so
// that `vaultshift scan --staged` in a pre-commit hook starts fast.

const help = `Usage: vaultshift scan [PATH...] [options]

Find secrets in files: the working tree (default: the current directory),
what is staged for commit, what commits added, or standard input.

What to scan (pick one; default: the working tree under PATH or .):
  PATH...                  Files or directories. .gitignore, .vaultshiftignore,
                           the config's include/exclude and the default skips
                           (node_modules, build output git does not track,
                           lockfiles, binaries) apply; committed or staged
                           build output (dist/, .next/…) is scanned; a file
                           named explicitly is scanned even if .gitignore
                           ignores it. A repository named from outside gets
                           what it tracks, as from inside; with --staged,
                           --since or --history, PATH also names the
                           repository (scan --history ../other-repo).
  --staged                 The staged content (what \`git commit\` would record).
                           Only findings on lines the commit adds are reported.
  --since REF              Lines added by the commits REF..HEAD (e.g. origin/main).
  --history                Lines added by every commit on every branch and tag
                           (a merge: the lines in none of its parents).
  -                        Standard input; --stdin-filename NAME names it (the name
                           decides .env / JavaScript / other handling).

Output:
  -f, --format text|json|sarif
                           Report format (default text). json is documented in
                           docs/scanning.md; sarif is SARIF 2.1.0 for code scanning.
  -o, --output FILE        Write the report to FILE instead of standard output.
  --ci                     CI mode: no colour, a summary line, and GitHub
                           annotations (::error file=…) when GITHUB_ACTIONS=true.

Suppression and settings:
  --baseline FILE          Ignore findings recorded in FILE (\`vaultshift baseline\`).
                           Default: the config's "baseline", else
                           .vaultshift-baseline.json here if it exists.
  --no-baseline            Report everything, baseline or not.
  -c, --config FILE        Config file (default: vaultshift.config.json,
                           .vaultshiftrc.json, .vaultshiftrc or package.json
                           "vaultshift", searched from here up to the repo root).
  --workers N              Worker threads besides the main thread, which scans
                           too (0 = scan in-process). Default: one per core but
                           one (at most 8) for scans of 2 MB+ or 5000+ files.
  A line with a \`vaultshift:allow\` comment (any comment syntax), or right
  below a comment line carrying one, is not reported.

Secret values are never printed: findings show a redacted label
(\`sk_l…(32 chars)\`) and a fingerprint.

Examples:
  vaultshift scan                                 scan the working tree
  vaultshift scan src config/.env                 scan some paths
  vaultshift scan --staged                        pre-commit check
  vaultshift scan --since origin/main --ci        CI gate on a pull request
  vaultshift scan --ci --format sarif --output vaultshift.sarif
  git diff | vaultshift scan - --stdin-filename patch.diff

Exit codes:
  0  no secrets found
  1  secrets found
  2  usage error, or an error that stopped the scan (not a git repository,
     unknown REF, invalid config)
`;

const options = {
  staged: { type: "boolean" },
  since: { type: "string" },
  history: { type: "boolean" },
  "stdin-filename": { type: "string" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  baseline: { type: "string" },
  "no-baseline": { type: "boolean" },
  config: { type: "string", short: "c" },
  ci: { type: "boolean" },
  workers: { type: "string" },
} as const;

export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`--workers ${value} is not a whole number.`, { cause: new RangeError(value), hint: "Use --workers 0 to scan in-process, or a thread count like --workers 4." });
  }
  return Number(value);
}

async function runScan(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options, "scan");
  const stdinRequested = positionals.includes("-");
  const paths = positionals.filter((p) => p !== "-");
  const modes = [values.staged && "--staged", values.since !== undefined && "--since", values.history && "--history", stdinRequested && "-"].filter(Boolean);
  if (modes.length > 1) {
    throw new UsageError(`${modes.join(" and ")} cannot be combined: each picks what to scan.`, { cause: new TypeError("conflicting modes"), hint: "Run one scan per mode." });
  }
  if (stdinRequested && paths.length > 0) {
    throw new UsageError("`-` (standard input) cannot be combined with paths.", { cause: new TypeError("stdin with paths"), hint: "Scan stdin and the paths in two runs." });
  }
  if (values["stdin-filename"] !== undefined && !stdinRequested) {
    throw new UsageError("--stdin-filename only applies when scanning standard input (`-`).", { cause: new TypeError("stdin-filename without -"), hint: "Add `-` to read standard input." });
  }
  const { parseFormat, renderScan } = await import("./scan-output.js");
  const format = parseFormat(stringOpt(values, "format"));
  const { scan } = await import("../../scan/scanner.js");
  const mode = values.staged ? "staged" : values.since !== undefined ? "since" : values.history ? "history" : stdinRequested ? "stdin" : "tree";
  const scanOptions: import("../../scan/scanner.js").ScanOptions = { cwd: io.cwd, paths, mode };
  if (mode === "since") scanOptions.since = stringOpt(values, "since")!;
  if (mode === "stdin") {
    const text = await io.readStdin();
    scanOptions.stdin = { text, filename: stringOpt(values, "stdin-filename") ?? "-" };
  }
  const configFile = stringOpt(values, "config");
  if (configFile !== undefined) scanOptions.configFile = configFile;
  const baselineFile = stringOpt(values, "baseline");
  if (baselineFile !== undefined && values["no-baseline"]) {
    throw new UsageError("--baseline and --no-baseline contradict each other.", { cause: new TypeError("both baseline flags"), hint: "Keep one of them." });
  }
  if (baselineFile !== undefined) scanOptions.baselineFile = baselineFile;
  if (values["no-baseline"]) scanOptions.baselineFile = false;
  const workers = parseWorkers(stringOpt(values, "workers"));
  if (workers !== undefined) scanOptions.workers = workers;
  const output = stringOpt(values, "output");
  if (output !== undefined) scanOptions.skipFiles = [output];
  const result = await scan(scanOptions);
  await renderScan(result, io, { format, ci: values.ci === true, ...(output !== undefined ? { output } : {}) });
  (await import("../../scan/timeline.js")).mark("report written");
  return result.findings.length > 0 ? 1 : 0;
}

export const scanCommand: Command = {
  name: "scan",
  summary: "Scan files for secrets (working tree, --staged, --since, --history, stdin)",
  help,
  run: runScan,
};
