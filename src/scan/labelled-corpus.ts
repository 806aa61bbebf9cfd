import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scan } from "./scanner.js";
import type { Finding } from "./types.js";

// Scoring of the scanner against a labelled corpus, shared by the blind-corpus
// tests: a finding counts once per line; a multi-line secret (a PEM block) is
// found when any finding lands inside its lines; a finding on a line with no
// secret label is a false alarm (named as a trap when a trap label covers it).
// The lines it prints carry the scanner's redacted labels, never a value.

export interface CorpusLabel {
  file: string;
  line: number;
  endLine?: number;
  kind: string;
  note: string;
}

export interface CorpusScore {
  precision: number;
  recall: number;
  /** Counts, precision/recall, every miss and every false alarm, one per line. */
  summary: string;
  /** "file:line" of each label missed and of each false alarm. */
  missed: string[];
  falseAlarms: string[];
}

/**
 * The gaps a corpus is known to have, as "file:line", each with its reason in the test. A
 * floor on precision and recall lets a change lose a secret that used to be found as long as
 * the score stays above it; this names every new miss and every new false alarm instead.
 */
export interface KnownGaps {
  missed: string[];
  falseAlarms: string[];
}

/**
 * Prints the score, then asserts the floor and the known gaps: nothing found before is lost and
 * no new false alarm appears, whatever the floor says.
 */
export function assertScore(score: CorpusScore, floor: { precision: number; recall: number }, known: KnownGaps): void {
  console.log(score.summary);
  assert.ok(score.precision >= floor.precision && score.recall >= floor.recall, score.summary);
  assert.deepEqual(newGaps(score, known), [], score.summary);
}

/** Misses and false alarms of `score` that `known` does not list (empty when nothing got worse). */
export function newGaps(score: CorpusScore, known: KnownGaps): string[] {
  const missed = new Set(known.missed);
  const alarms = new Set(known.falseAlarms);
  return [...score.missed.filter((k) => !missed.has(k)).map((k) => `newly missed: ${k}`), ...score.falseAlarms.filter((k) => !alarms.has(k)).map((k) => `new false alarm: ${k}`)];
}

export function scoreFindings(findings: Finding[], secrets: CorpusLabel[], traps: CorpusLabel[] = [], header = ""): CorpusScore {
  const within = (l: CorpusLabel, file: string, line: number) => l.file === file && line >= l.line && line <= (l.endLine ?? l.line);
  const found = new Set<CorpusLabel>();
  const falseAlarms: string[] = [];
  const alarmKeys: string[] = [];
  const seenLines = new Set<string>();
  for (const f of findings) {
    const key = `${f.file}:${f.line}`;
    if (seenLines.has(key)) continue;
    seenLines.add(key);
    const label = secrets.find((l) => within(l, f.file, f.line));
    if (label) {
      found.add(label);
      continue;
    }
    const trap = traps.find((l) => within(l, f.file, f.line));
    alarmKeys.push(key);
    falseAlarms.push(`${key} ${f.ruleId} ${f.redacted} (${f.reason})${trap ? ` trap: ${trap.kind}` : " unlabelled"}`);
  }
  const lines = seenLines.size;
  const misses = secrets.filter((l) => !found.has(l)).map((l) => `${l.file}:${l.line} ${l.kind} (${l.note})`);
  const precision = lines === 0 ? 0 : (lines - falseAlarms.length) / lines;
  const recall = secrets.length === 0 ? 0 : found.size / secrets.length;
  const summary = [
    `${header}${header ? ", " : ""}planted ${secrets.length}, traps ${traps.length}, findings ${lines}`,
    `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    `missed (${misses.length}):`,
    ...misses.map((m) => `  ${m}`),
    `false alarms (${falseAlarms.length}):`,
    ...falseAlarms.map((m) => `  ${m}`),
  ].join("\n");
  return { precision, recall, summary, missed: secrets.filter((l) => !found.has(l)).map((l) => `${l.file}:${l.line}`), falseAlarms: alarmKeys };
}

/** A corpus whose labels.json is `{ labels: [...] }`, traps marked `trap: true` (blind corpora 2-4). */
export function readLabels<L extends CorpusLabel & { trap?: boolean }>(root: string): { all: L[]; secrets: L[]; traps: L[] } {
  const all = (JSON.parse(readFileSync(join(root, "labels.json"), "utf8")) as { labels: L[] }).labels;
  return { all, secrets: all.filter((l) => !l.trap), traps: all.filter((l) => l.trap) };
}

/** Runs the scanner as a user would (the library `scan()` over the folder, one thread) and scores it. */
export async function scanAndScore(root: string, secrets: CorpusLabel[], traps: CorpusLabel[], skipFiles = ["labels.json"]): Promise<CorpusScore & { findings: Finding[] }> {
  const result = await scan({ cwd: root, workers: 0, baselineFile: false, skipFiles });
  return { ...scoreFindings(result.findings, secrets, traps, `files ${result.stats.filesScanned}`), findings: result.findings };
}

/**
 * A blind corpus's whole check: it plants at least 150 secrets and as many traps, and the
 * scanner run over it (skipping the label and generator files) holds the floor and the known gaps.
 */
export async function assertBlindCorpus(root: string, floor: { precision: number; recall: number }, known: KnownGaps, skipFiles = ["labels.json"]): Promise<void> {
  const { secrets, traps } = readLabels(root);
  assert.ok(secrets.length >= 150, `the corpus should plant at least 150 secrets, has ${secrets.length}`);
  assert.ok(traps.length >= secrets.length, "the corpus should hold at least as many traps as secrets");
  assertScore(await scanAndScore(root, secrets, traps, skipFiles), floor, known);
}
