import type { ReportInput, ReportSecret, Verdict } from "../plan/types.js";
import { plural } from "../util/plural.js";
import type { SecretKind } from "../scan/types.js";

// What every migration report format says, computed once: the verdict in
// words, the counts, secrets grouped by environment and by kind, and what a
// person still has to do. Renderers only lay it out.

export interface VerdictText {
  verdict: Verdict;
  /** Short: "Zero secrets left". */
  title: string;
  /** One sentence a reviewer can quote. */
  detail: string;
  tone: "good" | "bad" | "warn";
}

export interface ReportSummary {
  verdict: VerdictText;
  environments: { name: string; secrets: ReportSecret[] }[];
  byKind: { kind: SecretKind; count: number; byEnvironment: Record<string, number> }[];
  inHistory: ReportSecret[];
  unverified: ReportSecret[];
  notReadable: ReportSecret[];
  /** Distinct environments in display order (development first, production last, shared at the end). */
  environmentNames: string[];
}

const ENV_ORDER = ["development", "dev", "local", "test", "staging", "preview", "production", "prod"];

export function environmentOrder(a: string, b: string): number {
  const rank = (e: string) => (e === "shared" ? 1000 : ENV_ORDER.indexOf(e) === -1 ? 500 : ENV_ORDER.indexOf(e));
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function verdictText(input: ReportInput): VerdictText {
  const remaining = input.rescan.findings.length;
  const n = input.totals.secrets;
  switch (input.verdict) {
    case "zero-secrets":
      return {
        verdict: input.verdict,
        title: "Zero secrets left",
        detail: `${plural(n, "secret")} moved to Vault and verified; the re-scan of the working tree finds no secret.`,
        tone: "good",
      };
    case "secrets-remaining":
      return {
        verdict: input.verdict,
        title: "Secrets remain",
        detail: `The re-scan still finds ${plural(remaining, "secret")} in the working tree; see "Still in the working tree" below.`,
        tone: "bad",
      };
    case "unchecked":
      return {
        verdict: input.verdict,
        title: "Not fully checked",
        detail: `Every check that ran passed, but ${input.unchecked.length === 1 ? "one could" : `${input.unchecked.length} could`} not run, so this is not proof of zero secrets: ${input.unchecked.map((u) => `${u.reason}; ${u.next}`).join(". ")}.`,
        tone: "warn",
      };
    default:
      return {
        verdict: input.verdict,
        title: "Migration incomplete",
        detail: `${input.totals.verified} of ${plural(n, "secret")} verified in Vault; the migration has not been fully applied or verified.`,
        tone: "warn",
      };
  }
}

export function summarize(input: ReportInput): ReportSummary {
  const envs = new Map<string, ReportSecret[]>();
  for (const s of input.secrets) envs.set(s.environment, [...(envs.get(s.environment) ?? []), s]);
  const environmentNames = [...envs.keys()].sort(environmentOrder);
  const kinds = new Map<SecretKind, { count: number; byEnvironment: Record<string, number> }>();
  for (const s of input.secrets) {
    const k = kinds.get(s.kind) ?? { count: 0, byEnvironment: {} };
    k.count++;
    k.byEnvironment[s.environment] = (k.byEnvironment[s.environment] ?? 0) + 1;
    kinds.set(s.kind, k);
  }
  const bySource = (a: ReportSecret, b: ReportSecret) => a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line || a.name.localeCompare(b.name);
  return {
    verdict: verdictText(input),
    environments: environmentNames.map((name) => ({ name, secrets: [...envs.get(name)!].sort(bySource) })),
    byKind: [...kinds.entries()].map(([kind, v]) => ({ kind, ...v })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    inHistory: input.secrets.filter((s) => s.inGitHistory === true).sort(bySource),
    unverified: input.secrets.filter((s) => s.verified === false).sort(bySource),
    notReadable: input.secrets.filter((s) => s.readableByPolicy === false).sort(bySource),
    environmentNames,
  };
}

/** `secret/shop/production/database#password` */
export function vaultLocation(s: Pick<ReportSecret, "target">): string {
  return `${s.target.mount}/${s.target.path}#${s.target.key}`;
}

export function yesNo(v: boolean | null | undefined): string {
  return v === true ? "yes" : v === false ? "no" : "not checked";
}
