import { resolve } from "node:path";
import type { CliIo } from "../io.js";
import { useColour } from "../io.js";
import type { ScanResult } from "../../scan/scanner.js";
import { UsageError } from "../../errors.js";

// Rendering a scan result for the CLI: picks the formatter, writes the report
// to --output or stdout, and in CI mode adds GitHub annotations and a summary.
// Shared by `scan` and the hook's output.

export type ScanFormat = "text" | "json" | "sarif";

export function parseFormat(value: string | undefined): ScanFormat {
  if (value === undefined) return "text";
  if (value === "text" || value === "json" || value === "sarif") return value;
  throw new UsageError(`--format ${value} is not a format vaultshift writes.`, {
    cause: new RangeError(value),
    hint: "Use --format text, --format json or --format sarif.",
  });
}

async function ruleMetadata(): Promise<{ id: string; description?: string; severity?: import("../../scan/types.js").Severity; docs?: string }[]> {
  try {
    // dist/src/cli/commands → dist/rules. Only SARIF needs rule descriptions.
    const mod = (await import(new URL("../../../rules/index.js", import.meta.url).href)) as { allRules?: import("../../scan/types.js").Rule[] };
    return (mod.allRules ?? []).map((r) => ({ id: r.id, description: r.description, severity: r.severity, ...(r.docs ? { docs: r.docs } : {}) }));
  } catch {
    return [];
  }
}

export async function renderScan(result: ScanResult, io: CliIo, options: { format: ScanFormat; output?: string; ci: boolean }): Promise<void> {
  const { version } = await import("../../version.js");
  const colour = !options.ci && options.output === undefined && useColour(io);
  let report: string;
  if (options.format === "json") report = (await import("../../report/scan-json.js")).formatScanJson(result, version);
  else if (options.format === "sarif") report = (await import("../../report/scan-sarif.js")).formatScanSarif(result, version, await ruleMetadata());
  else report = (await import("../../report/scan-text.js")).formatScanText(result, { colour });

  const annotations = options.ci && io.env.GITHUB_ACTIONS === "true" ? (await import("../../report/scan-github.js")).formatGithubAnnotations(result.findings) : "";
  if (options.output !== undefined) {
    const { writeFileAtomic } = await import("../../util/atomic-write.js");
    writeFileAtomic(resolve(io.cwd, options.output), report, { mkdir: true });
    io.stdout(annotations);
    const { summaryLine } = await import("../../report/scan-text.js");
    io.stdout(`${summaryLine(result, !options.ci && useColour(io))} Report: ${options.output}\n`);
    return;
  }
  io.stdout(report);
  if (options.ci && options.format !== "text") {
    // stdout holds a machine-readable report: annotations and the summary go to stderr.
    const { summaryLine } = await import("../../report/scan-text.js");
    io.stderr(`${annotations}${summaryLine(result)}\n`);
  } else if (annotations) {
    io.stdout(annotations);
  }
}
