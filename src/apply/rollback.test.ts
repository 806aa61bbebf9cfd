import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { apply, plan, rollback } from "../migrate/index.js";
import { copyFixture, rawVault, snapshot, tempDir } from "../migrate/testing.js";
import { PlanError } from "../errors.js";

let server: DevServer;
const tmp = tempDir("rollback");
before(async () => {
  server = await startDevServer({ port: 0 });
});
after(async () => {
  await server.close();
  tmp.remove();
});

let n = 0;
function setup() {
  const base = join(tmp.dir, `case-${++n}`);
  const root = copyFixture("pipeline-basic", base);
  return { root, env: { VAULTSHIFT_STATE_DIR: join(base, "state"), HOME: base }, vault: { address: server.address, token: server.rootToken }, original: snapshot(root), app: `rb${n}` };
}

test("rollback refuses, changing nothing, when a file or a secret changed after apply; --force restores anyway", async () => {
  const { root, env, vault, original, app } = setup();
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  appendFileSync(join(root, "src/db.js"), "// edited after the migration\n");
  const kv = rawVault(server.address, server.rootToken);
  await kv.send("POST", `secret/data/${app}/production/stripe`, { data: { secret_key: "rotated-by-someone", note: "x" } });
  const edited = snapshot(root);
  await assert.rejects(rollback({ root, env, vault }), (e: unknown) => {
    const m = (e as Error).message;
    return e instanceof PlanError && m.includes("src/db.js") && m.includes(`secret/${app}/production/stripe`) && /--force/.test((e as PlanError).hint ?? "");
  });
  assert.deepEqual(snapshot(root), edited);
  assert.equal((await kv.get(`secret/metadata/${app}/development/database`)).status, 200);

  const r = await rollback({ root, env, vault, force: true });
  assert.ok(r.files.some((f) => f.file === "src/db.js" && f.action === "restored"));
  const tree = snapshot(root);
  tree.delete("vaultshift.plan.json");
  assert.deepEqual(tree, original);
  assert.equal((await kv.get(`secret/metadata/${app}/production/stripe`)).status, 404);
});

test("rollback without an applied migration, and a second rollback, explain themselves", async () => {
  const { root, env, vault, app } = setup();
  await assert.rejects(rollback({ root, env, vault }), (e: unknown) => e instanceof PlanError && /no applied migration/.test((e as Error).message));
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  await rollback({ root, env, vault });
  await assert.rejects(rollback({ root, env, vault }), (e: unknown) => e instanceof PlanError && /already rolled back/.test((e as Error).message));
  // And the plan can be applied again after a rollback.
  const again = await apply(p, { root, env, vault });
  assert.equal(again.alreadyApplied, false);
  assert.ok(!readFileSync(join(root, ".env"), "utf8").includes("CANARY"));
});

test("a dry run writes nothing: no file, no secret, no state", async () => {
  const { root, env, vault, original, app } = setup();
  const p = await plan({ root, env, vault, app });
  const r = await apply(p, { root, env, vault, dryRun: true });
  assert.equal(r.writes.length, p.targets.length);
  assert.ok(r.diffs.length === p.files.length && r.diffs.every((d) => !d.includes("CANARY_dbpw_7Hq2Lm9Xz4KpW3rT")));
  assert.deepEqual(snapshot(root), original);
  assert.equal(existsSync(env.VAULTSHIFT_STATE_DIR), false);
  assert.equal((await rawVault(server.address, server.rootToken).get(`secret/metadata/${app}/development/database`)).status, 404);
});

test("apply refuses a plan while another plan is half-applied", async () => {
  const { root, env, vault, app } = setup();
  const p = await plan({ root, env, vault, app });
  await assert.rejects(apply(p, { root, env: { ...env, VAULTSHIFT_FAIL_AT_STEP: "3" }, vault }));
  writeFileSync(join(root, "extra.js"), "export const x = process.env.PORT;\n");
  const other = await plan({ root, env, vault, app });
  await assert.rejects(apply(other, { root, env, vault }), (e: unknown) => e instanceof PlanError && /half-applied/.test((e as Error).message));
});

test("one apply at a time: a live lock holder blocks, a dead one's lock is taken over", async () => {
  const { root, env, vault, app } = setup();
  const p = await plan({ root, env, vault, app });
  const { mkdirSync } = await import("node:fs");
  const { projectId } = await import("../plan/project.js");
  const dir = join(env.VAULTSHIFT_STATE_DIR, projectId(root));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "lock"), JSON.stringify({ pid: process.ppid, what: "apply" }));
  await assert.rejects(apply(p, { root, env, vault }), (e: unknown) => e instanceof PlanError && new RegExp(`pid ${process.ppid}`).test((e as Error).message));
  assert.equal((await rawVault(server.address, server.rootToken).get(`secret/metadata/${app}/development/database`)).status, 404);
  writeFileSync(join(dir, "lock"), JSON.stringify({ pid: 2 ** 22 + 12345, what: "apply" }));
  await apply(p, { root, env, vault });
  assert.equal(existsSync(join(dir, "lock")), false);
});
