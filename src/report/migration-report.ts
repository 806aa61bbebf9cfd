import { join } from "node:path";
import type { ReportInput } from "../plan/types.js";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { version } from "../version.js";
import { renderHtml } from "./migration-html.js";
import { renderMarkdown } from "./migration-markdown.js";
import { renderSarif } from "./migration-sarif.js";

// The compliance report of a migration, in four formats from one ReportInput
// (built by the pipeline from the plan and the last verification). None holds
// a secret value: the input has fingerprints and redacted labels only.

export type ReportFormat = "md" | "json" | "html" | "sarif";
export const REPORT_FORMATS: readonly ReportFormat[] = ["md", "json", "html", "sarif"];

export function renderReport(input: ReportInput, format: ReportFormat): string {
  switch (format) {
    case "md":
      return renderMarkdown(input);
    case "json":
      return `${JSON.stringify({ format: "vaultshift-migration-report", version: 1, tool: { name: "vaultshift", version }, ...input }, null, 2)}\n`;
    case "html":
      return renderHtml(input, version);
    case "sarif":
      return renderSarif(input, version);
    default:
      throw new UsageError(`Unknown report format "${String(format)}".`, { hint: `Use one of: ${REPORT_FORMATS.join(", ")}.` });
  }
}

/** Write `migration-report.{md,json,html,sarif}` into `dir` (created if missing), atomically. Returns the paths. */
export function writeReports(input: ReportInput, dir: string): string[] {
  return REPORT_FORMATS.map((format) => {
    const file = join(dir, `migration-report.${format}`);
    writeFileAtomic(file, renderReport(input, format), { mkdir: true });
    return file;
  });
}
