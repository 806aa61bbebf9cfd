import type { ReportInput } from "../plan/types.js";
import { summarize, vaultLocation, yesNo } from "./migration-summary.js";

// The compliance report as Markdown: readable in a pull request or a wiki,
// with the same sections as the HTML report. Every cell is escaped, so a file
// name or message cannot break a table or inject markup.

/** Escape for a GFM table cell or inline text: pipes, HTML, emphasis, newlines. */
export function md(text: string | number): string {
  return String(text)
    .replace(/\\/g, "\\\\")
    .replace(/[|*_`[\]<>#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ");
}

function code(text: string): string {
  // Inline code cannot hold escapes; a backtick in the text gets a longer fence.
  const t = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  return t.includes("`") ? `\`\` ${t} \`\`` : `\`${t}\``;
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function renderMarkdown(input: ReportInput): string {
  const s = summarize(input);
  const icon = s.verdict.tone === "good" ? "✅" : s.verdict.tone === "bad" ? "❌" : "⚠️";
  const out: string[] = [];
  out.push(`# Migration report: ${md(input.app)}`, "");
  out.push(`${icon} **${md(s.verdict.title)}.** ${md(s.verdict.detail)}`, "");
  if (s.inHistory.length > 0) out.push(`> **Rotate ${s.inHistory.length} secret${s.inHistory.length === 1 ? "" : "s"}:** still in git history, readable by anyone with a clone.`, "");
  out.push(
    table(
      ["", ""],
      [
        ["Secrets moved to Vault", md(input.totals.secrets)],
        ["Verified (read back, fingerprint matches)", md(input.totals.verified)],
        ["Readable with the app's policy", input.secrets.some((x) => x.readableByPolicy !== null) ? md(input.totals.readable) : "not checked"],
        ...((input.kept ?? []).length > 0 ? [["Kept from earlier migrations (still read from Vault)", md(new Set(input.kept!.map((k) => k.name)).size)]] : []),
        ["Left as plain config", md(input.totals.config)],
        ["Secrets the re-scan still finds", md(input.rescan.findings.length)],
        ["Manual actions", md(input.manualActions.length)],
        ["Secrets in git history (rotate)", md(s.inHistory.length)],
      ],
    ),
    "",
  );
  out.push(
    `Generated ${md(input.generatedAt)} · plan ${code(input.planId.slice(0, 12))} · Vault ${input.vault.address ? code(input.vault.address) : "not recorded"} · mount ${code(input.vault.mount)} · policy ${code(input.vault.policy)}`,
    "",
  );

  if (s.byKind.length > 0) {
    out.push("## Secrets by kind", "", table(["Kind", "Count", ...s.environmentNames.map(md)], s.byKind.map((k) => [md(k.kind), md(k.count), ...s.environmentNames.map((e) => md(k.byEnvironment[e] ?? 0))])), "");
  }
  for (const env of s.environments) {
    out.push(`## Environment: ${md(env.name)}`, "");
    out.push(
      table(
        ["Variable", "Kind", "Source", "Vault location", "Version", "Fingerprint", "Verified", "App policy", "Git history"],
        env.secrets.map((x) => [
          code(x.name),
          md(x.kind),
          `${code(`${x.source.file}:${x.source.line}`)} ${md(x.source.type === "literal" ? "(hard-coded)" : x.source.type === "file" ? `(a file ${x.source.name} names: deleted, written by vaultshift run at run time)` : "")}`.trim(),
          code(vaultLocation(x)),
          md(x.target.version ?? "–"),
          code(x.fingerprintPrefix),
          md(yesNo(x.verified)),
          md(yesNo(x.readableByPolicy)),
          md(x.inGitHistory === true ? "yes: rotate" : x.inGitHistory === false ? "no" : "not checked"),
        ]),
      ),
      "",
    );
  }
  const kept = input.kept ?? [];
  if (kept.length > 0) {
    out.push("## Kept from earlier migrations", "", "Moved to Vault by an earlier plan; the app still reads them from there. Checked for presence and for the app's policy, not by value: they may have been rotated since.", "");
    out.push(table(["Variable", "Environment", "Vault location", "Version", "In Vault", "App policy", "Moved by plan"], kept.map((k) => [code(k.name), md(k.environment), code(vaultLocation(k)), md(k.target.version ?? "–"), md(yesNo(k.present)), md(yesNo(k.readableByPolicy)), code(k.planId.slice(0, 12))])), "");
  }
  if (input.rescan.findings.length > 0) {
    out.push("## Still in the working tree", "", "The re-scan after the migration found these; move or remove them, then run `vaultshift verify`.", "");
    out.push(table(["File", "Rule", "Kind", "Secret"], input.rescan.findings.map((f) => [code(`${f.file}:${f.line}`), md(f.ruleId), md(f.kind), code(f.redacted)])), "");
  }
  if (s.inHistory.length > 0) {
    out.push("## Rotate: still in git history", "", "Removing a secret from the working tree does not remove it from past commits. Issue a new value at the provider, write it to Vault, and revoke the old one.", "");
    out.push(table(["Variable", "Environment", "Vault location"], s.inHistory.map((x) => [code(x.name), md(x.environment), code(vaultLocation(x))])), "");
  }
  if (input.manualActions.length > 0) {
    out.push("## Needs manual action", "");
    for (const a of input.manualActions) out.push(`- ${a.file ? `${code(a.line ? `${a.file}:${a.line}` : a.file)}: ` : ""}${md(a.message)}`);
    out.push("");
  }
  if (input.config.length > 0) {
    out.push("## Left as plain config", "");
    out.push(table(["Variable", "File", "Why"], input.config.map((c) => [code(c.name), code(`${c.file}:${c.line}`), md(`${c.verdict === "public" ? "public: " : ""}${c.reason}`)])), "");
  }
  if (input.files.length > 0) {
    out.push("## Files changed", "", table(["File", "Change", "Edits"], input.files.map((f) => [code(f.file), md(f.kind), md(f.edits)])), "");
  }
  if (input.warnings.length > 0) {
    out.push("## Warnings", "");
    for (const w of input.warnings) out.push(`- ${md(w.code)}${w.file ? ` ${code(w.line ? `${w.file}:${w.line}` : w.file)}` : ""}: ${md(w.message)}`);
    out.push("");
  }
  out.push("---", "", "This report holds no secret value: fingerprints are prefixes of HMAC-SHA-256 digests keyed with the plan's own salt.", "");
  return out.join("\n");
}
