import { test } from "node:test";
import assert from "node:assert/strict";
import { hasGnuTime, measure, median, parseGnuTimeCpu, parseGnuTimeRss, parseVmHwm, percentile } from "./measure.js";

test("parseGnuTimeRss reads the kbytes figure of a GNU time -v report", () => {
  const report = "\tCommand being timed: \"node -e 0\"\n\tMaximum resident set size (kbytes): 43112\n\tExit status: 0\n";
  assert.equal(parseGnuTimeRss(report), 43112);
  assert.equal(parseGnuTimeRss("nothing here"), null);
});

test("parseGnuTimeCpu adds user and system seconds", () => {
  assert.equal(parseGnuTimeCpu("\tUser time (seconds): 1.25\n\tSystem time (seconds): 0.10\n"), 1350);
  assert.equal(parseGnuTimeCpu("\tUser time (seconds): 1.25\n"), null);
});

test("parseVmHwm reads the peak RSS line of /proc/<pid>/status", () => {
  assert.equal(parseVmHwm("Name:\tnode\nVmPeak:\t  999 kB\nVmHWM:\t   51234 kB\nVmRSS:\t 50000 kB\n"), 51234);
  assert.equal(parseVmHwm("Name:\tnode\n"), null);
});

test("median and percentile", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
  assert.ok(Number.isNaN(median([])));
});

for (const rssMethod of ["auto", "proc"] as const) {
test(`measure (${rssMethod}) reports exit code, output and a peak RSS that grows with what the child allocates`, { timeout: 40_000 }, async () => {
  const small = await measure(process.execPath, ["-e", "process.stdout.write('hi'); process.exit(3)"], { cwd: process.cwd(), timeoutMs: 20_000, rssMethod });
  assert.equal(small.exitCode, 3);
  assert.equal(small.stdout, "hi");
  assert.ok(small.wallMs > 0);
  // 200 MB held for 300 ms: both RSS methods must see it.
  const big = await measure(process.execPath, ["-e", "const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b[5]), 300)"], {
    cwd: process.cwd(),
    timeoutMs: 20_000,
    rssMethod,
  });
  assert.equal(big.exitCode, 0);
  assert.ok(small.peakRssKb !== null && big.peakRssKb !== null);
  assert.ok(big.peakRssKb - small.peakRssKb > 150 * 1024, `${big.peakRssKb} vs ${small.peakRssKb}`);
  assert.equal(big.rssSource, rssMethod === "auto" && hasGnuTime() ? "gnu-time" : "proc-sampling");
});
}

test("measure kills a process that outlives its timeout", { timeout: 20_000 }, async () => {
  const r = await measure(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { cwd: process.cwd(), timeoutMs: 300 });
  assert.equal(r.timedOut, true);
  assert.ok(r.wallMs < 10_000);
});
