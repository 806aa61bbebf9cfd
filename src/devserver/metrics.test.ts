import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Metrics } from "./metrics.js";
import { initialState } from "./state.js";

// sys/metrics' JSON is go-metrics' InmemSink as Vault sets it up
// (metricsutil: 10 s intervals, one minute kept): DisplayMetrics shows the last
// finished interval, or the current one while it is the only one. Driven with
// a clock so that interval boundaries are exact.

describe("Metrics: the in-memory sink's 10-second intervals", () => {
  const counter = (summary: Record<string, unknown>, name: string) => (summary.Counters as Array<{ Name: string; Count: number; Sum: number; Rate: number }>).find((c) => c.Name === name);
  const sample = (summary: Record<string, unknown>, name: string) => (summary.Samples as Array<{ Name: string; Count: number; Sum: number; Max: number }>).find((c) => c.Name === name);

  test("the first interval is shown while it is the only one; then the last finished interval, not the running one", () => {
    let now = Date.UTC(2026, 10, 23, 14, 5, 3); // 14:05:03 → interval 14:05:00
    const m = new Metrics({ now: () => now });
    const state = initialState("root");
    m.increment("vault.token.creation", { token_type: "service" });
    m.observe("vault.core.handle_request", 4);
    let s = m.summary(state, false);
    assert.equal(s.Timestamp, "2026-11-23 14:05:00 +0000 UTC");
    assert.equal(counter(s, "vault.token.creation")?.Count, 1);

    now += 10_000; // 14:05:13: a new interval has begun, with two more requests
    m.observe("vault.core.handle_request", 6);
    m.observe("vault.core.handle_request", 8);
    s = m.summary(state, false);
    assert.equal(s.Timestamp, "2026-11-23 14:05:00 +0000 UTC", "the finished interval");
    assert.equal(sample(s, "vault.core.handle_request")?.Count, 1, "not the running interval's requests");
    assert.equal(counter(s, "vault.token.creation")?.Rate, 0.1, "Rate is per second of the 10 s interval");

    now += 10_000; // 14:05:23
    s = m.summary(state, false);
    assert.equal(s.Timestamp, "2026-11-23 14:05:10 +0000 UTC");
    assert.deepEqual({ count: sample(s, "vault.core.handle_request")?.Count, sum: sample(s, "vault.core.handle_request")?.Sum, max: sample(s, "vault.core.handle_request")?.Max }, { count: 2, sum: 14, max: 8 });
    assert.equal(counter(s, "vault.token.creation"), undefined, "the token was created in an earlier interval");
  });

  test("an idle gap: the last interval that saw activity before the current one is shown; Prometheus text stays cumulative", () => {
    let now = Date.UTC(2026, 10, 23, 14, 0, 0);
    const m = new Metrics({ now: () => now });
    const state = initialState("root");
    m.increment("vault.token.creation", { token_type: "service" });
    now += 35_000; // nothing for 35 s; the summary itself opens the 14:00:30 interval
    const s = m.summary(state, false);
    assert.equal(s.Timestamp, "2026-11-23 14:00:00 +0000 UTC");
    assert.equal(counter(s, "vault.token.creation")?.Count, 1);
    now += 60_000;
    m.increment("vault.token.creation", { token_type: "service" });
    assert.match(m.prometheus(state, false), /^vault_token_creation\{token_type="service"\} 2$/m);
  });
});
