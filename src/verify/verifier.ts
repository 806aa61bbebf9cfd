import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scanTreeAndIgnoredConfig } from "../scan/ignored-config-files.js";
import { envNamedFiles } from "../map/env-path-values.js";
import { isEnvFile } from "../map/environment.js";
import { isOwnOutput } from "../scan/own-outputs.js";
import type { Finding } from "../scan/types.js";
import { collectCandidates, type Classifier } from "../classify/candidates.js";
import { templateCopies } from "../classify/template-copies.js";
import { fingerprint } from "../util/fingerprint.js";
import { redact } from "../util/redact.js";
import { dataPath, type KvStore } from "../apply/kv-store.js";
import type { KeptCheck, Plan, SecretCheck, UncheckedCheck, Verification, VerifyOptions } from "../plan/types.js";
import { policyCheckHelp } from "./unchecked.js";
import { SECRET_FILE_MAX_BYTES, secretFileRoundTrip } from "../plan/secret-files.js";

// verify(): prove the migration. Every secret is read back from Vault and
// compared by fingerprint; a token holding only the app's policy must be able
// to read every path (sys/capabilities-self); and the tree is scanned again.
// "zero-secrets" only when all three hold; a check that could not run (the
// token may not test the policy, a file the re-scan could not read) makes the
// verdict "unchecked", with why and what to do, never a pass.

export interface VerifierOptions extends VerifyOptions {
  store: KvStore;
  classify?: Classifier;
}

export interface Rescan {
  findings: Finding[];
  filesScanned: number | null;
  /** Files (or directories) the re-scan could not look into: what is there is unknown. */
  notRead: string[];
}

/** Skip reasons that mean "not looked at", unlike a binary, a lockfile or a symlink, which hold no source secret by design. */
const NOT_LOOKED_AT = ["unreadable", "engine-error"] as const;

/**
 * `copyOf`, when given, recognises the value of a secret the plan moved (by its fingerprint):
 * a .env template still holding one (classify/template-copies.ts) counts as a secret left.
 */
export async function rescan(root: string, classify?: Classifier, sources: string[] = [], copyOf?: (value: string) => string | undefined): Promise<Rescan> {
  // With the git-ignored configuration files (ignored-config-files.ts): a password left in
  // config.production.json is a secret left, though git never shows it.
  const result = await scanTreeAndIgnoredConfig(root, new Set(sources), envNamedFiles(root, sources.filter(isEnvFile), SECRET_FILE_MAX_BYTES));
  const notRead: string[] = [];
  if (NOT_LOOKED_AT.some((r) => (result.stats.skipped[r] ?? 0) > 0)) {
    // The notes name them ("src/x.ts: cannot be read (EACCES), skipped"); a count when they were cut.
    const named = result.stats.notes.filter((n) => /: (cannot be read|directory cannot be read|the scanner failed on this file) /.test(n));
    const count = NOT_LOOKED_AT.reduce((k, r) => k + (result.stats.skipped[r] ?? 0), 0);
    notRead.push(...named.map((n) => n.replace(/, skipped$/, "")));
    if (named.length < count) notRead.push(`${count - named.length} more file${count - named.length === 1 ? "" : "s"}`);
  }
  // The files the secrets came from (.env files are often git-ignored, so the tree scan may not list them):
  // one that exists but cannot be read would look clean.
  for (const file of sources) {
    try {
      readFileSync(join(root, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      if (code !== "ENOENT" && code !== "ENOTDIR") notRead.push(`${file}: cannot be read (${code})`);
    }
  }
  // The scanner skips vaultshift's own outputs (plan, baseline, reports) by default;
  // filtering again keeps them out when a config sets "defaultExcludes": false.
  const findings = result.findings.filter((f) => !isOwnOutput(f.file));
  // .env files are usually git-ignored, so the tree scan may skip them; a secret left in one still counts.
  const seen = new Set(findings.map((f) => `${f.file}:${f.line}`));
  const left = collectCandidates(root, classify ? { classify } : {});
  for (const c of [...left.secrets, ...(left.kept ?? [])]) {
    if (c.source.type !== "dotenv" || seen.has(`${c.source.file}:${c.source.line}`)) continue;
    findings.push({
      ruleId: "dotenv-secret",
      kind: c.kind,
      severity: "high",
      confidence: c.confidence,
      file: c.source.file,
      line: c.source.line,
      column: c.source.column,
      endLine: c.source.line,
      endColumn: c.source.column + c.name.length,
      fingerprint: fingerprint("vaultshift-rescan", c.source.file, c.value),
      redacted: redact(c.value),
      reason: c.reason,
      name: c.name,
    });
  }
  // Secrets in .env files outside any entry (a commented-out key, a JSON .env.json): counted as well.
  for (const st of left.strays ?? []) {
    if (seen.has(`${st.file}:${st.line}`)) continue;
    seen.add(`${st.file}:${st.line}`);
    findings.push({ ruleId: st.ruleId, kind: st.kind, severity: "high", confidence: st.confidence, file: st.file, line: st.line, column: st.column, endLine: st.line, endColumn: st.column + st.value.length, fingerprint: fingerprint("vaultshift-rescan", st.file, st.value), redacted: redact(st.value), reason: st.reason });
  }
  for (const t of copyOf ? templateCopies(root, copyOf, new Set(sources)) : []) {
    if (seen.has(`${t.file}:${t.line}`)) continue;
    seen.add(`${t.file}:${t.line}`);
    findings.push({ ruleId: "dotenv-secret-copy", kind: "generic-secret", severity: "high", confidence: 1, file: t.file, line: t.line, column: t.column, endLine: t.line, endColumn: t.column + t.name.length, fingerprint: fingerprint("vaultshift-rescan", t.file, t.value), redacted: redact(t.value), reason: `the value of ${t.copyOf}, which moved to Vault`, name: t.name });
  }
  return { findings, filesScanned: result.stats.filesScanned, notRead: [...new Set(notRead)] };
}

export async function verifyPlan(plan: Plan, options: VerifierOptions): Promise<Verification> {
  const { store } = options;
  const progress = options.onProgress ?? (() => {});
  const reads = new Map<string, Promise<Record<string, unknown> | Error | null>>();
  const readPath = (mount: string, path: string) => {
    const id = `${mount}/${path}`;
    if (!reads.has(id)) reads.set(id, store.read(mount, path).then((r) => r?.data ?? null, (e: Error) => e));
    return reads.get(id)!;
  };

  const checks: SecretCheck[] = [];
  let i = 0;
  for (const s of plan.secrets) {
    progress({ stage: "verify", step: ++i, total: plan.secrets.length, message: `reading back ${s.target.mount}/${s.target.path}#${s.target.key}` });
    const data = await readPath(s.target.mount, s.target.path);
    const check: SecretCheck = { id: s.id, name: s.name, target: s.target, version: null, status: "ok", readableByPolicy: null };
    if (data instanceof Error) {
      check.status = "error";
      check.message = `could not read it: ${data.message}`;
    } else if (data === null || typeof data[s.target.key] !== "string") {
      check.status = "missing";
      check.message = "not in Vault";
    } else if (fingerprint(plan.salt, data[s.target.key] as string) !== s.fingerprint) {
      check.status = "mismatch";
      check.message = "Vault holds a different value than the one migrated";
    } else {
      const problem = secretFileRoundTrip(plan, s, data[s.target.key] as string);
      if (problem !== null) {
        check.status = "mismatch";
        check.message = problem;
      }
    }
    checks.push(check);
  }
  // What earlier migrations moved and this plan keeps reading: still there? (No fingerprint: it may have been rotated.)
  const kept = await keptChecks(plan, readPath, progress);
  // Versions, for the report.
  const located = [...checks, ...kept];
  for (const t of new Map(located.map((c) => [`${c.target.mount}/${c.target.path}`, c.target])).values()) {
    const meta = await store.metadata(t.mount, t.path).catch(() => null);
    for (const c of located) if (c.target.mount === t.mount && c.target.path === t.path) c.version = meta?.currentVersion ?? null;
  }

  // Can the app's policy read them?
  const policy: Verification["policy"] = { name: plan.policy.name, checked: false };
  const paths = [...new Set([...plan.targets.map((t) => dataPath(t.mount, t.path)), ...kept.map((c) => dataPath(c.target.mount, c.target.path))])];
  if (paths.length > 0) {
    progress({ stage: "verify", step: 1, total: 1, message: `checking that the policy ${plan.policy.name} can read ${paths.length} paths` });
    // A policy that does not exist grants nothing: no need for a token to know the app cannot read.
    const exists = await store.readPolicy(plan.policy.name).then(
      (text) => text !== null,
      () => null,
    );
    if (exists === false) {
      for (const c of located) c.readableByPolicy = false;
      policy.message = `the policy ${plan.policy.name} does not exist in Vault, so the app cannot read its secrets; write it (it is in the plan under "policy")`;
    } else try {
      const caps = await store.policyCapabilities(plan.policy.name, paths);
      const readable = new Map(paths.map((p, k) => [p, (caps[k] ?? []).some((c) => c === "read" || c === "root")]));
      for (const c of located) c.readableByPolicy = readable.get(dataPath(c.target.mount, c.target.path)) ?? false;
      policy.checked = true;
    } catch (error) {
      policy.message = `the policy could not be checked: ${(error as Error).message}`;
    }
  }
  const unchecked: UncheckedCheck[] = [];
  if (paths.length > 0 && !policy.checked && located.some((c) => c.readableByPolicy === null)) {
    unchecked.push({
      check: "policy",
      reason: `whether the policy ${plan.policy.name} lets the app read its ${paths.length} Vault path${paths.length === 1 ? "" : "s"} was not checked (${policy.message ?? "no reason given"})`,
      next: policyCheckHelp(plan.policy.name, paths),
    });
  }

  progress({ stage: "verify", step: 1, total: 1, message: "scanning the tree again" });
  const movedByFingerprint = new Map(plan.secrets.map((s) => [s.fingerprint, s.name]));
  const copyOf = (value: string) => movedByFingerprint.get(fingerprint(plan.salt, value));
  const { notRead, ...again } = await rescan(options.root, options.classify, [...new Set(plan.secrets.flatMap((s) => [s.source.file, ...s.duplicates.map((d) => d.file)]))], copyOf);
  if (notRead.length > 0) {
    unchecked.push({
      check: "rescan",
      reason: `the re-scan could not read ${notRead.length === 1 ? "a file" : `${notRead.length} places`}, so a secret there would not be seen: ${notRead.slice(0, 5).join("; ")}${notRead.length > 5 ? `; and ${notRead.length - 5} more` : ""}`,
      next: "make them readable by the user running vaultshift (or remove them), then run vaultshift verify again",
    });
  }

  const allOk = located.every((c) => c.status === "ok" && c.readableByPolicy !== false);
  const verdict = !allOk ? "incomplete" : again.findings.length > 0 ? "secrets-remaining" : unchecked.length > 0 ? "unchecked" : "zero-secrets";
  return { planId: plan.id, verifiedAt: new Date().toISOString(), verdict, secrets: checks, ...(kept.length > 0 ? { kept } : {}), rescan: again, policy, unchecked };
}

/** One check per environment of each carried binding: the app reads each of those locations. */
async function keptChecks(plan: Plan, readPath: (mount: string, path: string) => Promise<Record<string, unknown> | Error | null>, progress: NonNullable<VerifyOptions["onProgress"]>): Promise<KeptCheck[]> {
  const kept: KeptCheck[] = [];
  const carried = plan.carried ?? [];
  let i = 0;
  for (const c of carried) {
    const b = plan.bindings.find((x) => x.envName === c.name);
    if (!b) continue;
    progress({ stage: "verify", step: ++i, total: carried.length, message: `checking that ${c.name}, kept from an earlier migration, is still in Vault` });
    for (const [environment, { path }] of Object.entries(b.environments)) {
      const target = { mount: b.mount, path, key: b.key };
      const data = await readPath(b.mount, path);
      const check: KeptCheck = { name: c.name, environment, target, planId: c.planId, version: null, status: "ok", readableByPolicy: null };
      if (data instanceof Error) {
        check.status = "error";
        check.message = `could not read it: ${data.message}`;
      } else if (data === null || typeof data[b.key] !== "string") {
        check.status = "missing";
        check.message = `not in Vault, yet the app reads it from there (moved by plan ${c.planId.slice(0, 8)}): put the value back (vault kv patch -mount=${b.mount} ${path} ${b.key}=…) or, if the app no longer needs it, drop its read from the code and plan again`;
      }
      kept.push(check);
    }
  }
  return kept;
}
