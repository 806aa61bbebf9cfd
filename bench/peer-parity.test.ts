import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scan } from "../src/scan/scanner.js";
import { BARE_CONTEXTS, NAMED_CONTEXTS, contextsOf, loadFormats, measure, render, type Context, type ParityRow } from "./peer-parity.js";

// Every peer format in every context (bench/peer-parity.ts says which and why).
// The exceptions, each with the reason it is left as it is; a format that starts
// being found leaves this list (the last test fails until it does), so the list
// stays what the scanner really misses.
const KNOWN_GAPS: Record<string, { contexts: Context[]; why: string }> = {
  // gitleaks finds "s." + 24 anywhere (its keyword is "s."); a two-character prefix is no prefix: found
  // next to a Vault name (vault-legacy-token, VAULT_TOKEN=s.…), not under FOO.
  "vault-legacy-service-token": { contexts: ["bare", "assign", "env"], why: "s. + 24: only with a Vault name" },
};

const missedContexts = (r: ParityRow): Context[] => (Object.entries(r.found) as Array<[Context, string[]]>).filter(([, ids]) => ids.length === 0).map(([c]) => c);

type KnownGaps = Record<string, { contexts: Context[]; why: string }>;

/** The formats missed in a context their set's known gaps do not list, one line each (empty: none). */
function unexpectedMisses(rows: ParityRow[], gaps: KnownGaps): string[] {
  return rows
    .map((r) => ({ r, missed: missedContexts(r).filter((c) => !(gaps[r.format.id]?.contexts ?? []).includes(c)) }))
    .filter(({ missed }) => missed.length > 0)
    .map(({ r, missed }) => `${r.format.id} (${r.format.format}): missed ${missed.join(", ")}`);
}

/** Each known gap is still exactly that gap: a format that starts being found must leave the list. */
function assertGapsStillGaps(rows: ParityRow[], gaps: KnownGaps, file: string): void {
  const byId = new Map(rows.map((r) => [r.format.id, r]));
  for (const [id, gap] of Object.entries(gaps)) {
    const r = byId.get(id);
    assert.ok(r, `${id} is not a format of ${file}`);
    assert.deepEqual(missedContexts(r).sort(), [...gap.contexts].sort(), `${id}: the gap changed (${gap.why})`);
  }
}

let rowsPromise: Promise<ParityRow[]> | undefined;
const rows = (): Promise<ParityRow[]> => (rowsPromise ??= measure(scan));

test("peer parity: every distinctive peer format is found bare, in a neutral assignment and in .env under a weak name", async () => {
  const all = await rows();
  const prefixed = all.filter((r) => r.format.shape === "prefix");
  assert.ok(prefixed.length >= 200, `formats.js should hold at least 200 distinctive formats, has ${prefixed.length}`);
  const unexpected: string[] = [];
  for (const r of prefixed) {
    const gap = new Set(KNOWN_GAPS[r.format.id]?.contexts ?? []);
    const missed = missedContexts(r).filter((c) => !gap.has(c));
    if (missed.length > 0) unexpected.push(`${r.format.id} (${r.format.format}): missed ${missed.join(", ")}`);
  }
  assert.deepEqual(unexpected, []);
});

test("peer parity: formats the peers find only next to a provider name are found under that name (.env, .py, YAML)", async () => {
  const named = (await rows()).filter((r) => r.format.shape === "named");
  assert.ok(named.length >= 50, `formats.js should hold at least 50 keyword formats, has ${named.length}`);
  const unexpected = named.filter((r) => missedContexts(r).length > 0).map((r) => `${r.format.id} as ${r.format.env}: missed ${missedContexts(r).join(", ")}`);
  assert.deepEqual(unexpected, []);
});

test("peer parity: the known gaps are still gaps (fixed ones leave KNOWN_GAPS)", async () => {
  const byId = new Map((await rows()).map((r) => [r.format.id, r]));
  for (const [id, gap] of Object.entries(KNOWN_GAPS)) {
    const r = byId.get(id);
    assert.ok(r, `${id} is not a format of formats.js`);
    assert.deepEqual(missedContexts(r).sort(), [...gap.contexts].sort(), `${id}: the gap changed (${gap.why})`);
  }
});

test("peer parity: the harness would see a miss (a format shape nobody knows is reported missed in every context)", async () => {
  // The same rendering and scan as the harness, on a value of no known shape and no entropy to speak of.
  const format = { id: "none", family: "none", peers: {}, format: "none", env: "FOO", shape: "prefix" as const };
  for (const context of BARE_CONTEXTS) {
    const result = await scan({ cwd: process.cwd(), mode: "stdin", stdin: render(context, format, "ready"), workers: 0, baselineFile: false, config: {} });
    assert.deepEqual(result.findings, [], context);
  }
  assert.deepEqual(NAMED_CONTEXTS.length, 3);
});

test("peer parity: the CLI (`vaultshift scan -`) reports what the harness's scan() reports", async () => {
  const { formats, sample } = await loadFormats();
  const bin = fileURLToPath(new URL("../../bin/vaultshift.js", import.meta.url));
  // One format per context is enough to tie the in-process scan to the command line.
  const picks: Array<[string, Context]> = [["gitlab-pat", "bare"], ["age-secret-key", "assign"], ["clojars-api-token", "env"]];
  for (const [id, context] of picks) {
    const format = formats.find((f) => f.id === id)!;
    const { text, filename } = render(context, format, sample(format, "parity"));
    const args = [bin, "scan", "-", "--format", "json", "--no-baseline", ...(filename ? ["--stdin-filename", filename] : [])];
    const run = spawnSync(process.execPath, args, { input: text, encoding: "utf8", cwd: fileURLToPath(new URL("../../fixtures/", import.meta.url)) });
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string }> };
    const inProcess = await scan({ cwd: process.cwd(), mode: "stdin", stdin: { text, ...(filename ? { filename } : {}) }, workers: 0, baselineFile: false, config: {} });
    assert.ok(report.findings.length > 0, `${id} in ${context}: the CLI found nothing (exit ${run.status}: ${run.stderr.slice(0, 200)})`);
    assert.deepEqual(report.findings.map((f) => f.ruleId).sort(), inProcess.findings.map((f) => f.ruleId).sort(), `${id} in ${context}`);
  }
});

// Nosey Parker's credential rules and Kingfisher's provider files (fixtures/peer-formats/_meta/formats-np-kf.js
// says which and what is left out): every format in every context of its shape, but for these.
const NPKF_KNOWN_GAPS: KnownGaps = {
  // Kingfisher reports "key_" + 10-48 mixed-case alphanumerics anywhere; that is the shape of half the
  // identifiers in a code base (`key_Value2Map`), so vaultshift finds Unkey keys under a secret name only.
  "unkey-api-key": { contexts: ["bare", "assign", "env"], why: "key_ + 10-48: only under a secret name" },
  // `airbrake_user_key = "…"` in code: a vendor name before KEY is a weak name, and in code a weak name's value
  // must not hold a run of six letters (judge.ts: client-side keys in code, blind corpora 12 and 15); this
  // sample has one, so it is found in .env and YAML only (a sample without such a run is found in .py too).
  "airbrake-user-key": { contexts: ["py"], why: "weak name in code: letter run in the sample" },
};
let npkfPromise: Promise<ParityRow[]> | undefined;
const npkfRows = (): Promise<ParityRow[]> => (npkfPromise ??= measure(scan, undefined, "np-kf"));

test("peer parity (Nosey Parker, Kingfisher): every format is found in every context of its shape", async () => {
  const npkf = await npkfRows();
  assert.ok(npkf.length >= 300, `formats-np-kf.js should hold at least 300 formats, has ${npkf.length}`);
  for (const peer of ["noseyParker", "kingfisher"]) assert.ok(npkf.some((r) => r.format.peers[peer]), `no format credited to ${peer}`);
  assert.deepEqual(unexpectedMisses(npkf, NPKF_KNOWN_GAPS), []);
});

test("peer parity (Nosey Parker, Kingfisher): the known gaps are still gaps (fixed ones leave NPKF_KNOWN_GAPS)", async () => {
  assertGapsStillGaps(await npkfRows(), NPKF_KNOWN_GAPS, "formats-np-kf.js");
});

test("peer parity: a file-shaped format is planted as its own file, and the harness sees a miss there", async () => {
  const format = { id: "none", family: "none", peers: {}, format: "none", env: "FOO", shape: "file" as const, file: ".netrc" };
  assert.deepEqual(contextsOf(format), ["file"]);
  assert.deepEqual(render("file", format, "machine example.org"), { text: "machine example.org\n", filename: ".netrc" });
  const result = await scan({ cwd: process.cwd(), mode: "stdin", stdin: render("file", format, "machine example.org"), workers: 0, baselineFile: false, config: {} });
  assert.deepEqual(result.findings, []);
});

// trufflehog's detectors beyond those formats.js credits (fixtures/peer-formats/_meta/formats-trufflehog.js):
// every format in every context of its shape, but for these.
const TRUFFLEHOG_KNOWN_GAPS: KnownGaps = {
  // As airbrake-user-key above: a vendor name before KEY in code is a weak name, and the sample holds a run of six letters.
  "alienvault-otx-key": { contexts: ["py"], why: "weak name in code: letter run in the sample" },
};
let trufflehogPromise: Promise<ParityRow[]> | undefined;
const trufflehogRows = (): Promise<ParityRow[]> => (trufflehogPromise ??= measure(scan, undefined, "trufflehog"));

test("peer parity (trufflehog's other detectors): every format is found in every context of its shape", async () => {
  const rows = await trufflehogRows();
  assert.ok(rows.filter((r) => r.format.shape === "prefix").length >= 20, "formats-trufflehog.js should hold at least 20 distinctive formats");
  assert.ok(rows.filter((r) => r.format.shape === "named").length >= 30, "formats-trufflehog.js should hold at least 30 keyword formats");
  assert.deepEqual(unexpectedMisses(rows, TRUFFLEHOG_KNOWN_GAPS), []);
});

test("peer parity (trufflehog's other detectors): the known gaps are still gaps (fixed ones leave TRUFFLEHOG_KNOWN_GAPS)", async () => {
  assertGapsStillGaps(await trufflehogRows(), TRUFFLEHOG_KNOWN_GAPS, "formats-trufflehog.js");
});
