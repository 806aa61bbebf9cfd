import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { WorkerPool, workerHeapLimitMb } from "./worker-pool.js";
import { fakeEngineModule, scanText as fakeScanText } from "./fake-engine.js";
import { hungryEngineModule } from "./hungry-engine.js";
import { createJobContext, runJob } from "./file-scan.js";
import { tempDir, writeFiles } from "./test-repo.js";
import type { ScanJob } from "./file-scan.js";

// The pool hands jobs out by size (largest first, big ones alone) but must
// give results back in the order of the jobs.

test("results come back in job order whatever the sizes and batching", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const files: Record<string, string> = {};
  // Sizes out of order: tiny, medium and a few "big" ones (over batchBytes).
  const sizes = [10, 5000, 70_000, 30, 120_000, 1, 64_000, 400, 90_000, 2];
  sizes.forEach((n, i) => (files[`f${i}.txt`] = `${"x".repeat(n)}\nk=FAKESECRET_${i}\n`));
  writeFiles(dir, files);
  const jobs: ScanJob[] = sizes.map((n, i) => ({ kind: "file", abs: join(dir, `f${i}.txt`), rel: `f${i}.txt`, size: Buffer.byteLength(files[`f${i}.txt`]!) }));
  jobs.push({ kind: "text", file: "t.txt", text: "k=FAKESECRET_text" }, { kind: "file", abs: join(dir, "missing.txt"), rel: "missing.txt" });
  const pool = new WorkerPool({
    workers: 2,
    settings: { engine: {}, maxFileSize: 1 << 20, salt: "s" },
    engineModule: fakeEngineModule,
    batchSize: 3,
    batchJobs: 3,
    batchBytes: 60_000,
    bigBytesInFlight: 100_000,
    largestText: 120_100,
  });
  t.after(() => pool.close());
  const results = await pool.run(jobs);
  assert.equal(results.length, jobs.length);
  sizes.forEach((_, i) => {
    assert.deepEqual(
      results[i]!.findings.map((f) => `${f.file}:${f.line}`),
      [`f${i}.txt:2`],
    );
  });
  assert.deepEqual(results[10]!.findings.map((f) => f.file), ["t.txt"]);
  assert.equal(results[11]!.skipped, "vanished");
  // A second run on the same pool (the history modes feed it chunk by chunk).
  const again = await pool.run([jobs[5]!, jobs[4]!]);
  assert.deepEqual(again.map((r) => r.findings[0]!.file), ["f5.txt", "f4.txt"]);
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
    batchSize: 4,
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
