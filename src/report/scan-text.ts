import type { Finding } from "../scan/types.js";
import { plural } from "../util/plural.js";
import type { ScanResult, ScanStats } from "../scan/scanner.js";

// The human report: findings grouped by file, one per line
// (`line:col  ruleId  kind  redacted  reason`), then a summary line. Colour
// only when the caller says so (a TTY with NO_COLOR unset, see useColour).

const codes = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 } as const;
type Style = keyof typeof codes;

function painter(colour: boolean) {
  return (style: Style, text: string) => (colour ? `\u001b[${codes[style]}m${text}\u001b[0m` : text);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** `scanned 120 files (1.2 MB) in 85 ms; skipped 2 binary, 1 too-large; 3 suppressed` */
export function describeStats(stats: ScanStats): string {
  const parts = [`scanned ${plural(stats.filesScanned, stats.mode === "since" || stats.mode === "history" ? "change" : "file")} (${formatBytes(stats.bytesScanned)})`];
  if (stats.commitsScanned !== undefined) parts[0] += ` from ${plural(stats.commitsScanned, "commit")}`;
  parts[0] += ` in ${stats.durationMs} ms`;
  const skipped = Object.entries(stats.skipped).filter(([, n]) => n);
  if (skipped.length) parts.push(`skipped ${skipped.map(([k, n]) => `${n} ${k}`).join(", ")}`);
  const sup = stats.suppressed;
  const suppressed = [
    sup.inline && `${sup.inline} by vaultshift:allow`,
    sup.allowlist && `${sup.allowlist} by allowlist`,
    sup.baseline && `${sup.baseline} by baseline`,
  ].filter(Boolean);
  if (suppressed.length) parts.push(`suppressed ${suppressed.join(", ")}`);
  return parts.join("; ");
}

export function summaryLine(result: ScanResult, colour = false): string {
  const paint = painter(colour);
  const n = result.findings.length;
  if (n === 0) return `${paint("green", "✔")} No secrets found: ${describeStats(result.stats)}.`;
  const files = new Set(result.findings.map((f) => f.file)).size;
  return `${paint("red", "✖")} ${paint("bold", `${plural(n, "secret")} in ${plural(files, "file")}`)}: ${describeStats(result.stats)}.`;
}

/** What to do about findings, in the words of the mode the user ran. */
export function nextSteps(mode: ScanStats["mode"]): string {
  const fix = "Move secrets to Vault (`vaultshift migrate`) and rotate them; mark a false positive with a `vaultshift:allow` comment, or accept known ones with `vaultshift baseline`.";
  if (mode === "staged") return `  Commit blocked. Unstage or remove the secret. ${fix}\n  To commit anyway: git commit --no-verify`;
  if (mode === "since" || mode === "history") return `  These secrets are in the git history: rotate them (removing the line does not remove the commit). ${fix}`;
  return `  ${fix}`;
}

export function formatScanText(result: ScanResult, options: { colour?: boolean } = {}): string {
  const paint = painter(options.colour ?? false);
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  let out = "";
  for (const [file, findings] of byFile) {
    out += `${paint("bold", file)}\n`;
    const locs = findings.map((f) => `${f.line}:${f.column}`);
    const locWidth = Math.max(...locs.map((l) => l.length));
    const ruleWidth = Math.max(...findings.map((f) => f.ruleId.length));
    const what = findings.map((f) => (f.name ? `${f.kind} ${f.name}` : f.kind));
    const whatWidth = Math.max(...what.map((w) => w.length));
    findings.forEach((f, i) => {
      const sev = f.severity === "critical" || f.severity === "high" ? "red" : "yellow";
      const commit = f.commit ? `  ${paint("dim", `commit ${f.commit.slice(0, 12)}`)}` : "";
      out += `  ${paint("dim", locs[i]!.padEnd(locWidth))}  ${paint(sev, f.ruleId.padEnd(ruleWidth))}  ${what[i]!.padEnd(whatWidth)}  ${paint("cyan", f.redacted)}  ${f.reason}${commit}\n`;
    });
    out += "\n";
  }
  for (const note of result.stats.notes) out += `${paint("yellow", "note:")} ${note}\n`;
  out += `${summaryLine(result, options.colour ?? false)}\n`;
  if (result.findings.length > 0) out += `${nextSteps(result.stats.mode)}\n`;
  return out;
}
