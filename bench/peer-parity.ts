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
// .yaml file, which is the generic detector's job.
//
// `node dist/bench/peer-parity.js [--dist DIR]` prints the table for docs/rules.md
// (DIR: another build, e.g. a copy of dist/ taken before a change, for "before").

export interface PeerFormat {
  id: string;
  family: string;
  peers: Record<string, string[]>;
  format: string;
  env: string;
  shape: "prefix" | "named";
}

export const BARE_CONTEXTS = ["bare", "assign", "env"] as const;
export const NAMED_CONTEXTS = ["env", "py", "yaml"] as const;
export type Context = (typeof BARE_CONTEXTS)[number] | (typeof NAMED_CONTEXTS)[number];

export interface ParityRow {
  format: PeerFormat;
  /** Context → the rule ids that reported something on the line (empty: missed). */
  found: Partial<Record<Context, string[]>>;
}

type ScanFn = (options: ScanOptions) => Promise<ScanResult>;

const FORMATS_URL = new URL("../../fixtures/peer-formats/_meta/formats.js", import.meta.url);

export async function loadFormats(): Promise<{ formats: PeerFormat[]; sample: (f: PeerFormat, seed: string) => string }> {
  // formats.js is plain JavaScript beside the fixtures it generates (outside the TypeScript project).
  const mod = (await import(FORMATS_URL.href)) as { formats: PeerFormat[]; sample: (f: PeerFormat, seed: string) => string };
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
  }
}

export async function measure(scan: ScanFn, only?: (f: PeerFormat) => boolean): Promise<ParityRow[]> {
  const { formats, sample } = await loadFormats();
  const rows: ParityRow[] = [];
  for (const format of formats) {
    if (only && !only(format)) continue;
    const value = sample(format, "parity");
    const row: ParityRow = { format, found: {} };
    for (const context of format.shape === "prefix" ? BARE_CONTEXTS : NAMED_CONTEXTS) {
      const stdin = render(context, format, value);
      const result = await scan({ cwd: process.cwd(), mode: "stdin", stdin, workers: 0, baselineFile: false, config: {} });
      row.found[context] = [...new Set(result.findings.map((f) => f.ruleId))].sort();
    }
    rows.push(row);
  }
  return rows;
}

/** Per peer: formats, and how many are found in each context. */
export function summarise(rows: ParityRow[]): Array<{ peer: string; shape: PeerFormat["shape"]; formats: number; found: Partial<Record<Context, number>>; all: number }> {
  const out = [];
  for (const peer of ["gitleaks", "trufflehog", "secretlint", "detectSecrets"]) {
    for (const shape of ["prefix", "named"] as const) {
      const mine = rows.filter((r) => r.format.peers[peer] && r.format.shape === shape);
      const contexts = shape === "prefix" ? BARE_CONTEXTS : NAMED_CONTEXTS;
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
  const rows = await measure(scan);
  const missed = rows.filter((r) => Object.values(r.found).some((ids) => ids.length === 0));
  for (const r of missed) {
    const cells = Object.entries(r.found).map(([c, ids]) => `${c}=${ids.length ? ids.join(",") : "MISSED"}`);
    console.log(`${r.format.id} (${r.format.shape}): ${cells.join(" ")}`);
  }
  console.log(`${missed.length} of ${rows.length} formats missed in some context`);
  console.log(JSON.stringify(summarise(rows)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
