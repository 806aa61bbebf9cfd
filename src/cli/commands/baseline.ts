import type { CliIo, Command } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";

// `vaultshift baseline`: record the current findings so that later scans
// report only new ones. Keeps the file's salt and existing entries; --prune
// drops entries the scan no longer finds.

// Same as DEFAULT_BASELINE_FILE in src/scan/baseline.ts (not imported: --help stays import-free).
const DEFAULT_BASELINE = ".vaultshift-baseline.json";

const help = `Usage: vaultshift baseline [PATH...] [--output FILE] [--prune] [--config FILE]

Write or refresh a baseline: the findings a repository accepts for now (legacy
secrets being rotated), so that \`vaultshift scan --baseline FILE\` and the CI
gate fail only on new ones.

  PATH...          What to scan (default: the working tree under .).
  --output FILE    The baseline file (default: the config's "baseline", else
                   ${DEFAULT_BASELINE}). An existing file is refreshed: its
                   salt and entries are kept, new findings are added.
  --prune          Also drop entries whose secret is no longer found (only for
                   files under PATH when paths are given).
  --config FILE    Config file (as for \`vaultshift scan\`).
  --workers N      Worker threads (0 = in-process).

The file holds, per finding, a fingerprint (HMAC-SHA-256 of rule, file and
secret under the baseline's own random salt), the rule, the file, the line it
was seen on and a redacted label; never the secret. Entries are matched by
fingerprint only, so moved lines stay accepted and a different secret in the
same place is reported. One entry per line, sorted: merges and reviews stay easy.

Examples:
  vaultshift baseline                       create or refresh ${DEFAULT_BASELINE}
  vaultshift baseline --prune               and forget what is gone
  vaultshift scan                           uses ${DEFAULT_BASELINE} when present

Exit codes: 0 baseline written, 2 usage or runtime error.
`;

const options = {
  output: { type: "string", short: "o" },
  prune: { type: "boolean" },
  config: { type: "string", short: "c" },
  workers: { type: "string" },
} as const;

async function runBaseline(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, options, "baseline");
  const { resolve, relative, sep } = await import("node:path");
  const { existsSync } = await import("node:fs");
  const { loadConfig } = await import("../../config/load.js");
  const { scanInternal } = await import("../../scan/scanner.js");
  const { emptyBaseline, readBaseline, updateBaseline, writeBaseline } = await import("../../scan/baseline.js");
  const { parseWorkers } = await import("./scan.js");

  const configFile = stringOpt(values, "config");
  const loaded = loadConfig(io.cwd, configFile);
  const output = stringOpt(values, "output");
  const file = output !== undefined ? resolve(io.cwd, output) : loaded.config.baseline !== undefined ? resolve(loaded.dir, loaded.config.baseline) : resolve(io.cwd, DEFAULT_BASELINE);
  const old = existsSync(file) ? readBaseline(file) : emptyBaseline();

  const workers = parseWorkers(stringOpt(values, "workers"));
  const result = await scanInternal({
    cwd: io.cwd,
    paths: positionals,
    mode: "tree",
    config: loaded.config,
    recordInto: old,
    skipFiles: [file],
    ...(workers !== undefined ? { workers } : {}),
  });
  const scopes = positionals.map((p) => relative(io.cwd, resolve(io.cwd, p)).split(sep).join("/")).filter((p) => p !== "");
  const inScope = (f: string) => scopes.length === 0 || scopes.some((s) => f === s || f.startsWith(`${s}/`));
  const updated = updateBaseline(old, result.findings, values.prune === true, inScope);
  writeBaseline(file, updated.baseline);
  const shown = relative(io.cwd, file) || file;
  io.stdout(
    `Baseline ${shown}: ${updated.baseline.entries.length} entr${updated.baseline.entries.length === 1 ? "y" : "ies"} (${updated.added} new${values.prune ? `, ${updated.pruned} pruned` : ""}).\n` +
      `\`vaultshift scan\` now reports only findings not in it${shown === DEFAULT_BASELINE ? "" : ` (pass --baseline ${shown})`}.\n`,
  );
  return 0;
}

export const baselineCommand: Command = {
  name: "baseline",
  summary: "Write or refresh a baseline of accepted findings",
  help,
  run: runBaseline,
};
