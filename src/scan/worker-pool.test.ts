import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { packJobs, packResults, takeLeft, unpackJobs, unpackResults, WorkerPool, workerHeapLimitMb } from "./worker-pool.js";
import { fakeEngineModule, scanText as fakeScanText } from "./fake-engine.js";
import { hungryEngineModule } from "./hungry-engine.js";
import { createJobContext, runJob } from "./file-scan.js";
import { tempDir, writeFiles } from "./test-repo.js";
import type { JobResult, ScanJob } from "./file-scan.js";

// Every lane (the workers, and the main thread when it has a local scanner)
// takes jobs from one shared counter; results must come back in job order,
// each job answered once, whoever scanned it.

function sizedJobs(dir: string): { jobs: ScanJob[]; sizes: number[] } {
  const files: Record<string, string> = {};
  // Sizes out of order: the pool takes jobs of known size largest first.
  const sizes = [10, 5000, 70_000, 30, 120_000, 1, 64_000, 400, 90_000, 2];
  sizes.forEach((n, i) => (files[`f${i}.txt`] = `${"x".repeat(n)}\nk=FAKESECRET_${i}\n`));
  writeFiles(dir, files);
  const jobs: ScanJob[] = sizes.map((n, i) => ({ kind: "file", abs: join(dir, `f${i}.txt`), rel: `f${i}.txt`, size: Buffer.byteLength(files[`f${i}.txt`]!) }));
  // Jobs of unknown size too, and more of them than a worker reports at once.
  for (let i = 0; i < 150; i++) jobs.push({ kind: "text", file: `t${i}.txt`, text: `k=FAKESECRET_t${i}` });
  jobs.push({ kind: "file", abs: join(dir, "missing.txt"), rel: "missing.txt" });
  return { jobs, sizes };
}

function expected(job: ScanJob): string[] {
  if (job.kind === "text") return [`${job.file}:1`];
  return job.rel === "missing.txt" ? [] : [`${job.rel}:2`];
}

test("workers only: results come back in job order, and a second run on the same pool works", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const { jobs } = sizedJobs(dir);
  const pool = new WorkerPool({ workers: 2, settings: { engine: {}, maxFileSize: 1 << 20, salt: "s" }, engineModule: fakeEngineModule, largestText: 120_100 });
  t.after(() => pool.close());
  const results = await pool.run(jobs);
  assert.equal(results.length, jobs.length);
  jobs.forEach((job, i) => assert.deepEqual(results[i]!.findings.map((f) => `${f.file}:${f.line}`), expected(job), `job ${i}`));
  assert.equal(results.at(-1)!.skipped, "vanished");
  // The history modes feed one pool chunk by chunk, sometimes before the previous chunk is done.
  const [again, third] = await Promise.all([pool.run([jobs[5]!, jobs[4]!]), pool.run(jobs.slice(10, 80))]);
  assert.deepEqual(again.map((r) => r.findings[0]!.file), ["f5.txt", "f4.txt"]);
  assert.deepEqual(third.map((r) => r.findings[0]!.file), jobs.slice(10, 80).map((j) => (j.kind === "text" ? j.file : "")));
});

test("the main thread takes jobs too when given a local scanner; each job is scanned once", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const { jobs } = sizedJobs(dir);
  const settings = { engine: {}, maxFileSize: 1 << 20, salt: "s" };
  const ctx = createJobContext(settings, fakeScanText);
  const scannedHere: number[] = [];
  const pool = new WorkerPool({
    workers: 1,
    settings,
    engineModule: fakeEngineModule,
    local: (job) => {
      scannedHere.push(jobs.indexOf(job));
      return runJob(job, ctx);
    },
  });
  t.after(() => pool.close());
  const results = await pool.run(jobs);
  jobs.forEach((job, i) => assert.deepEqual(results[i]!.findings.map((f) => `${f.file}:${f.line}`), expected(job), `job ${i}`));
  assert.ok(scannedHere.length > 0, "the main thread starts while the worker is still loading");
  assert.equal(new Set(scannedHere).size, scannedHere.length, "no job twice on the main thread");
  // Largest first: the first job taken is the 120,000-byte file (index 4).
  assert.equal(scannedHere[0], 4);
});

test("jobs the main thread leaves (too big for its heap) are scanned by the workers", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const { jobs } = sizedJobs(dir);
  const settings = { engine: {}, maxFileSize: 1 << 20, salt: "s" };
  const ctx = createJobContext(settings, fakeScanText);
  const scannedHere: number[] = [];
  const pool = new WorkerPool({
    workers: 1,
    settings,
    engineModule: fakeEngineModule,
    local: (job) => {
      const result = runJob(job, ctx, 60_000);
      if (result !== undefined) scannedHere.push(jobs.indexOf(job));
      return result;
    },
  });
  t.after(() => pool.close());
  const results = await pool.run(jobs);
  jobs.forEach((job, i) => assert.deepEqual(results[i]!.findings.map((f) => `${f.file}:${f.line}`), expected(job), `job ${i}`));
  // f2, f4, f6 and f8 are over 60,000 bytes.
  for (const big of [2, 4, 6, 8]) assert.ok(!scannedHere.includes(big), `f${big} left to the worker`);
});

test("a job left after the last worker is gone goes to the fallback", { timeout: 60_000 }, async (t) => {
  // The main thread leaves both jobs; the worker takes hungry.txt first and
  // runs out of heap on it: the other left job must not wait forever.
  const jobs: ScanJob[] = [
    { kind: "text", file: "hungry.txt", text: `k=FAKESECRET_h ${"x".repeat(100)}` },
    { kind: "text", file: "left.txt", text: "k=FAKESECRET_l" },
  ];
  const settings = { engine: {}, maxFileSize: 1 << 20, salt: "s" };
  const ctx = createJobContext(settings, fakeScanText);
  const fallbackSaw: string[] = [];
  const pool = new WorkerPool({
    workers: 1,
    settings,
    engineModule: hungryEngineModule,
    heapLimitMb: 48,
    local: () => undefined,
    fallback: async (batch) => {
      fallbackSaw.push(...batch.map((j) => (j.kind === "text" ? j.file : j.rel)));
      return batch.map((job) => runJob(job, ctx));
    },
  });
  t.after(() => pool.close());
  const results = await pool.run(jobs);
  assert.deepEqual(results.map((r) => r.findings.map((f) => f.file).join()), ["hungry.txt", "left.txt"]);
  assert.ok(fallbackSaw.includes("left.txt"));
});

test("takeLeft hands each published index out once", () => {
  const left = new Int32Array(new SharedArrayBuffer(4 * 6));
  assert.equal(takeLeft(left), -1, "nothing published");
  left[2] = 7;
  left[3] = 3;
  Atomics.store(left, 0, 2);
  assert.equal(takeLeft(left), 7);
  assert.equal(takeLeft(left), 3);
  assert.equal(takeLeft(left), -1);
});

test("a worker's heap limit leaves room for the largest text and stays off for huge ones", () => {
  assert.equal(workerHeapLimitMb(0), 512);
  assert.equal(workerHeapLimitMb(10 * 1024 * 1024), 512);
  // 100 MB: 6 × 100 + 128.
  assert.equal(workerHeapLimitMb(100 * 1024 * 1024), 728);
  assert.equal(workerHeapLimitMb(400 * 1024 * 1024), undefined, "V8's default limit then");
});

test("a worker out of heap hands its files to the in-process fallback; the other jobs still finish", { timeout: 60_000 }, async (t) => {
  const jobs: ScanJob[] = [
    { kind: "text", file: "a.txt", text: "k=FAKESECRET_a" },
    { kind: "text", file: "hungry.txt", text: "k=FAKESECRET_h" },
    ...Array.from({ length: 20 }, (_, i): ScanJob => ({ kind: "text", file: `n${i}.txt`, text: `k=FAKESECRET_n${i}` })),
  ];
  const settings = { engine: {}, maxFileSize: 1 << 20, salt: "s" };
  const ctx = createJobContext(settings, fakeScanText);
  const fallbackSaw: string[] = [];
  const pool = new WorkerPool({
    workers: 1,
    settings,
    engineModule: hungryEngineModule,
    heapLimitMb: 48,
    fallback: async (batch) => {
      fallbackSaw.push(...batch.map((j) => (j.kind === "text" ? j.file : j.rel)));
      return batch.map((job) => runJob(job, ctx));
    },
  });
  t.after(() => pool.close());
  const results = await pool.run(jobs);
  assert.deepEqual(
    results.map((r) => r.findings.map((f) => f.file).join()),
    jobs.map((j) => (j.kind === "text" ? j.file : "")),
    "every job has its result, in order",
  );
  assert.ok(fallbackSaw.includes("hungry.txt"));
  assert.ok(fallbackSaw.includes("n19.txt"), "with its only worker gone, the queue is scanned in-process too");
  // Without a fallback, running out of heap fails the scan with advice.
  const strict = new WorkerPool({ workers: 1, settings, engineModule: hungryEngineModule, heapLimitMb: 48 });
  t.after(() => strict.close());
  await assert.rejects(strict.run(jobs.slice(0, 2)), /A scan worker failed/);
});

test("packJobs/unpackJobs: every job comes back as it was posted, through a structured clone", () => {
  const jobs: ScanJob[] = [
    { kind: "file", abs: "/r/a.txt", rel: "a.txt", listed: true },
    { kind: "text", file: "t.txt", text: "k=1", commit: "abc", lines: [1, 3] },
    { kind: "file", abs: "/r/dir with space/é.js", rel: "dir with space/é.js", size: 0 },
    { kind: "file", abs: "/r/b", rel: "b", size: 123_456_789 },
    { kind: "file", abs: "/elsewhere/c.env", rel: "../elsewhere/c.env" },
    { kind: "text", file: "", text: "" },
    { kind: "file", abs: "", rel: "" },
  ];
  const mixed = unpackJobs(structuredClone(packJobs(jobs)));
  assert.deepEqual(jobs.map((_, i) => mixed(i)), jobs);
  const texts = jobs.filter((j) => j.kind === "text");
  const onlyTexts = unpackJobs(structuredClone(packJobs(texts)));
  assert.deepEqual(texts.map((_, i) => onlyTexts(i)), texts);
  const files = jobs.filter((j) => j.kind === "file");
  const packed = packJobs(files);
  assert.equal(packed.texts.length, 0);
  const onlyFiles = unpackJobs(structuredClone(packed));
  assert.deepEqual(files.map((_, i) => onlyFiles(i)), files);
});

test("packResults/unpackResults: every result comes back as it was, through a structured clone", () => {
  const finding = { ruleId: "r", file: "a.txt", line: 1, column: 2, fingerprint: "f" } as unknown as JobResult["findings"][number];
  const results: JobResult[] = [
    { findings: [], envReferences: [], bytes: 10, suppressedInline: 0, suppressedAllowlist: 0 },
    { findings: [finding], envReferences: [], bytes: 20, suppressedInline: 0, suppressedAllowlist: 0 },
    { findings: [], envReferences: [{ name: "HOME" } as unknown as JobResult["envReferences"][number]], bytes: 30, suppressedInline: 0, suppressedAllowlist: 0 },
    { findings: [], envReferences: [], bytes: 0, skipped: "binary", suppressedInline: 0, suppressedAllowlist: 0 },
    { findings: [], envReferences: [], bytes: 5, note: "x: not valid UTF-8", suppressedInline: 0, suppressedAllowlist: 0 },
    { findings: [], envReferences: [], bytes: 6, suppressedInline: 1, suppressedAllowlist: 0 },
    { findings: [], envReferences: [], bytes: 7, suppressedInline: 0, suppressedAllowlist: 2 },
    // A property JobResult may grow later is not dropped.
    { findings: [], envReferences: [], bytes: 8, suppressedInline: 0, suppressedAllowlist: 0, extra: true } as JobResult,
    { findings: [], envReferences: [], bytes: 2 ** 40, suppressedInline: 0, suppressedAllowlist: 0 },
  ];
  const indices = results.map((_, k) => 1000 - k);
  const packed = packResults(indices, results);
  // Only the results holding more than a byte count travel as objects.
  assert.deepEqual(Object.keys(packed.full).map(Number), [1, 2, 3, 4, 5, 6, 7]);
  const back = unpackResults(structuredClone(packed));
  assert.deepEqual([...back.indices], indices);
  assert.deepEqual(back.results, results);
});
