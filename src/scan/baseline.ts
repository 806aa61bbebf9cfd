import { readFileSync } from "node:fs";
import { ConfigError } from "../errors.js";
import { newSalt } from "../util/fingerprint.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { ScannedFinding } from "./file-scan.js";

// A baseline: the findings a legacy repository accepts for now, so that only
// new ones fail the build. Keyed by fingerprints that survive moved lines
// (HMAC-SHA-256 of rule + file + secret under the baseline's own random salt;
// no line numbers), so a different secret on the same line is new, and a
// secret that moves within its file is not. The file is JSON with one entry
// per line in a stable order, so that two branches adding entries merge
// cleanly and a review diff shows exactly what was accepted.

export const BASELINE_VERSION = 1;
/** Written by `vaultshift baseline` and picked up by `scan` when present. */
export const DEFAULT_BASELINE_FILE = ".vaultshift-baseline.json";

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** Where it was when recorded; informative only (matching ignores it). */
  line: number;
  redacted: string;
}

export interface Baseline {
  version: number;
  salt: string;
  entries: BaselineEntry[];
}

export function emptyBaseline(): Baseline {
  return { version: BASELINE_VERSION, salt: newSalt(), entries: [] };
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`Could not read the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? "read error"}.`, {
      cause: error,
      hint: "Create one with `vaultshift baseline --output FILE`, or fix the path given to --baseline.",
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError(`The baseline ${file} is not valid JSON.`, {
      cause: new SyntaxError("invalid JSON"),
      hint: "If a merge left conflict markers in it, resolve them (keep both sides' entries) or regenerate it with `vaultshift baseline`.",
    });
  }
  const b = data as Partial<Baseline>;
  const ok =
    typeof b === "object" &&
    b !== null &&
    b.version === BASELINE_VERSION &&
    typeof b.salt === "string" &&
    b.salt.length >= 16 &&
    Array.isArray(b.entries) &&
    b.entries.every((e) => typeof e === "object" && e !== null && typeof e.fingerprint === "string" && typeof e.ruleId === "string" && typeof e.file === "string");
  if (!ok) {
    throw new ConfigError(`${file} is not a vaultshift baseline (version ${BASELINE_VERSION} with salt and entries).`, {
      cause: new TypeError("unexpected baseline shape"),
      hint: "Regenerate it with `vaultshift baseline --output FILE`.",
    });
  }
  return b as Baseline;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The baseline after a scan: every current finding (with the baseline's
 * fingerprint), plus, unless `prune`, the old entries the scan no longer sees.
 */
export function updateBaseline(
  old: Baseline,
  findings: ScannedFinding[],
  prune: boolean,
  /** Which files the scan covered: entries of other files are never pruned. */
  inScope: (file: string) => boolean = () => true,
): { baseline: Baseline; added: number; pruned: number } {
  const oldByFp = new Map(old.entries.map((e) => [e.fingerprint, e]));
  const byFp = new Map<string, BaselineEntry>();
  let added = 0;
  for (const f of findings) {
    if (!f.baselineFingerprint || byFp.has(f.baselineFingerprint)) continue;
    // An entry already recorded stays as written (its line too): no churn in diffs.
    const kept = oldByFp.get(f.baselineFingerprint);
    if (!kept) added += 1;
    byFp.set(f.baselineFingerprint, kept ?? { fingerprint: f.baselineFingerprint, ruleId: f.ruleId, file: f.file, line: f.line, redacted: f.redacted });
  }
  let pruned = 0;
  for (const e of old.entries) {
    if (byFp.has(e.fingerprint)) continue;
    if (prune && inScope(e.file)) pruned += 1;
    else byFp.set(e.fingerprint, e);
  }
  const entries = [...byFp.values()].sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  return { baseline: { version: BASELINE_VERSION, salt: old.salt, entries }, added, pruned };
}

/** One entry per line, keys in a fixed order: merge-friendly. */
export function serializeBaseline(b: Baseline): string {
  const lines = b.entries.map(
    (e) =>
      `    ${JSON.stringify({ fingerprint: e.fingerprint, ruleId: e.ruleId, file: e.file, line: e.line, redacted: e.redacted })}`,
  );
  return `{\n  "version": ${b.version},\n  "salt": ${JSON.stringify(b.salt)},\n  "entries": [\n${lines.join(",\n")}${lines.length ? "\n" : ""}  ]\n}\n`;
}

export function writeBaseline(file: string, b: Baseline): void {
  writeFileAtomic(file, serializeBaseline(b), { mkdir: true });
}
