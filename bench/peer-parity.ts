import { fileURLToPath, pathToFileURL } from "node:url";
import type { ScanOptions, ScanResult } from "../src/scan/scanner.js";

// Parity with the peer scanners, context by context. Every credential format of
// fixtures/peer-formats/_meta/formats.js (gitleaks, trufflehog, secretlint and
// detect-secrets formats, each with a seeded generator) is scanned through
// `vaultshift scan -` semantics (scan() in stdin mode) in the contexts where a
// real leak sits with no secret-ish name to help:
//   bare    a log line, `2024-01-01 INFO using <value>` (standard input, no file name);
//   assign  a neutral assignment, `value = "<value>"` in a .py file;
//   env     an .env line under a weak name, `FOO=<value>`.
// A format with a distinctive shape (prefix, structure or checksum: shape
// "prefix") must be found in all three; a format recognisable only next to its
// provider's name (shape "named": 32-hex keys, UUIDs) is checked where the peers'
// "keyword + generic" rules look, under its provider's name in a .env, .py and
// .yaml file, which is the generic detector's job. A credential whose place is a
// file of its own kind (shape "file": .netrc, build.gradle) is planted as that
// file's content.
//
// Three format sets: "classic" (formats.js, the four peers above), "np-kf"
// (formats-np-kf.js: Nosey Parker and Kingfisher) and "trufflehog" (formats-trufflehog.js:
// trufflehog's detectors beyond those formats.js credits).
// `node dist/bench/peer-parity.js [--set classic|np-kf|trufflehog] [--dist DIR]` prints the
// misses and the per-peer counts (DIR: another build, e.g. a copy of dist/ taken
// before a change, for "before").

export interface PeerFormat {
  id: string;
  family: string;
  peers: Record<string, string[]>;
  format: string;
  env: string;
  shape: "prefix" | "named" | "file";
  /** shape "file": the file the format lives in (.netrc, build.gradle), planted as its whole content. */
  file?: string;
}

export const BARE_CONTEXTS = ["bare", "assign", "env"] as const;
export const NAMED_CONTEXTS = ["env", "py", "yaml"] as const;
export const FILE_CONTEXTS = ["file"] as const;
export type Context = (typeof BARE_CONTEXTS)[number] | (typeof NAMED_CONTEXTS)[number] | (typeof FILE_CONTEXTS)[number];

export function contextsOf(format: PeerFormat): readonly Context[] {
  return format.shape === "prefix" ? BARE_CONTEXTS : format.shape === "named" ? NAMED_CONTEXTS : FILE_CONTEXTS;
}

export interface ParityRow {
  format: PeerFormat;
  /** Context → the rule ids that reported something on the line (empty: missed). */
  found: Partial<Record<Context, string[]>>;
}

type ScanFn = (options: ScanOptions) => Promise<ScanResult>;

/**
 * The format sets: "classic" (gitleaks, trufflehog, secretlint, detect-secrets: formats.js, which
 * also generates the peer-formats corpus) and "np-kf" (Nosey Parker and Kingfisher:
 * formats-np-kf.js, measured by this harness only).
 */
export const FORMAT_SETS = {
  classic: { url: new URL("../../fixtures/peer-formats/_meta/formats.js", import.meta.url), peers: ["gitleaks", "trufflehog", "secretlint", "detectSecrets"] },
  "np-kf": { url: new URL("../../fixtures/peer-formats/_meta/formats-np-kf.js", import.meta.url), peers: ["noseyParker", "kingfisher"] },
  trufflehog: { url: new URL("../../fixtures/peer-formats/_meta/formats-trufflehog.js", import.meta.url), peers: ["trufflehog"] },
} as const;
export type FormatSet = keyof typeof FORMAT_SETS;

export async function loadFormats(set: FormatSet = "classic"): Promise<{ formats: PeerFormat[]; sample: (f: PeerFormat, seed: string) => string }> {
  // formats.js is plain JavaScript beside the fixtures it generates (outside the TypeScript project).
  const mod = (await import(FORMAT_SETS[set].url.href)) as { formats: PeerFormat[]; sample: (f: PeerFormat, seed: string) => string };
  return { formats: mod.formats, sample: mod.sample };
}

/** A Python string literal holding `value` (single quotes when it holds a double quote: JSON values). */
function pyString(value: string): string {
  return value.includes('"') ? `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'` : `"${value}"`;
}

export function render(context: Context, format: PeerFormat, value: string): { text: string; filename?: string } {
  switch (context) {
    case "bare":
      return { text: `2024-01-01 INFO using ${value}\n` };
    case "assign":
      return { text: `value = ${pyString(value)}\n`, filename: "app/settings.py" };
    case "env":
      return format.shape === "prefix" ? { text: `FOO=${value}\n`, filename: ".env" } : { text: `${format.env}=${value}\n`, filename: ".env" };
    case "py":
      return { text: `${format.env.toLowerCase()} = ${pyString(value)}\n`, filename: "app/settings.py" };
    case "yaml":
      return { text: `${format.env.toLowerCase()}: ${value}\n`, filename: "config/settings.yaml" };
    case "file":
      return { text: `${value}\n`, filename: format.file ?? "config/credentials" };
  }
}

export async function measure(scan: ScanFn, only?: (f: PeerFormat) => boolean, set: FormatSet = "classic"): Promise<ParityRow[]> {
  const { formats, sample } = await loadFormats(set);
  const rows: ParityRow[] = [];
  for (const format of formats) {
    if (only && !only(format)) continue;
    const value = sample(format, "parity");
    const row: ParityRow = { format, found: {} };
    for (const context of contextsOf(format)) {
      const stdin = render(context, format, value);
      const result = await scan({ cwd: process.cwd(), mode: "stdin", stdin, workers: 0, baselineFile: false, config: {} });
      row.found[context] = [...new Set(result.findings.map((f) => f.ruleId))].sort();
    }
    rows.push(row);
  }
  return rows;
}

/** Per peer: formats, and how many are found in each context. */
export function summarise(rows: ParityRow[], peers: readonly string[] = FORMAT_SETS.classic.peers): Array<{ peer: string; shape: PeerFormat["shape"]; formats: number; found: Partial<Record<Context, number>>; all: number }> {
  const out = [];
  for (const peer of peers) {
    for (const shape of ["prefix", "named", "file"] as const) {
      const mine = rows.filter((r) => r.format.peers[peer] && r.format.shape === shape);
      if (shape === "file" && mine.length === 0) continue;
      const contexts = contextsOf({ shape } as PeerFormat);
      const found: Partial<Record<Context, number>> = {};
      for (const c of contexts) found[c] = mine.filter((r) => (r.found[c] ?? []).length > 0).length;
      const all = mine.filter((r) => contexts.every((c) => (r.found[c] ?? []).length > 0)).length;
      out.push({ peer, shape, formats: mine.length, found, all });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--dist");
  const dist = at > 0 ? process.argv[at + 1]! : fileURLToPath(new URL("..", import.meta.url));
  const { scan } = (await import(pathToFileURL(`${dist}/src/scan/scanner.js`).href)) as { scan: ScanFn };
  const setAt = process.argv.indexOf("--set");
  const set = (setAt > 0 ? process.argv[setAt + 1] : "classic") as FormatSet;
  if (!(set in FORMAT_SETS)) throw new Error(`peer-parity: unknown --set "${set}"; use one of ${Object.keys(FORMAT_SETS).join(", ")}`);
  const rows = await measure(scan, undefined, set);
  const missed = rows.filter((r) => Object.values(r.found).some((ids) => ids.length === 0));
  for (const r of missed) {
    const cells = Object.entries(r.found).map(([c, ids]) => `${c}=${ids.length ? ids.join(",") : "MISSED"}`);
    console.log(`${r.format.id} (${r.format.shape}): ${cells.join(" ")}`);
  }
  console.log(`${missed.length} of ${rows.length} formats missed in some context`);
  console.log(JSON.stringify(summarise(rows, FORMAT_SETS[set].peers)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
