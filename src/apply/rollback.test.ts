import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apply, plan, rollback, verify } from "../migrate/index.js";
import { pipelineCases, rawVault, snapshot } from "../migrate/testing.js";
import { PlanError } from "../errors.js";

const cases = pipelineCases("rollback");
const tmp = cases.tmp;

function setup() {
  const { root, env, vault, original, n } = cases.next();
  return { root, env, vault, original, app: `rb${n}` };
}

test("rollback refuses, changing nothing, when a file or a secret changed after apply; --force restores anyway", async () => {
  const { root, env, vault, original, app } = setup();
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  appendFileSync(join(root, "src/db.js"), "// edited after the migration\n");
  const kv = rawVault(cases.server.address, cases.server.rootToken);
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

test("a secret gone from Vault since the migration (deleted, or a dev server restarted without --data) is named as gone, not as 'version 0 written after'", async () => {
  const { root, env, vault, app } = setup();
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  const kv = rawVault(cases.server.address, cases.server.rootToken);
  assert.equal((await kv.send("DELETE", `secret/metadata/${app}/production/stripe`)).status, 204);
  const before = snapshot(root);
  await assert.rejects(rollback({ root, env, vault }), (e: unknown) => {
    const m = (e as Error).message;
    return e instanceof PlanError && m.includes(`secret/${app}/production/stripe (gone from Vault: the migration wrote version 1;`) && !/version 0 written/.test(m);
  });
  assert.deepEqual(snapshot(root), before, "nothing changed");
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
  assert.equal((await rawVault(cases.server.address, cases.server.rootToken).get(`secret/metadata/${app}/development/database`)).status, 404);
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
  assert.equal((await rawVault(cases.server.address, cases.server.rootToken).get(`secret/metadata/${app}/development/database`)).status, 404);
  writeFileSync(join(dir, "lock"), JSON.stringify({ pid: 2 ** 22 + 12345, what: "apply" }));
  await apply(p, { root, env, vault });
  assert.equal(existsSync(join(dir, "lock")), false);
});

test("applying an applied plan changes nothing even when the state directory was lost", async () => {
  const { root, env, vault, app } = setup();
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  const kv = rawVault(cases.server.address, cases.server.rootToken);
  const versions = await Promise.all(p.targets.map(async (t) => (await kv.get(`secret/metadata/${t.path}`)).body.data.current_version));
  const tree = snapshot(root);
  const { rmSync } = await import("node:fs");
  rmSync(env.VAULTSHIFT_STATE_DIR, { recursive: true, force: true });
  const r = await apply(p, { root, env, vault });
  assert.ok(r.writes.every((w) => w.skipped), "nothing is written again");
  assert.ok(r.files.every((f) => !f.changed));
  assert.deepEqual(await Promise.all(p.targets.map(async (t) => (await kv.get(`secret/metadata/${t.path}`)).body.data.current_version)), versions);
  assert.deepEqual(snapshot(root), tree);
});

test("a token that may write the app's secrets but not policies: apply completes and says which policy to hand to an operator", async () => {
  const { root, env, app } = setup();
  const kv = rawVault(cases.server.address, cases.server.rootToken);
  const hcl = [
    `path "secret/data/${app}/*" { capabilities = ["create", "read", "update"] }`,
    `path "secret/metadata/${app}/*" { capabilities = ["read", "delete"] }`,
  ].join("\n");
  assert.ok([200, 204].includes((await kv.send("PUT", "sys/policies/acl/limited-writer", { policy: hcl })).status));
  const token = (await kv.send("POST", "auth/token/create", { policies: ["limited-writer"], ttl: "10m" })).body.auth.client_token as string;
  const vault = { address: cases.server.address, token };
  const p = await plan({ root, env, vault, app });
  const r = await apply(p, { root, env, vault });
  assert.equal(r.policy.written, false);
  assert.ok(r.warnings.some((w) => w.code === "policy-not-written" && w.message.includes(`${app}-read`)));
  assert.equal((await kv.get(`secret/metadata/${app}/development/database`)).body.data.current_version, 1);
  assert.equal((await kv.get(`sys/policies/acl/${app}-read`)).status, 404);
  // This token cannot tell whether the app can read: the check is reported as not done.
  const limited = await verify(p, { root, env, vault });
  assert.equal(limited.policy.checked, false);
  assert.ok(limited.policy.message);
  assert.equal(limited.verdict, "unchecked", "a check that did not run is not a pass");
  assert.deepEqual(limited.unchecked?.map((u) => u.check), ["policy"]);
  // A token that can see policies finds the policy missing: not a finished migration.
  const full = await verify(p, { root, env, vault: { address: cases.server.address, token: cases.server.rootToken } });
  assert.equal(full.verdict, "incomplete");
  assert.match(full.policy.message ?? "", /does not exist/);
});

test("a dry run shows the plan's diffs, which hide a secret that stays in a changed file (package.json config)", async () => {
  const { root, env, vault, app } = setup();
  const hook = "whsec_CANARYdry5Hk8Ls2Qw7Er4Ty9U";
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(root, "package.json"), JSON.stringify({ ...pkg, config: { webhookSecret: hook } }, null, 2) + "\n");
  const p = await plan({ root, env, vault, app });
  const r = await apply(p, { root, env, vault, dryRun: true });
  const diff = r.diffs.find((d) => d.includes("package.json"));
  assert.ok(diff !== undefined && diff.includes("webhookSecret"), "the package.json diff shows the config block");
  assert.ok(r.diffs.every((d) => !d.includes(hook)), "a dry run printed the package.json secret");
});
