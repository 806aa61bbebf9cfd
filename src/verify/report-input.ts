import { execFileSync } from "node:child_process";
import type { ManualAction, Plan, ReportInput, ReportKept, ReportSecret, Verification } from "../plan/types.js";
import { uncheckedOf } from "./unchecked.js";

// The compliance report's data, from the plan and the last verification:
// where each secret went, whether it was read back and can be read by the
// app's policy, what is left, and what a person still has to do. No value.

/** Files that git has ever recorded: a secret that was in one is in history and must be rotated. */
function filesInGitHistory(root: string, files: string[]): Set<string> {
  const out = new Set<string>();
  if (files.length === 0) return out;
  try {
    const log = execFileSync("git", ["log", "--all", "--format=", "--name-only", "--", ...files], { cwd: root, encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] });
    for (const line of log.split("\n")) if (line.trim()) out.add(line.trim());
  } catch {
    /* not a git repository, or git missing: history unknown */
  }
  return out;
}

/** Warning codes that are information only; every other warning leaves work for a person. */
const INFO_CODES = new Set(["duplicate-value", "in-git-history"]);

export function buildReportInput(plan: Plan, verification: Verification | null, options: { root: string; address: string | null }): ReportInput {
  const history = filesInGitHistory(options.root, [...new Set(plan.secrets.map((s) => s.source.file))]);
  const checks = new Map((verification?.secrets ?? []).map((c) => [c.id, c]));
  const secrets: ReportSecret[] = plan.secrets.map((s) => {
    const c = checks.get(s.id);
    return {
      name: s.name,
      kind: s.kind,
      confidence: s.confidence,
      reason: s.reason,
      environment: s.environment,
      source: { file: s.source.file, line: s.source.line, name: s.source.name, type: s.source.type },
      target: { ...s.target, version: c?.version ?? null },
      fingerprintPrefix: s.fingerprint.slice(0, 12),
      verified: c ? c.status === "ok" : null,
      readableByPolicy: c?.readableByPolicy ?? null,
      inGitHistory: s.inGitHistory === true || history.has(s.source.file) || s.duplicates.some((d) => history.has(d.file)),
      rotationAgeDays: null,
    };
  });
  const manualActions: ManualAction[] = [];
  for (const w of plan.warnings) {
    if (!INFO_CODES.has(w.code)) manualActions.push({ code: w.code, ...(w.file ? { file: w.file } : {}), ...(w.line ? { line: w.line } : {}), message: w.message });
  }
  const leaked = secrets.filter((s) => s.inGitHistory);
  if (leaked.length > 0) {
    manualActions.push({
      code: "rotate",
      message: `${leaked.length} secret${leaked.length === 1 ? " was" : "s were"} committed to git before the migration (${[...new Set(leaked.map((s) => s.source.file))].join(", ")}): rotate ${leaked.length === 1 ? "it" : "them"} — the old value${leaked.length === 1 ? " stays" : "s stay"} readable in history.`,
    });
  }
  // A place the plan already explained (not-migrated, vault-bootstrap…) is listed once, with the plan's reason.
  const explained = new Set(manualActions.filter((m) => m.file && m.line).map((m) => `${m.file}:${m.line}`));
  for (const f of verification?.rescan.findings ?? []) {
    if (explained.has(`${f.file}:${f.line}`)) continue;
    manualActions.push({ code: "remaining-secret", file: f.file, line: f.line, message: `${f.file}:${f.line}: a ${f.kind} (${f.redacted}) is still in the tree; migrate or remove it.` });
  }
  for (const c of [...(verification?.secrets ?? []), ...(verification?.kept ?? [])]) {
    if (c.status !== "ok") manualActions.push({ code: `vault-${c.status}`, message: `${c.target.mount}/${c.target.path}#${c.target.key} (${c.name}): ${c.message ?? c.status}.` });
  }
  for (const k of verification?.kept ?? []) {
    if (k.status === "ok" && k.readableByPolicy === false) manualActions.push({ code: "policy-unreadable", message: `${k.target.mount}/${k.target.path}#${k.target.key} (${k.name}, kept from an earlier migration): the policy ${plan.policy.name} cannot read it, so the app cannot; apply this plan's policy (vaultshift apply) and verify again.` });
  }
  const kept = keptOf(plan, verification);
  const unchecked = uncheckedOf(plan, verification);
  for (const u of unchecked) manualActions.push({ code: `${u.check}-unchecked`, message: `${u.reason}: ${u.next}.` });
  // A verification recorded before "unchecked" existed said zero-secrets without the policy check: not a pass.
  const verdict = !verification ? "incomplete" : verification.verdict === "zero-secrets" && unchecked.length > 0 ? "unchecked" : verification.verdict;
  return {
    app: plan.app,
    generatedAt: new Date().toISOString(),
    verdict,
    vault: { address: options.address, mount: plan.mount, policy: plan.policy.name },
    planId: plan.id,
    secrets,
    config: plan.config,
    files: plan.files.map((f) => ({ file: f.file, kind: f.kind, edits: f.edits })),
    warnings: plan.warnings,
    manualActions,
    rescan: verification?.rescan ?? { findings: [], filesScanned: null },
    unchecked,
    ...(kept.length > 0 ? { kept } : {}),
    totals: {
      secrets: secrets.length,
      verified: secrets.filter((s) => s.verified === true).length,
      readable: secrets.filter((s) => s.readableByPolicy === true).length,
      config: plan.config.length,
      remaining: verification?.rescan.findings.length ?? 0,
    },
  };
}


/** The carried bindings of the plan, with what the last verification found for each (nothing when none checked them). */
function keptOf(plan: Plan, verification: Verification | null): ReportKept[] {
  const checks = new Map((verification?.kept ?? []).map((k) => [`${k.name}\0${k.environment}`, k]));
  return (plan.carried ?? []).flatMap((c) => {
    const b = plan.bindings.find((x) => x.envName === c.name);
    if (!b) return [];
    return Object.entries(b.environments).map(([environment, { path }]) => {
      const k = checks.get(`${c.name}\0${environment}`);
      return { name: c.name, environment, target: { mount: b.mount, path, key: b.key, version: k?.version ?? null }, planId: c.planId, present: k ? k.status === "ok" : null, readableByPolicy: k?.readableByPolicy ?? null };
    });
  });
}
