import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, readMigrated, warningPlaces } from "./harness.js";

// Round 9 of apps written without looking at the rewriter
// (fixtures/apps-blind9/, docs/migration.md "Unseen apps, round 9"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind9", "apps-blind9", { links: ["dotenv"] });
const installed = installedFrom("apps-blind9");
const ENVS = ["development", "production"];

/** What the plan kept as configuration, as "file:NAME". */
const keptAsConfig = (run: { result: { plan: { config: { file: string; name: string }[] } } }): string[] => run.result.plan.config.map((c) => `${c.file}:${c.name}`);

test("envalid: cleanEnv(process.env, specs) behind a strict proxy, a custom validator, env.isProduction", { timeout: 120_000 }, async () => {
  const run = await migrated(app("envalid-api", "plover-billing", ENVS, "scripts/digest.js", { prepare: installed("envalid") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("Hono on Node: env(c) from hono/adapter per request, bearerAuth and jwt secrets at load, .env.<mode> then config()", { timeout: 120_000 }, async () => {
  const run = await migrated(app("hono-node", "kittiwake-api", ENVS, "scripts/smoke.mjs", { prepare: installed("hono", "@hono/node-server") }));
  await assertMigrated(run, suite.server);
  // .env.<mode> then a bare config(): .env is every environment's base layer.
  assert.ok(run.result.plan.secrets.some((s) => s.source.file === ".env" && s.environment === "shared"));
  // Read through env(c) (some also as secrets.X): the secrets module sets them in process.env too, said.
  assert.match(run.result.plan.warnings.find((w) => w.code === "library-read" && w.message.includes("other than as a process.env read"))!.message, /^GITHUB_WEBHOOK_SECRET, JWT_SECRET, OPENAI_API_KEY are named/);
  await assertRollback(run, suite.server);
});

test("BullMQ: producer and worker processes sharing a config, a sandboxed processor forked with the worker's env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("bullmq-sandboxed", "gannet-mailer", ENVS, "scripts/run-queue.js", { prepare: installed("bullmq") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("children: workerData: process.env, fork with execArgv --env-file=.env and a minimal env, spawn node --env-file=.env.<mode>", { timeout: 120_000 }, async () => {
  const run = await migrated(app("child-env", "petrel-media", ENVS, "scripts/supervise.js"));
  assert.match(readMigrated(run, "scripts/supervise.js"), /workerData: \{ \.\.\.processEnv \}/);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "child-env"), ["scripts/supervise.js:28", "scripts/supervise.js:40"]);
  // Round 9's miss, fixed: the Thumbor key (SECURITY_KEY, a word-prefixed value) is a secret and moves.
  assert.ok(!keptAsConfig(run).includes(".env:THUMBOR_SECURITY_KEY"));
  assert.ok(run.result.plan.secrets.some((x) => x.name === "THUMBOR_SECURITY_KEY"));
  assert.doesNotMatch(readFileSync(join(run.root, "vaultshift.plan.json"), "utf8"), /THUMBOR_SECURITY_KEY=thumbor-/);
  await assertMigrated(run, suite.server, { sameBehaviour: false });
  // A change, said by child-env at supervise.js:40 ("can read every secret of the app, also ones it was
  // not given before"): the cleanup job, spawned with --env-file=.env.development only, did not see the
  // key that .env holds; with the secrets module it reads development's secrets, .env's included.
  // Production (the key is in .env.production) and every other output line are the same.
  const production = ENVS.indexOf("production");
  assert.equal(run.after[production]!.digest, run.before[production]!.digest);
  const development = ENVS.indexOf("development");
  const lines = (o: string) => o.split("\n").filter((l) => !l.startsWith("digest "));
  const [before, after] = [lines(run.before[development]!.output), lines(run.after[development]!.output)];
  assert.equal(after.length, before.length);
  const changed = before.flatMap((l, i) => (l === after[i] ? [] : [[l, after[i]]]));
  assert.equal(changed.length, 1, JSON.stringify(changed));
  assert.equal(changed[0]![0]!.replace('\\"thumbor\\":false', '\\"thumbor\\":true'), changed[0]![1]);
  await assertRollback(run, suite.server);
});

test("drizzle.config.ts loaded by drizzle-kit (TypeScript compiled to CommonJS on require) next to an ESM app with no tsconfig", { timeout: 120_000 }, async () => {
  const run = await migrated(app("drizzle-cli", "tern-notes", ENVS, "scripts/db-check.mjs", { links: ["dotenv", "typescript"], prepare: installed("drizzle-kit", "drizzle-orm") }));
  await assertMigrated(run, suite.server);
  assert.match(readMigrated(run, "drizzle.config.ts"), /from "\.\/src\/vaultshift-secrets\.cjs"/);
  await assertRollback(run, suite.server);
});

test("runtime-agnostic code: Deno.env.get under a Deno task with --env-file, Bun.env ?? process.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("runtime-agnostic", "skimmer-forms", ENVS, "scripts/check.mjs"));
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  // What Deno code reads (and the files it imports) stays, said: Deno cannot load the secrets module.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "deno-runtime"), [".env:2", ".env:4", ".env.production:2"]);
  assert.doesNotMatch(readMigrated(run, "src/mail.js"), /vaultshift-secrets/);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  // Bun.env ?? process.env (Node code that Bun also runs) is migrated.
  assert.match(readMigrated(run, "src/turnstile.js"), /processEnv/);
  await assertRollback(run, suite.server);
});

test("install time: a postinstall script activating a license from .env, an .npmrc token expanded from the environment", { timeout: 120_000 }, async () => {
  const run = await migrated(app("postinstall-license", "fulmar-invoices", ENVS, "scripts/ci-install.js"));
  assertSameBehaviour(run);
  // npm expands ${FONTAWESOME_NPM_AUTH_TOKEN} from the environment dotenv-cli filled from .env: named.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), [".npmrc:2"]);
  // A server's *_LICENSE_KEY (activated at install time here, never in a browser) is a credential
  // since session 12: it moves, and the postinstall reads it from Vault (same digest above).
  assert.ok(!keptAsConfig(run).includes(".env:PDFGEN_LICENSE_KEY"));
  assert.deepEqual(run.result.plan.secrets.filter((x) => x.name === "PDFGEN_LICENSE_KEY").map((x) => x.source.file).sort(), [".env", ".env.production"]);
  assert.doesNotMatch(readFileSync(join(run.root, "vaultshift.plan.json"), "utf8"), /PDFGEN_LICENSE_KEY=PDFG-/);
  assert.equal(run.result.verification.verdict, "zero-secrets");
  await assertRollback(run, suite.server);
});

test("vm plugins: names listed in manifest.json, read by process.env[name], handed to a sandbox", { timeout: 120_000 }, async () => {
  const run = await migrated(app("vm-plugins", "shearwater-bot", ENVS, "scripts/check-plugins.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("direnv: .envrc exports and dotenv directives in development, node --env-file=.env.production in production", { timeout: 120_000 }, async () => {
  // .envrc loads .env then .env.local (the later wins in direnv), two different Google keys for
  // development, the later one machine-local: refused before anything is written, with what to do.
  await assert.rejects(migrated(app("direnv-shell", "heron-geo", ENVS, "scripts/shell.js")), (e: Error & { hint?: string }) => {
    // direnv's order is read (session 12): the git-ignored .env.local, loaded last, wins where it exists.
    assert.match(e.message, /GOOGLE_MAPS_SERVER_KEY: \.envrc loads \.env\.local after \.env \(direnv: the last file wins\), and \.env\.local is /);
    assert.match(e.hint ?? "", /vaultshift\.config\.json/);
    return true;
  });
});
