import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../scan/types.js";

// Findings carry no value (src/scan/types.ts), but a redacted diff has to
// hide every secret a changed file holds, the ones vaultshift leaves where
// they are included: package.json gains a dependency, and its diff's context
// lines may show a secret in its `config` block. The value is read back from
// the file, where the finding says it is.

type Span = Pick<Finding, "file" | "line" | "column" | "endLine" | "endColumn">;

/** The text a finding covers, from its file (1-based lines and columns, end column exclusive); "" when it cannot be read. */
export function findingText(root: string, f: Span, cache = new Map<string, string[] | null>()): string {
  let lines = cache.get(f.file);
  if (lines === undefined) {
    try {
      lines = readFileSync(join(root, f.file), "utf8").split("\n");
    } catch {
      lines = null;
    }
    cache.set(f.file, lines);
  }
  if (lines === null) return "";
  const span = lines.slice(f.line - 1, f.endLine);
  if (span.length === 0) return "";
  if (span.length === 1) return span[0]!.slice(f.column - 1, f.endColumn - 1);
  span[0] = span[0]!.slice(f.column - 1);
  span[span.length - 1] = span[span.length - 1]!.slice(0, f.endColumn - 1);
  return span.join("\n");
}
