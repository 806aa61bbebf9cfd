import { test } from "node:test";
import { join } from "node:path";
import { assertMigrated, assertRollback, e2eSuite, migrateFixture, typescriptBuild, type FixtureApp } from "./harness.js";

// Round 3 of apps written without looking at the rewriter
// (fixtures/apps-blind3/, docs/migration.md "Unseen apps, round 3"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const suite = e2eSuite("blind3");

const app = (fixture: string, name: string, environments: string[], entry: string, extra: Partial<FixtureApp> = {}): FixtureApp => ({
  fixture: `apps-blind3/${fixture}`,
  app: name,
  environments,
  entry,
  links: ["dotenv"],
  ...extra,
});

async function migrated(fixture: FixtureApp): Promise<void> {
  const run = await migrateFixture(suite.server, fixture, join(suite.dir, fixture.fixture.split("/")[1]!));
  if (process.env.BLIND3_DUMP) {
    const { writeFileSync } = await import("node:fs");
    const p = run.result.plan;
    writeFileSync(`/tmp/appsblind3-dump-${fixture.app}.json`, JSON.stringify({ secrets: p.secrets.map((s) => [s.name, s.source, s.target]), literals: (p as any).literals, config: p.config.map((c) => [c.name, c.reason]), warnings: p.warnings, verdict: run.result.verification.verdict, before: run.before, after: run.after }, null, 1));
  }
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
}

test("monorepo-workspaces", { timeout: 120_000 }, () => migrated(app("monorepo-workspaces", "tidepool", ["development"], "scripts/all.js")));
test("dotenv-flow", { timeout: 120_000 }, () => migrated(app("dotenv-flow", "ledger-sync", ["development", "production"], "src/main.js")));
test("esm-modern", { timeout: 120_000 }, () => migrated(app("esm-modern", "atlas-search", ["development", "production"], "src/main.js")));
test("destructure", { timeout: 120_000 }, () => migrated(app("destructure", "relay-hub", ["development"], "src/main.js")));
test("orm-configs", { timeout: 120_000 }, () => migrated(app("orm-configs", "inventory-core", ["development", "production"], "src/main.js")));
test("pm2-ecosystem", { timeout: 120_000 }, () => migrated(app("pm2-ecosystem", "courier-dispatch", ["development", "production"], "scripts/pm2.js")));
test("test-setup", { timeout: 120_000 }, () => migrated(app("test-setup", "payouts-service", ["development"], "scripts/run.js")));
test("docker-entry", { timeout: 120_000 }, () => migrated(app("docker-entry", "thumbnailer", ["development"], "scripts/boot.js")));
test("framework-configs", { timeout: 120_000 }, () => migrated(app("framework-configs", "storefront-web", ["development", "production"], "scripts/build.mjs")));
test("express-passport-ts", { timeout: 180_000 }, () =>
  migrated(app("express-passport-ts", "members-portal", ["development", "production"], "dist/server.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild })),
);
