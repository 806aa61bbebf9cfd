import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { VaultshiftError } from "../errors.js";
import { tempDir } from "../migrate/testing.js";
import type { ProgressEvent } from "../plan/types.js";
import { planThread } from "./plan-thread.js";
import { comparable, planWith, reviewApp } from "./review-testing.js";

const tmp = tempDir("plan-thread");
after(() => tmp.remove());

test("the planning thread makes the library's plan, decisions included, with its progress events; one thread serves several plans", async () => {
  const root = reviewApp(join(tmp.dir, "app"));
  const thread = planThread();
  try {
    const events: ProgressEvent[] = [];
    const made = await thread.plan({ root, env: {}, history: false }, (e) => events.push(e));
    assert.deepEqual(comparable(made), comparable(await planWith(root)));
    assert.ok(events.some((e) => e.stage === "scan") && events.some((e) => e.stage === "plan"), JSON.stringify(events));
    const decisions = [{ name: "DB_PASSWORD", file: ".env", action: "keep" as const }];
    const kept = await thread.plan({ root, env: {}, history: false, decisions }, () => {});
    assert.deepEqual(comparable(kept), comparable(await planWith(root, decisions)));
    assert.ok(!kept.secrets.some((s) => s.name === "DB_PASSWORD" && s.environment === "development"));
  } finally {
    thread.stop();
  }
});

test("a plan that cannot be made crosses back as the library's error, with its hint", async () => {
  const root = reviewApp(join(tmp.dir, "broken"));
  writeFileSync(join(root, "vaultshift.config.json"), "{ not json");
  const thread = planThread();
  try {
    await assert.rejects(thread.plan({ root, env: {}, history: false }, () => {}), (e: unknown) => {
      assert.ok(e instanceof VaultshiftError, String(e));
      assert.match(e.message, /vaultshift\.config\.json/);
      assert.ok(e.hint, "a hint");
      return true;
    });
  } finally {
    thread.stop();
  }
});

test("after stop() no plan is started", async () => {
  const thread = planThread();
  thread.stop();
  await assert.rejects(thread.plan({ root: tmp.dir, env: {}, history: false }, () => {}), /the session has ended/);
});
