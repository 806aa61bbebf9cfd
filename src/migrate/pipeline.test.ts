import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { readDotenv } from "../scan/dotenv-reader.js";
import { readPlan } from "../plan/plan-file.js";
import type { ProgressEvent } from "../plan/types.js";
import { apply, migrate, plan, rollback, verify } from "./index.js";
import { FIXTURES, allText, canaries, pipelineCases, rawVault, snapshot } from "./testing.js";

const FIXTURE = join(FIXTURES, "pipeline-basic");
import { runCli } from "../cli/main.js";
import { PlanError } from "../errors.js";

// The whole pipeline against the in-process dev server, on a copy of
// fixtures/pipeline-basic (.env + .env.production + a hard-coded key).

const cases = pipelineCases("pipeline");
const tmp = cases.tmp;

function setup() {
  const { root, env, stateDir, vault, original } = cases.next();
  return { root, env, stateDir, vault, original };
}

/** The values of the fixture's .env files, read with the dotenv grammar (independently of the pipeline). */
function envValue(root: string, file: string, key: string): string {
  return readDotenv(readFileSync(join(root, file), "utf8")).find((e) => e.key === key)!.value;
}

test("migrate moves every secret into Vault, rewrites the code, cleans .env, and proves zero secrets", async () => {
  const { root, env, stateDir, vault, original } = setup();
  const planted = canaries(root);
  assert.ok(planted.length >= 7);
  const dbPassword = envValue(root, ".env", "DB_PASSWORD");
  const prodStripe = envValue(root, ".env.production", "STRIPE_SECRET_KEY");
  const events: ProgressEvent[] = [];
  const r = await migrate({ root, vault, env, app: "shop", onProgress: (e) => events.push(e) });

  assert.equal(r.verification.verdict, "zero-secrets", JSON.stringify(r.verification.rescan.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)));
  assert.equal(r.plan.secrets.length, 7);
  const kv = rawVault(cases.server.address, cases.server.rootToken);
  const dev = await kv.get("secret/data/shop/development/database");
  assert.equal(dev.body.data.data.password, dbPassword);
  assert.equal(dev.body.data.data.url, envValue(FIXTURE, ".env", "DATABASE_URL"));
  assert.equal((await kv.get("secret/data/shop/production/stripe")).body.data.data.secret_key, prodStripe);
  assert.match((await kv.get("secret/data/shop/shared/stripe")).body.data.data.key, /^sk_live_CANARY88/);
  const policy = await kv.get("sys/policies/acl/shop-read");
  assert.match(policy.body.data.policy, /path "secret\/data\/shop\/production\/stripe"/);

  // No value left in the tree: .env keeps config only, code reads the secrets module.
  for (const c of planted) assert.ok(!allText(root).includes(c), `a planted value is still in the tree`);
  assert.match(readFileSync(join(root, ".env"), "utf8"), /^PORT=3000$/m);
  assert.match(readFileSync(join(root, "src/db.js"), "utf8"), /secrets\.DB_PASSWORD/);
  assert.match(readFileSync(join(root, "package.json"), "utf8"), /"vaultshift": "\^/);
  assert.ok(readFileSync(join(root, ".gitignore"), "utf8").includes(".env"));

  // The plan, journal, reports and progress messages hold no value.
  const planText = readFileSync(join(root, "vaultshift.plan.json"), "utf8");
  const stateFiles = readdirSync(stateDir, { recursive: true }).map(String).filter((f) => !f.startsWith(join(readdirSync(stateDir)[0]!, "backups")) && statSync(join(stateDir, f)).isFile());
  const stateText = stateFiles.map((f) => readFileSync(join(stateDir, f), "utf8")).join("\n");
  const messages = JSON.stringify(events);
  for (const c of planted) {
    assert.ok(!planText.includes(c), "plan holds a value");
    assert.ok(!stateText.includes(c), "journal holds a value");
    assert.ok(!messages.includes(c), "progress holds a value");
    assert.ok(!JSON.stringify(r.report).includes(c), "report holds a value");
    for (const f of r.reports) assert.ok(!readFileSync(f, "utf8").includes(c), `${f} holds a value`);
  }
  assert.deepEqual(r.reports.map((f) => f.split(".").pop()).sort(), ["html", "json", "md", "sarif"]);
  // The backups that hold plaintext are private.
  const dir = join(stateDir, readdirSync(stateDir)[0]!);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  for (const f of readdirSync(join(dir, "backups"))) assert.equal(statSync(join(dir, "backups", f)).mode & 0o777, 0o600);
  for (const stage of ["scan", "map", "backup", "write", "policy", "rewrite", "clean", "verify", "report"]) assert.ok(events.some((e) => e.stage === stage), `no ${stage} progress`);

  // Applying the applied plan changes nothing.
  const versions = (await kv.get("secret/metadata/shop/development/database")).body.data.current_version;
  const treeAfter = snapshot(root);
  const again = await apply(readPlan(join(root, "vaultshift.plan.json")), { root, vault, env });
  assert.equal(again.alreadyApplied, true);
  assert.equal((await kv.get("secret/metadata/shop/development/database")).body.data.current_version, versions);
  assert.deepEqual(snapshot(root), treeAfter);

  // Rollback: every file byte for byte, the secrets the migration created are gone, the policy too.
  await rollback({ root, vault, env });
  const restored = snapshot(root);
  restored.delete("vaultshift.plan.json");
  for (const f of [...restored.keys()]) if (f.startsWith("reports/")) restored.delete(f);
  assert.deepEqual(restored, original);
  assert.equal((await kv.get("secret/metadata/shop/development/database")).status, 404);
  assert.equal((await kv.get("sys/policies/acl/shop-read")).status, 404);
  assert.equal(readdirSync(dir).includes("backups"), false, "plaintext backups are removed after rollback");
});

test("apply merges into an existing secret and rollback returns it to its previous version", async () => {
  const { root, env, vault } = setup();
  const kv = rawVault(cases.server.address, cases.server.rootToken);
  await kv.send("POST", "secret/data/merge/development/database", { data: { password: "old-password-value", replica: "db2.internal" } });
  const p = await plan({ root, vault, env, app: "merge" });
  assert.equal(p.targets.find((t) => t.path === "merge/development/database")!.versionAtPlan, 1);
  assert.ok(p.warnings.some((w) => w.code === "vault-value-differs"));
  await apply(p, { root, vault, env });
  const merged = (await kv.get("secret/data/merge/development/database")).body.data;
  assert.equal(merged.metadata.version, 2);
  assert.equal(merged.data.replica, "db2.internal");
  assert.equal(merged.data.password, envValue(FIXTURE, ".env", "DB_PASSWORD"));
  await rollback({ root, vault, env });
  const back = (await kv.get("secret/data/merge/development/database")).body.data;
  assert.deepEqual(back.data, { password: "old-password-value", replica: "db2.internal" });
  assert.equal(back.metadata.version, 3);
});

test("a value changed after planning stops apply before anything is written", async () => {
  const { root, env, vault, original } = setup();
  const p = await plan({ root, vault, env, app: "stale" });
  const { writeFileSync } = await import("node:fs");
  writeFileSync(join(root, ".env.production"), readFileSync(join(root, ".env.production"), "utf8").replace(/DB_PASSWORD=.*/, "DB_PASSWORD=CANARY_rotated_Yt5Bn8Mk2Lq"));
  await assert.rejects(apply(p, { root, vault, env }), (e: unknown) => e instanceof PlanError && /changed since the plan/.test((e as Error).message) && !(e as Error).message.includes("CANARY"));
  assert.equal((await rawVault(cases.server.address, cases.server.rootToken).get("secret/metadata/stale/production/database")).status, 404);
  const now = snapshot(root);
  now.delete(".env.production");
  const orig = new Map(original);
  orig.delete(".env.production");
  assert.deepEqual(now, orig);
});

test("the CLI: plan writes a plan, apply without --yes changes nothing, --dry-run shows redacted diffs, verify exits 0, report exits 0", async () => {
  const { root, env, original } = setup();
  const planted = canaries(root);
  const cliEnv = { ...env, VAULT_ADDR: cases.server.address, VAULT_TOKEN: cases.server.rootToken };
  const planned = await runCli(["plan", root, "--app", "cli"], { cwd: root, env: cliEnv });
  assert.equal(planned.exitCode, 0, planned.stderr);
  const preview = await runCli(["apply"], { cwd: root, env: cliEnv });
  assert.equal(preview.exitCode, 0);
  assert.match(preview.stdout, /--yes/);
  const dry = await runCli(["apply", "--dry-run"], { cwd: root, env: cliEnv });
  assert.equal(dry.exitCode, 0, dry.stderr);
  assert.match(dry.stdout, /would write secret\/cli\/development\/database/);
  assert.match(dry.stdout, /^-DB_PASSWORD=CANA…\(28 chars\)$/m);
  const tree = snapshot(root);
  tree.delete("vaultshift.plan.json");
  assert.deepEqual(tree, original);
  const applied = await runCli(["apply", "--yes"], { cwd: root, env: cliEnv });
  assert.equal(applied.exitCode, 0, applied.stderr);
  const verified = await runCli(["verify"], { cwd: root, env: cliEnv });
  assert.equal(verified.exitCode, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /Verdict: zero-secrets/);
  const json = await runCli(["report", "--format", "json"], { cwd: root, env: cliEnv });
  assert.equal(json.exitCode, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).verdict, "zero-secrets");
  for (const format of ["md", "html", "sarif"]) {
    const out = await runCli(["report", "--format", format, "--output", join(root, "out", `r.${format}`)], { cwd: root, env: cliEnv });
    assert.equal(out.exitCode, 0, out.stderr);
    const text = readFileSync(join(root, "out", `r.${format}`), "utf8");
    assert.match(text, /database/);
    for (const c of planted) assert.ok(!text.includes(c), `${format} report holds a value`);
  }
  const rolled = await runCli(["rollback"], { cwd: root, env: cliEnv });
  assert.equal(rolled.exitCode, 2);
  for (const out of [planned, preview, dry, applied, verified, json, rolled]) {
    for (const c of planted) assert.ok(!out.stdout.includes(c) && !out.stderr.includes(c), "CLI output holds a value");
  }
  const undone = await runCli(["rollback", "--yes"], { cwd: root, env: cliEnv });
  assert.equal(undone.exitCode, 0, undone.stderr);
  assert.equal(readFileSync(join(root, ".env"), "utf8"), original.get(".env")!.toString("utf8"));
});

test("migrate without --yes explains how to run it", async () => {
  const r = await runCli(["migrate"], { cwd: tmp.dir, env: {} });
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /--yes/);
});

test("verify reports a secret deleted from Vault as incomplete", async () => {
  const { root, env, vault } = setup();
  const p = await plan({ root, vault, env, app: "gone" });
  await apply(p, { root, vault, env });
  await rawVault(cases.server.address, cases.server.rootToken).send("DELETE", "secret/metadata/gone/production/stripe");
  const v = await verify(p, { root, vault, env });
  assert.equal(v.verdict, "incomplete");
  assert.deepEqual(v.secrets.filter((s) => s.status !== "ok").map((s) => s.target.path), ["gone/production/stripe"]);
  const report = await runCli(["report", "--format", "json"], { cwd: root, env });
  assert.equal(report.exitCode, 1);
  assert.equal(JSON.parse(report.stdout).verdict, "incomplete");
});

test("a project without secrets: the plan is empty, apply and verify succeed without touching anything", async () => {
  const base = join(tmp.dir, "clean");
  const root = join(base, "app");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, ".env"), "PORT=3000\nLOG_LEVEL=info\n");
  writeFileSync(join(root, "index.js"), "export const port = process.env.PORT;\n");
  const env = { VAULTSHIFT_STATE_DIR: join(base, "state"), HOME: base };
  const before = snapshot(root);
  const r = await migrate({ root, env, vault: { address: cases.server.address, token: cases.server.rootToken }, app: "clean", reportsDir: join(base, "reports") });
  assert.equal(r.plan.secrets.length, 0);
  assert.equal(r.plan.files.length, 0);
  assert.equal(r.verification.verdict, "zero-secrets");
  const after = snapshot(root);
  after.delete("vaultshift.plan.json");
  assert.deepEqual(after, before);
  assert.equal((await rawVault(cases.server.address, cases.server.rootToken).get("sys/policies/acl/clean-read")).status, 404);
});

test("a mount that is missing or KV v1 stops the migration before anything changes", async () => {
  const { root, env, vault, original } = setup();
  await assert.rejects(migrate({ root, env, vault, app: "nomount", mount: "absent" }), (e: unknown) => e instanceof PlanError && /no secrets engine mounted at absent\//.test((e as Error).message));
  await rawVault(cases.server.address, cases.server.rootToken).send("POST", "sys/mounts/legacy", { type: "kv", options: { version: "1" } });
  await assert.rejects(migrate({ root, env, vault, app: "v1", mount: "legacy" }), (e: unknown) => e instanceof PlanError && /KV version 1/.test((e as Error).message) && /enable-versioning/.test((e as PlanError).hint ?? ""));
  const tree = snapshot(root);
  tree.delete("vaultshift.plan.json");
  assert.deepEqual(tree, original);
});

test("the migrated app runs and reads each environment's secrets from Vault", async () => {
  const { root, env, vault } = setup();
  const { mkdirSync, symlinkSync } = await import("node:fs");
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  // The app imports vaultshift/runtime: point its node_modules at this package.
  mkdirSync(join(root, "node_modules"));
  symlinkSync(join(FIXTURES, ".."), join(root, "node_modules", "vaultshift"), "dir");
  const r = await migrate({ root, vault, env, app: "runs", history: false });
  assert.equal(r.verification.verdict, "zero-secrets");
  const script = `const m = await import(${JSON.stringify(join(root, "src/index.js"))}); console.log(JSON.stringify(m.describe()));`;
  for (const [nodeEnv, file] of [["development", ".env"], ["production", ".env.production"]] as const) {
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH ?? "", VAULT_ADDR: cases.server.address, VAULT_TOKEN: cases.server.rootToken, NODE_ENV: nodeEnv },
      timeout: 20_000,
    });
    const out = JSON.parse(stdout) as { dbPasswordLength: number; stripeConfigured: boolean };
    assert.equal(out.dbPasswordLength, envValue(FIXTURE, file, "DB_PASSWORD").length, nodeEnv);
    assert.equal(out.stripeConfigured, true);
  }
});

test("running migrate again on a migrated tree changes nothing and rollback still undoes the first run", async () => {
  const { root, env, vault, original } = setup();
  await migrate({ root, vault, env, app: "twice", history: false });
  const second = await migrate({ root, vault, env, app: "twice", history: false });
  assert.equal(second.plan.secrets.length, 0);
  assert.equal(second.verification.verdict, "zero-secrets");
  await rollback({ root, vault, env });
  const tree = snapshot(root);
  tree.delete("vaultshift.plan.json");
  for (const f of [...tree.keys()]) if (f.startsWith("reports/")) tree.delete(f);
  assert.deepEqual(tree, original);
});

test("verify checks the app policy with a token that holds it: readable everywhere, then not where a narrower policy stops", async () => {
  const { root, env, vault } = setup();
  const p = await plan({ root, vault, env, app: "probe" });
  await apply(p, { root, vault, env });
  const v = await verify(p, { root, vault, env });
  assert.equal(v.policy.checked, true, v.policy.message);
  assert.equal(v.policy.message, undefined);
  assert.ok(v.secrets.length > 0);
  for (const s of v.secrets) assert.equal(s.readableByPolicy, true, `${s.target.path} not readable by the policy`);
  assert.equal(v.verdict, "zero-secrets");

  // The operator narrows the policy: it no longer grants production/stripe.
  const kv = rawVault(cases.server.address, cases.server.rootToken);
  const narrowed = p.policy.hcl.replace(/path "secret\/data\/probe\/production\/stripe" \{[^}]*\}\n?/, "");
  assert.notEqual(narrowed, p.policy.hcl, "the plan's policy names the path");
  assert.ok([200, 204].includes((await kv.send("PUT", "sys/policies/acl/probe-read", { policy: narrowed })).status));
  const n = await verify(p, { root, vault, env });
  assert.equal(n.policy.checked, true, n.policy.message);
  assert.equal(n.verdict, "incomplete");
  const blocked = n.secrets.filter((s) => s.readableByPolicy === false).map((s) => s.target.path);
  assert.ok(blocked.length > 0);
  assert.deepEqual([...new Set(blocked)], ["probe/production/stripe"]);
  assert.ok(n.secrets.filter((s) => s.target.path !== "probe/production/stripe").every((s) => s.readableByPolicy === true));

  // An operator stripped sys/capabilities-self from `default`: the caller's token asks about the probe by accessor.
  const stock = (await kv.get("sys/policies/acl/default")).body.data.policy as string;
  const stripped = stock.replace(/path "sys\/capabilities-self" \{[^}]*\}\n?/, "");
  assert.notEqual(stripped, stock);
  assert.ok([200, 204].includes((await kv.send("PUT", "sys/policies/acl/default", { policy: stripped })).status));
  try {
    const a = await verify(p, { root, vault, env });
    assert.equal(a.policy.checked, true, a.policy.message);
    assert.deepEqual([...new Set(a.secrets.filter((s) => s.readableByPolicy === false).map((s) => s.target.path))], ["probe/production/stripe"]);
  } finally {
    await kv.send("PUT", "sys/policies/acl/default", { policy: stock });
  }
});
