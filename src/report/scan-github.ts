import type { Finding } from "../scan/types.js";

// GitHub Actions workflow commands: `::error file=…,line=…::message` lines
// become annotations on the pull request
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message).
// Escaping follows @actions/core (command.ts): data escapes % CR LF; property
// values also escape `:` and `,`.

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function githubAnnotation(f: Finding): string {
  const level = f.severity === "low" ? "warning" : "error";
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `endLine=${f.endLine}`,
    `col=${f.column}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(`vaultshift: ${f.ruleId}`)}`,
  ].join(",");
  const commit = f.commit ? ` (added in commit ${f.commit.slice(0, 12)})` : "";
  return `::${level} ${props}::${escapeData(`${f.kind} ${f.redacted}: ${f.reason}${commit}. Move it to Vault (vaultshift migrate) or mark an accepted one with a vaultshift:allow comment.`)}`;
}

export function formatGithubAnnotations(findings: Finding[]): string {
  return findings.map((f) => `${githubAnnotation(f)}\n`).join("");
}
