import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, movedSecrets, readMigrated, secretTargets, warningPlaces } from "./harness.js";

// Round 6's leftovers, one small app per class (fixtures/apps-leftovers/,
// docs/migration.md "Session 9: round 6's leftovers"): each migrated end to
// end against the in-process dev server, run before and after in each
// environment (same digest), scanned, searched for planted values, and rolled
// back byte for byte.

const { suite, app, migrated } = blindRound("leftovers", "apps-leftovers");

test("a .env.defaults the code loads into process.env (process.loadEnvFile, last) moves to the shared location, under each environment's own file", { timeout: 120_000 }, async () => {
  const run = await migrated(app("defaults-loaded", "wren-mailer", ["development", "production"], "src/index.js"));
  const targets = secretTargets(run);
  assert.equal(targets[".env.defaults:SMTP_PASSWORD"], "wren-mailer/shared/smtp");
  assert.equal(targets[".env.production:SMTP_PASSWORD"], "wren-mailer/production/smtp");
  assert.ok(".env.defaults:SENTRY_AUTH_TOKEN" in targets);
  // Plain config stays in the file; the secrets' lines are gone.
  assert.deepEqual(readMigrated(run, ".env.defaults").split("\n").filter((l) => /^[A-Z]/.test(l)), ["SMTP_HOST=smtp.wren.example", "SMTP_PORT=587"]);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("browser code a webpack entry reaches, with no define naming what it reads: never rewritten, its secrets not moved and named; the server's other secrets move", { timeout: 120_000 }, async () => {
  const run = await migrated(app("browser-undefined", "finch-search", ["development", "production"], "src/server.js"));
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  for (const f of ["assets/search.js", "assets/facets.js"]) assert.ok(run.original.get(f)!.equals(Buffer.from(readMigrated(run, f))), `${f} was changed`);
  assert.deepEqual(movedSecrets(run), [".env:DB_PASSWORD", ".env:SESSION_SECRET"]);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "browser-exposed").sort(), [".env:2", "assets/facets.js:3"]);
  const admin = run.result.plan.warnings.find((w) => w.code === "browser-exposed" && w.file === ".env")!;
  assert.match(admin.message, /assets\/search\.js:6 reads it and is browser code \(imported by assets\/search\.js, which is browser code: it is an entry of the browser bundle webpack\.config\.js configures\)|assets\/search\.js:6 reads it and is browser code \(it is an entry of the browser bundle webpack\.config\.js configures\)/);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  await assertRollback(run, suite.server);
});
