import type { PlantedSecret } from "./plant.js";
import type { ToolFinding } from "./scanners.js";

// Scoring a tool's findings against the planted secrets: a finding whose
// file is a planted secret's file and whose line falls within the secret's
// lines hits it; every other finding is "outside", i.e. noise on real package
// sources (or a real secret someone shipped: the tables list them by rule and
// file so a person can tell).

export interface Score {
  findings: number;
  /** Planted secrets hit by at least one finding. */
  found: number;
  planted: number;
  /** Found / planted, by provider. */
  byProvider: Map<string, { found: number; planted: number }>;
  /** Findings on no planted secret's lines. */
  outside: ToolFinding[];
  /** Ids of the planted secrets that were missed. */
  missed: number[];
}

export function score(findings: ToolFinding[], planted: PlantedSecret[]): Score {
  const byFile = new Map<string, PlantedSecret[]>();
  for (const p of planted) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const hit = new Set<number>();
  const outside: ToolFinding[] = [];
  for (const f of findings) {
    const match = (byFile.get(f.file) ?? []).filter((p) => f.line >= p.line && f.line <= p.endLine);
    if (match.length === 0) outside.push(f);
    for (const p of match) hit.add(p.id);
  }
  const byProvider = new Map<string, { found: number; planted: number }>();
  for (const p of planted) {
    const entry = byProvider.get(p.provider) ?? { found: 0, planted: 0 };
    entry.planted++;
    if (hit.has(p.id)) entry.found++;
    byProvider.set(p.provider, entry);
  }
  return {
    findings: findings.length,
    found: hit.size,
    planted: planted.length,
    byProvider,
    outside,
    missed: planted.filter((p) => !hit.has(p.id)).map((p) => p.id),
  };
}

/** Counts by a key, largest first. */
export function countBy<T>(items: T[], key: (item: T) => string, top = Infinity): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
}
