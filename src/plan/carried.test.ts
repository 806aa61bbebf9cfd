import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadReportInput, migrate, verify } from "../migrate/index.js";
import { pipelineCases, rawVault, writeTree } from "../migrate/testing.js";
import { verificationSummary } from "../migrate/cli-support.js";
import { renderMarkdown } from "../report/migration-markdown.js";
import { readPlan } from "./plan-file.js";
import { planBindings } from "../run/bindings.js";

// A second migration of a project finds only what is new: the moved values
// are gone from the tree. Its plan, secrets module, policy and `vaultshift run`
// bindings must still hold what the first one moved, or the app silently loses
// every secret it already reads from Vault.

const cases = pipelineCases("carried");
const NEW_TOKEN = "CANARY_new_token_Hq3Lx8Wm2Rt9Zk";

test("a second migration keeps the first one's bindings: module, policy, plan and vaultshift run still name them", async () => {
  const { root, env, vault, app } = { ...cases.next(), app: "carry1" };
  const first = await migrate({ root, env, vault, app, history: false });
  const moved = first.plan.bindings.map((b) => b.envName).sort();
  const literal = first.plan.literals.map((l) => l.name);
  assert.ok(moved.includes("STRIPE_SECRET_KEY") && literal.length > 0, "the fixture moves .env secrets and a hard-coded one");
  const moduleFile = first.plan.secretsModule!.file;

  // Later: a new secret in .env, read by new code.
  appendFileSync(join(root, ".env"), `SENDGRID_API_KEY=${NEW_TOKEN}\n`);
  appendFileSync(join(root, "src/index.js"), "\nexport const mail = process.env.SENDGRID_API_KEY;\n");
  const second = await migrate({ root, env, vault, app, history: false });
  assert.deepEqual(second.plan.secrets.map((s) => s.name), ["SENDGRID_API_KEY"], "only the new secret is moved and verified");
  const carried = (second.plan.carried ?? []).map((c) => c.name).sort();
  assert.deepEqual(carried, [...new Set([...moved, ...literal])].sort(), "everything the first plan bound is carried");
  assert.ok((second.plan.carried ?? []).every((c) => c.planId === first.plan.id));
  const module = readFileSync(join(root, moduleFile), "utf8");
  for (const name of [...moved, ...literal, "SENDGRID_API_KEY"]) assert.match(module, new RegExp(`\\b${name}\\b`), `${name} in the regenerated module`);
  for (const b of first.plan.bindings) for (const e of Object.values(b.environments)) assert.ok(second.plan.policy.hcl.includes(`"${b.mount}/data/${e.path}"`), `${e.path} still in the policy`);
  const onDisk = readPlan(join(root, "vaultshift.plan.json"));
  const run = planBindings(onDisk, "development", "vaultshift.plan.json").bindings.map((b) => b.name).sort();
  assert.deepEqual(run, [...moved, "SENDGRID_API_KEY"].filter((n) => onDisk.bindings.find((b) => b.envName === n && "development" in b.environments)).sort(), "run sets the carried .env names, not the literal");
  assert.ok(!run.some((n) => literal.includes(n)));
  assert.ok(!JSON.stringify(onDisk).includes(NEW_TOKEN), "no value in the plan");

  // A third run with nothing new changes nothing and still carries everything.
  const third = await migrate({ root, env, vault, app, history: false });
  assert.equal(third.plan.secrets.length, 0);
  assert.deepEqual((third.plan.carried ?? []).map((c) => c.name).sort(), [...new Set([...moved, ...literal, "SENDGRID_API_KEY"])].sort());
  assert.equal(third.verification.verdict, "zero-secrets");
});

test("without a secrets module (a Python app), a name the .env no longer holds is carried; a name back in .env is planned anew, and a foreign plan is not carried", async () => {
  const base = join(cases.tmp.dir, "py");
  const vault = { address: cases.server.address, token: cases.server.rootToken };
  const env = { VAULTSHIFT_STATE_DIR: join(base, "state"), HOME: base };
  const root = writeTree(join(base, "app"), {
    ".env": "DB_PASSWORD=CANARY_pw_Vb7Nq2Xc9Lp4\nDEBUG=1\n",
    "app.py": 'import os\nprint(os.environ["DB_PASSWORD"], os.environ.get("API_TOKEN"))\n',
  });
  const first = await migrate({ root, env, vault, app: "pyjob", history: false });
  assert.equal(first.plan.secretsModule, null);
  writeFileSync(join(root, ".env"), `${readFileSync(join(root, ".env"), "utf8")}API_TOKEN=${NEW_TOKEN}\n`);
  const second = await migrate({ root, env, vault, app: "pyjob", history: false });
  assert.deepEqual((second.plan.carried ?? []).map((c) => c.name), ["DB_PASSWORD"]);
  assert.deepEqual(planBindings(readPlan(join(root, "vaultshift.plan.json")), "development", "p").bindings.map((b) => b.name).sort(), ["API_TOKEN", "DB_PASSWORD"]);
  // Another app's plan in the file: nothing carried, and the plan says why.
  const other = await migrate({ root, env, vault, app: "otherjob", history: false });
  assert.equal(other.plan.carried, undefined);
  assert.ok(other.plan.warnings.some((w) => w.code === "previous-plan" && /not of otherjob/.test(w.message)));
});

test("verify checks what a plan kept from an earlier migration: still in Vault and readable by the policy, else incomplete, named in the summary and the report", async () => {
  const { root, env, vault } = cases.next();
  const app = "carry3";
  const first = await migrate({ root, env, vault, app, history: false });
  const stripe = first.plan.bindings.find((b) => b.envName === "STRIPE_SECRET_KEY")!;
  appendFileSync(join(root, ".env"), `SENDGRID_API_KEY=${NEW_TOKEN}\n`);
  appendFileSync(join(root, "src/index.js"), "\nexport const mail = process.env.SENDGRID_API_KEY;\n");
  const second = await migrate({ root, env, vault, app, history: false });
  const kept = second.verification.kept ?? [];
  const carriedLocations = second.plan.bindings.filter((b) => (second.plan.carried ?? []).some((c) => c.name === b.envName)).flatMap((b) => Object.keys(b.environments));
  assert.equal(kept.length, carriedLocations.length, "one check per environment of each carried binding");
  assert.ok(kept.every((k) => k.status === "ok" && k.readableByPolicy === true && typeof k.version === "number"), "all present and readable after the second migration");
  assert.equal(second.verification.verdict, "zero-secrets");
  assert.match(verificationSummary(second.verification), new RegExp(`${kept.length}/${kept.length} kept from earlier migrations still in Vault`));

  // Someone deletes the Stripe key's path in Vault: the app would read nothing. verify must say so.
  const raw = rawVault(vault.address, vault.token);
  const path = Object.values(stripe.environments)[0]!.path;
  assert.equal((await raw.send("DELETE", `${stripe.mount}/metadata/${path}`)).status, 204);
  const again = await verify(second.plan, { root, env, vault });
  assert.equal(again.verdict, "incomplete");
  const gone = (again.kept ?? []).filter((k) => k.status !== "ok");
  assert.ok(gone.length > 0 && gone.every((k) => k.target.path === path), "the deleted path's bindings are missing, the others are not");
  assert.ok(gone.some((k) => k.name === "STRIPE_SECRET_KEY"));
  const summary = verificationSummary(again);
  assert.match(summary, new RegExp(`STRIPE_SECRET_KEY → ${stripe.mount}/${path}#${stripe.key}: missing \\(not in Vault, yet the app reads it`));
  const report = loadReportInput({ root, env });
  assert.ok(report.manualActions.some((m) => m.code === "vault-missing" && m.message.includes("STRIPE_SECRET_KEY")));
  const markdown = renderMarkdown(report);
  assert.match(markdown, /## Kept from earlier migrations/);
  assert.match(markdown, /`STRIPE_SECRET_KEY` \| [^|]+ \| `[^`]+` \| – \| no \|/);
  for (const text of [summary, markdown, JSON.stringify(again)]) assert.ok(!text.includes(NEW_TOKEN), "no value");
});

test("a second migration of an ES module app keeps one ES module flavour: its own generated module is not taken for a CommonJS importer", async () => {
  const base = join(cases.tmp.dir, "esm");
  const vault = { address: cases.server.address, token: cases.server.rootToken };
  const env = { VAULTSHIFT_STATE_DIR: join(base, "state"), HOME: base };
  const root = writeTree(join(base, "app"), {
    "package.json": JSON.stringify({ name: "esm-orders", type: "module" }),
    ".env": "DB_PASSWORD=CANARY_pw_Vb7Nq2Xc9Lp4\nPORT=3000\n",
    "src/server.js": "export const db = process.env.DB_PASSWORD;\n",
  });
  const first = await migrate({ root, env, vault, app: "esm-orders", history: false });
  assert.deepEqual(first.plan.secretsModule, { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm" });
  // A SendGrid-format key, assembled so this file holds none.
  const sendgrid = ["SG", "Xk3vQ9mLp2RtZw4sYb8NcD", "fH7jK2mN9pQ4rS6tV8wX0yZ3aB5cD7eF9gH1iJ3kL5m"].join(".");
  writeFileSync(join(root, "src/mail.js"), `export const mailer = { user: "apikey", pass: "${sendgrid}" };\n`);
  const second = await migrate({ root, env, vault, app: "esm-orders", history: false });
  assert.deepEqual(second.plan.literals.map((l) => [l.file, l.name, l.path]), [["src/mail.js", "SENDGRID_PASS", "esm-orders/shared/sendgrid"]], "the new literal is planned, named after the provider its rule found");
  assert.deepEqual(second.plan.secretsModule, { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm" }, "no CommonJS companion");
  assert.equal(second.verification.verdict, "zero-secrets");
});
