import { resolve } from "node:path";
import type { Command } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { UsageError } from "../../errors.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { loadReportInput, writeReportFiles } from "../../migrate/index.js";
import { renderReport } from "../../report/migration-report.js";

const FORMATS = ["md", "json", "html", "sarif"] as const;
type Format = (typeof FORMATS)[number];

export const reportCommand: Command = {
  name: "report",
  summary: "Write the compliance report (Markdown, JSON, HTML, SARIF) of the last migration",
  help: `Usage: vaultshift report [PATH] [--format md|json|html|sarif] [--output FILE]

Renders the last migration of PATH (default: the current directory) from its
plan and last verification: where each secret went (Vault path, version,
fingerprint prefix), whether it was read back and is readable by the app's
policy, what the re-scan found, and what is left to do by hand. No value.
Without --format, writes every format to PATH/reports/.

Options:
  --format FORMAT          md, json, html or sarif: one format, to stdout or --output
  --output FILE            where to write it
Exit codes: 0 verdict "zero-secrets", 1 any other verdict ("unchecked": a
check could not run), 2 error.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: "string" }, output: { type: "string", short: "o" } }, "report");
    if (positionals.length > 1) throw new UsageError(`report takes one PATH, got ${positionals.length}.`);
    const root = resolve(io.cwd, positionals[0] ?? ".");
    const format = stringOpt(values, "format");
    if (format !== undefined && !FORMATS.includes(format as Format)) throw new UsageError(`Unknown report format "${format}"; use one of ${FORMATS.join(", ")}.`);
    const input = loadReportInput({ root, env: io.env, address: io.env.VAULT_ADDR ?? null });
    if (format === undefined) {
      const files = await writeReportFiles(input, resolve(root, "reports"));
      io.stdout(`Verdict: ${input.verdict}\n${files.map((f) => `  wrote ${f}`).join("\n")}\n`);
    } else {
      const text = renderReport(input, format as Format);
      const output = stringOpt(values, "output");
      if (output) {
        writeFileAtomic(resolve(io.cwd, output), text, { mkdir: true });
        io.stdout(`Verdict: ${input.verdict}\n  wrote ${resolve(io.cwd, output)}\n`);
      } else io.stdout(text);
    }
    return input.verdict === "zero-secrets" ? 0 : 1;
  },
};
