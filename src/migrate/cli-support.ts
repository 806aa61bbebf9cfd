import type { CliIo } from "../cli/io.js";
import type { OptionSpec, ParsedArgs } from "../cli/args.js";
import { stringOpt } from "../cli/args.js";
import { connectionFromEnv } from "../apply/vault-store.js";
import type { ApplyResult, Plan, ProgressListener, VaultConnection, Verification } from "../plan/types.js";

// What the pipeline commands share: Vault flags, progress lines, summaries.
// Tokens never come from flags (they would show in `ps` and shell history):
// VAULT_TOKEN, ~/.vault-token, or AppRole variables, as the Vault CLI.

export const VAULT_OPTIONS: OptionSpec = {
  "vault-addr": { type: "string" },
  "vault-namespace": { type: "string" },
};

export const VAULT_HELP = `Vault connection (as the Vault CLI): VAULT_ADDR, VAULT_TOKEN (else ~/.vault-token),
VAULT_NAMESPACE, VAULT_CACERT, or AppRole with VAULT_ROLE_ID + VAULT_SECRET_ID.
  --vault-addr URL         overrides VAULT_ADDR
  --vault-namespace NS     overrides VAULT_NAMESPACE`;

export function vaultConnection(values: ParsedArgs["values"], io: CliIo): VaultConnection {
  const addr = stringOpt(values, "vault-addr");
  const ns = stringOpt(values, "vault-namespace");
  return connectionFromEnv(io.env, { ...(addr ? { address: addr } : {}), ...(ns ? { namespace: ns } : {}) });
}

/** One line per event on stderr, so stdout stays for results. */
export function progressPrinter(io: CliIo): ProgressListener {
  return (e) => {
    const count = e.total > 1 ? ` ${e.step}/${e.total}` : "";
    io.stderr(`[${e.stage}${count}] ${e.message}\n`);
  };
}

export function planSummary(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`Plan ${plan.id.slice(0, 8)} for ${plan.app}: ${plan.secrets.length} secret${plan.secrets.length === 1 ? "" : "s"} → ${plan.targets.length} Vault path${plan.targets.length === 1 ? "" : "s"} under ${plan.mount}/, ${plan.config.length} config value${plan.config.length === 1 ? "" : "s"} stay, ${plan.files.length} file${plan.files.length === 1 ? "" : "s"} change.`);
  for (const s of plan.secrets) {
    if (s.source.type === "file") lines.push(`  ${s.source.file} (the file ${s.name} names; ${s.kind}, ${s.redacted}) → ${s.target.mount}/${s.target.path}#${s.target.key}`);
    else lines.push(`  ${s.source.file}:${s.source.line} ${s.name} (${s.kind}, ${s.redacted}) → ${s.target.mount}/${s.target.path}#${s.target.key}`);
  }
  for (const c of plan.carried ?? []) {
    const b = plan.bindings.find((x) => x.envName === c.name);
    const where = b ? [...new Set(Object.values(b.environments).map((e) => `${b.mount}/${e.path}#${b.key}`))].join(", ") : "";
    lines.push(`  kept ${c.name} → ${where} (moved by plan ${c.planId.slice(0, 8)}: still read from Vault, not written again)`);
  }
  for (const f of plan.files) {
    if (f.kind === "secret-file") lines.push(`  delete ${f.file} (secret file: its content moves to Vault, \`vaultshift run\` writes it at run time; rollback restores it)`);
    else lines.push(`  ${f.beforeHash === null ? "create" : "change"} ${f.file} (${f.kind})`);
  }
  if (plan.warnings.length > 0) {
    lines.push(`Warnings (${plan.warnings.length}):`);
    for (const w of plan.warnings) lines.push(`  ${w.code}: ${w.message}`);
  }
  return `${lines.join("\n")}\n`;
}

export function applySummary(r: ApplyResult): string {
  if (r.alreadyApplied) return `Plan ${r.planId.slice(0, 8)} is already applied: nothing changed.\n`;
  const lines: string[] = [];
  const verb = r.dryRun ? "would write" : "wrote";
  for (const w of r.writes) {
    lines.push(`  ${w.skipped ? "unchanged" : verb} ${w.mount}/${w.path} [${w.keys.join(", ")}] ${r.dryRun ? `(check-and-set at version ${w.versionBefore})` : `version ${w.versionBefore} → ${w.version ?? "?"}`}`);
  }
  for (const f of r.files) lines.push(`  ${f.changed ? (r.dryRun ? "would change" : "changed") : "unchanged"} ${f.file}`);
  if (!r.dryRun) lines.push(`  policy ${r.policy.name}: ${r.policy.written ? "written" : "already up to date"}`);
  return `${r.dryRun ? "Dry run, nothing was changed:" : "Applied:"}\n${lines.join("\n")}\n`;
}

function nextSteps(v: Verification, check: "policy" | "rescan"): string[] {
  return (v.unchecked ?? []).filter((u) => u.check === check).map((u) => `    what to do: ${u.next}`);
}

export function verificationSummary(v: Verification): string {
  const ok = v.secrets.filter((s) => s.status === "ok").length;
  const readable = v.secrets.filter((s) => s.readableByPolicy === true).length;
  const lines = [
    `Verdict: ${v.verdict}`,
    `  ${ok}/${v.secrets.length} secrets read back from Vault and matched their fingerprints`,
    `  ${v.policy.checked ? `${readable}/${v.secrets.length} readable with the policy ${v.policy.name}` : `policy ${v.policy.name} not checked${v.policy.message ? `: ${v.policy.message}` : ""}`}`,
    ...nextSteps(v, "policy"),
    `  re-scan: ${v.rescan.findings.length} secret${v.rescan.findings.length === 1 ? "" : "s"} left in the tree`,
    ...(v.unchecked ?? []).filter((u) => u.check === "rescan").map((u) => `    but ${u.reason}`),
    ...nextSteps(v, "rescan"),
  ];
  const kept = v.kept ?? [];
  if (kept.length > 0) {
    const there = kept.filter((k) => k.status === "ok").length;
    const keptReadable = kept.filter((k) => k.readableByPolicy === true).length;
    lines.splice(3, 0, `  ${there}/${kept.length} kept from earlier migrations still in Vault${v.policy.checked ? `, ${keptReadable}/${kept.length} readable with the policy` : ""} (not compared by value: they may have been rotated)`);
  }
  for (const s of [...v.secrets, ...kept].filter((x) => x.status !== "ok")) lines.push(`  ${s.name} → ${s.target.mount}/${s.target.path}#${s.target.key}: ${s.status}${s.message ? ` (${s.message})` : ""}`);
  for (const k of kept.filter((x) => x.status === "ok" && x.readableByPolicy === false)) lines.push(`  ${k.name} → ${k.target.mount}/${k.target.path}#${k.target.key}: kept, but the policy ${v.policy.name} cannot read it`);
  for (const f of v.rescan.findings) lines.push(`  left: ${f.file}:${f.line} ${f.kind} ${f.redacted}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Ask a yes/no question on the terminal. Only when both stdin and stdout are
 * terminals; otherwise (CI, pipes, tests) the answer is no, and the command
 * explains that --yes is needed.
 */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (!io.isTTY || !process.stdin.isTTY) return false;
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
