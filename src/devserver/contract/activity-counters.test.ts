import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, type Target } from "./target.js";

// The client-count endpoints the Vault UI's "Client count" page and
// `vault operator usage` read (vault/logical_system_activity.go,
// vault/activity_log.go; api-docs/system/internal-counters), on a server
// whose activity log has seen no client. Until this round: 404.

const ZERO = { distinct_entities: 0, entity_clients: 0, non_entity_tokens: 0, non_entity_clients: 0, clients: 0 };

describe("sys/internal/counters/activity and counters/config on an empty activity log", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("config: the community edition's defaults, validated writes", async () => {
    const r = await call(t, "GET", "sys/internal/counters/config");
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.data, { default_report_months: 12, retention_months: 24, enabled: "default-disabled", queries_available: false });
    for (const [body, message] of [
      [{ enabled: "on" }, 'enabled must be one of "enable", "disable", "default"'],
      [{ retention_months: -1 }, "retention_months must be greater than or equal to 0"],
      [{ default_report_months: 0 }, "default_report_months must be greater than 0"],
    ] as const) {
      const bad = await call(t, "POST", "sys/internal/counters/config", { body });
      assert.equal(bad.status, 400, bad.text);
      assert.deepEqual(bad.body.errors, [message]);
    }
    assert.equal((await call(t, "GET", "sys/internal/counters/config")).body.data.retention_months, 24, "a refused write changed nothing");
  });

  test("monthly: 204 while the log is disabled; zero counts once enabled", async () => {
    assert.equal((await call(t, "GET", "sys/internal/counters/activity/monthly")).status, 204);
    const capped = await call(t, "POST", "sys/internal/counters/config", { body: { enabled: "enable", retention_months: 100 } });
    assert.equal(capped.status, 200, capped.text);
    assert.deepEqual(capped.body.warnings, ["retention_months cannot be greater than 60; capped to 60."]);
    try {
      const c = (await call(t, "GET", "sys/internal/counters/config")).body.data;
      assert.equal(c.enabled, "enable");
      assert.equal(c.retention_months, 60);
      const m = await call(t, "GET", "sys/internal/counters/activity/monthly");
      assert.equal(m.status, 200, m.text);
      assert.equal(m.body.data.clients, 0);
      assert.deepEqual(m.body.data.by_namespace, []);
    } finally {
      await call(t, "POST", "sys/internal/counters/config", { body: { enabled: "default", retention_months: 24 } });
    }
  });

  test("activity: zero totals over whole months ending this month, earlier months as placeholders", async () => {
    const now = new Date();
    const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().replace(".000Z", "Z");
    const r = await call(t, "GET", "sys/internal/counters/activity");
    assert.equal(r.status, 200, r.text);
    const d = r.body.data;
    assert.deepEqual(d.total, ZERO);
    assert.deepEqual(d.by_namespace, []);
    assert.equal(d.months.length, 12, "default_report_months months");
    assert.deepEqual(d.months[11], { timestamp: thisMonth, counts: ZERO, namespaces: [], new_clients: { counts: ZERO, namespaces: [] } });
    assert.deepEqual(d.months[0], { timestamp: d.start_time, counts: null, namespaces: null, new_clients: null });
    assert.match(d.end_time, /T23:59:59Z$/, "the range ends at the end of the month");

    const ranged = (await call(t, "GET", "sys/internal/counters/activity?start_time=2020-03-15T10:00:00Z&end_time=2020-05-02T00:00:00Z")).body.data;
    assert.equal(ranged.start_time, "2020-03-01T00:00:00Z");
    assert.equal(ranged.end_time, "2020-05-31T23:59:59Z");
    assert.deepEqual(ranged.months, [], "a range in the past has no precomputed query, so no months");

    const reversed = await call(t, "GET", "sys/internal/counters/activity?start_time=2024-02-01T00:00:00Z&end_time=2024-01-01T00:00:00Z");
    assert.equal(reversed.status, 400);
    assert.deepEqual(reversed.body.errors, ["start_time is later than end_time"]);
  });
});
