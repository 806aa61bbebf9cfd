import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, readMigrated, warningPlaces, type E2eRun } from "./harness.js";

// Round 11 of apps written without looking at the rewriter
// (fixtures/apps-blind11/, docs/migration.md "Unseen apps, round 11"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind11", "apps-blind11", { links: ["dotenv"] });
const installed = installedFrom("apps-blind11");
const ENVS = ["development", "production"];

/** What the plan kept as configuration, as "file:NAME". */
const keptAsConfig = (run: E2eRun): string[] => run.result.plan.config.map((c) => `${c.file}:${c.name}`);
/** Where the plan stores each moved name, as "file:NAME@environment". */
const placed = (run: E2eRun): string[] => run.result.plan.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`).sort();

test("yargs .env(prefix) and commander Option.env(name) read the secrets from process.env themselves", { timeout: 120_000 }, async () => {
  const run = await migrated(app("yargs-env", "heron-sync", ENVS, "scripts/digest.js", { prepare: installed("yargs", "commander") }));
  await assertMigrated(run, suite.server);
  // Read by the argument parsers, not by name: served by setting process.env, said.
  assert.match(run.result.plan.warnings.find((w) => w.code === "library-read" && /HERON_API_KEY/.test(w.message))!.message, /read by no code of the app by name/);
  await assertRollback(run, suite.server);
});

test("a GitHub Action: core.getInput reads INPUT_API-TOKEN (hyphenated names) from a local-action .env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("gh-action", "plover-release-notify", ENVS, "scripts/local-run.js", { prepare: installed("@actions/core") }));
  await assertMigrated(run, suite.server);
  assert.deepEqual(placed(run), [".env:GITHUB_TOKEN@development", ".env:INPUT_API-TOKEN@development", ".env:INPUT_SLACK-WEBHOOK@development"]);
  await assertRollback(run, suite.server);
});

test("Redwood: api side on Node, web side bundled for the browser with redwood.toml includeEnvironmentVariables", { timeout: 120_000 }, async () => {
  const run = await migrated(app("redwood-sides", "tern-books", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  // The web side reads only public values (a publishable key, a search-only key, a PostHog
  // project key): they stay, and web/src is not rewritten; the api side's secrets move.
  assert.deepEqual(placed(run), [".env:ALGOLIA_ADMIN_KEY@development", ".env:DATABASE_URL@development", ".env:SESSION_SECRET@development", ".env:STRIPE_SECRET_KEY@development"]);
  for (const name of ["STRIPE_PUBLISHABLE_KEY", "ALGOLIA_SEARCH_KEY", "REDWOOD_ENV_POSTHOG_KEY"]) assert.ok(keptAsConfig(run).includes(`.env:${name}`), name);
  assert.doesNotMatch(readMigrated(run, "web/src/config.js"), /vaultshift-secrets/);
  assert.equal(run.result.verification.verdict, "zero-secrets");
  // As any configuration, the public values' lines show as context in the plan's .env diff.
  assertNoLeakOutsideTree({ ...run, planted: run.planted.filter((v) => !/CANARY(?:pk|search|ph)/.test(v)) });
  await assertRollback(run, suite.server);
});

test("Sails: config/*.js, config/env/production.js, a git-ignored config/local.js with literals, sails_* variables", { timeout: 120_000 }, async () => {
  const run = await migrated(app("sails-local", "gannet-portal", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  // The git-ignored local overrides hold literal keys like .env does: moved as well.
  assert.ok(placed(run).includes("config/local.js:stripeSecret@shared"));
  await assertRollback(run, suite.server);
});

test("Nx: .env.<target>, .<target>.<configuration>.env, .local.env per project and at the root, first file wins", { timeout: 120_000 }, async () => {
  const run = await migrated(app("nx-targets", "kittiwake", ENVS, "tools/digest.js"));
  // At first (round 11) .env.serve and .serve.production.env became an environment "serve" that
  // no NODE_ENV selects: under development RESEND_API_KEY read as undefined, nothing said (a
  // silent change); under production the secrets module stopped (no "production"). Now the
  // configuration's word wins wherever it stands, a target's file serves every configuration
  // (shared), and Nx layers .env under every configuration.
  assert.deepEqual(placed(run), [
    ".local.env:NX_CLOUD_ACCESS_TOKEN@development",
    "apps/api/.env.serve:RESEND_API_KEY@shared",
    "apps/api/.env:DB_PASSWORD@shared",
    "apps/api/.env:JWT_SECRET@shared",
    "apps/api/.local.env:OPENAI_API_KEY@development",
    "apps/api/.serve.production.env:DB_PASSWORD@production",
    "apps/api/.serve.production.env:JWT_SECRET@production",
    "apps/api/.serve.production.env:OPENAI_API_KEY@production",
  ]);
  assert.equal(run.after[0]!.digest, run.before[0]!.digest);
  // The root's .local.env is read by every configuration on this machine; production has no value
  // of its own for the Nx Cloud token: migrated for development, and the change is named.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "local-override"), [".local.env:3"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "local-override")!.message, /also reads \.local\.env under production/);
  assert.ok(run.after[1]!.ok);
  const changed = (out: string) => out.split("\n").filter((l) => l.startsWith("nxCloud:"));
  assert.notDeepEqual(changed(run.after[1]!.output), changed(run.before[1]!.output));
  assert.deepEqual(
    run.after[1]!.output.split("\n").filter((l) => !l.startsWith("nxCloud:") && !l.startsWith("digest")),
    run.before[1]!.output.split("\n").filter((l) => !l.startsWith("nxCloud:") && !l.startsWith("digest")),
  );
  assert.equal(run.result.verification.verdict, "zero-secrets");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("ES module exports of process.env: export const { A } = process.env, a live export let, export default process.env, re-exports", { timeout: 120_000 }, async () => {
  const run = await migrated(app("esm-export-env", "shearwater-api", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  assert.match(readMigrated(run, "src/env.js"), /export let JWT_SECRET = secrets\.JWT_SECRET;/);
  assert.match(readMigrated(run, "src/env.js"), /export default processEnv;/);
  await assertRollback(run, suite.server);
});

test("short environment names (.env.dev, .env.prod chosen from NODE_ENV), .env.common, a JSON credentials value", { timeout: 120_000 }, async () => {
  const run = await migrated(app("short-envs", "petrel-jobs", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  assert.deepEqual([...new Set(run.result.plan.secrets.map((s) => s.environment))].sort(), ["development", "production"]);
  await assertRollback(run, suite.server);
});

test("Medusa loadEnv: one file per environment (.env or .env.production), never layered", { timeout: 120_000 }, async () => {
  const run = await migrated(app("medusa-loadenv", "fulmar-commerce", ENVS, "scripts/digest.js", { prepare: installed("@medusajs/framework") }));
  await assertMigrated(run, suite.server);
  // .env is development's file, not a base under production: the webhook secret it alone holds
  // stays out of production, as before.
  assert.ok(placed(run).includes(".env:STRIPE_WEBHOOK_SECRET@development"));
  assert.ok(!run.result.plan.secrets.some((s) => s.environment === "shared"));
  await assertRollback(run, suite.server);
});
