import type { Plan, PlanWarning } from "../plan/types.js";
import { plural } from "../util/plural.js";
import { severityOf, type Severity } from "./review-model.js";

// What the Overview screen counts in a plan. Pure, so that the numbers are
// tested apart from the drawing.

export type { Severity };

/** The review screens' severity of a warning (src/tui/review-model.ts), so that both screens agree. */
export const warningSeverity = (w: Pick<PlanWarning, "code">): Severity => severityOf(w as PlanWarning);

export interface Overview {
  secrets: number;
  /** Distinct files the secrets are read from (sources and duplicates). */
  sourceFiles: number;
  environments: string[];
  config: number;
  filesCreated: number;
  filesChanged: number;
  targets: number;
  warnings: Record<Severity, number>;
  /** Warnings of secrets that are only in git history (not in the tree any more). */
  historyOnly: number;
  /** Planned secrets whose value was also committed to git. */
  inGitHistory: number;
}

export function overview(plan: Plan): Overview {
  const files = new Set<string>();
  for (const s of plan.secrets) {
    files.add(s.source.file);
    for (const d of s.duplicates) files.add(d.file);
  }
  const warnings: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const w of plan.warnings) warnings[warningSeverity(w)]++;
  return {
    secrets: plan.secrets.length,
    sourceFiles: files.size,
    environments: [...new Set(plan.secrets.map((s) => s.environment))].sort(),
    config: plan.config.length,
    filesCreated: plan.files.filter((f) => f.beforeHash === null).length,
    filesChanged: plan.files.filter((f) => f.beforeHash !== null).length,
    targets: plan.targets.length,
    warnings,
    historyOnly: plan.warnings.filter((w) => w.code === "history-only").length,
    inGitHistory: plan.secrets.filter((s) => s.inGitHistory === true).length,
  };
}

export { plural };
