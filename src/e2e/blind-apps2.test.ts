import { after, before, test } from "node:test";
import { join } from "node:path";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { assertMigrated, assertRollback, migrateFixture, tempBase, typescriptBuild, type FixtureApp } from "./harness.js";

// Round 2 of apps written without looking at the rewriter
// (fixtures/apps-blind2/, docs/migration.md "Unseen apps, round 2").

let server: DevServer;
const tmp = tempBase("blind2");
before(async () => {
  server = await startDevServer({ port: 0 });
});
after(async () => {
  await server.close();
  tmp.remove();
});

const apps: FixtureApp[] = [
  { fixture: "apps-blind2/env-file-flag", app: "pulse-api", environments: ["development", "production"], entry: "scripts/start.js" },
  { fixture: "apps-blind2/env-cmdrc", app: "mailer-queue", environments: ["development", "production"], entry: "src/worker.js" },
  { fixture: "apps-blind2/dotenv-expand", app: "orders-db", environments: ["development"], entry: "src/index.js", links: ["dotenv"] },
  { fixture: "apps-blind2/odd-reads", app: "hooks-gateway", environments: ["development", "production"], entry: "src/main.js", links: ["dotenv"] },
  { fixture: "apps-blind2/node-config", app: "catalog-sync", environments: ["development", "production"], entry: "src/app.js", links: ["dotenv"] },
  { fixture: "apps-blind2/schema-config", app: "ticket-api", environments: ["development", "staging"], entry: "src/settings.js", links: ["dotenv"] },
  { fixture: "apps-blind2/processes", app: "render-farm", environments: ["development", "production"], entry: "src/main.js", links: ["dotenv"] },
  { fixture: "apps-blind2/lambda", app: "invoice-lambda", environments: ["development", "production"], entry: "scripts/invoke.js", links: ["dotenv"] },
  { fixture: "apps-blind2/cf-worker", app: "edge-auth", environments: ["development"], entry: "scripts/dev.mjs" },
  { fixture: "apps-blind2/nest-ts", app: "billing-nest", environments: ["development", "production"], entry: "dist/main.js", links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild },
  { fixture: "apps-blind2/scripts-compose", app: "shopfront", environments: ["development"], entry: "src/settings.js", links: ["dotenv"] },
];

for (const app of apps) {
  test(`${app.fixture}`, { timeout: 180_000 }, async () => {
    const run = await migrateFixture(server, app, join(tmp.dir, app.app));
    try {
      await assertMigrated(run, server);
    } finally {
      console.log(JSON.stringify({ app: app.app, warnings: run.result.plan.warnings.map((w) => `${w.code} ${w.file}:${w.line ?? ""} ${w.message}`), secrets: run.result.plan.secrets.map((s) => `${s.source.file} ${s.source.name}`), verdict: run.result.verification.verdict, findings: run.result.verification.rescan.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), before: run.before.map((r) => r.digest), after: run.after.map((r) => [r.digest, r.error.slice(0, 600)]) }, null, 1));
      await assertRollback(run, server);
    }
  });
}
