import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertRollback, blindRound, readMigrated, secretTargets } from "./harness.js";

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
