import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { assertMigrated, assertRollback, migrateFixture, tempBase, typescriptBuild } from "./harness.js";

// Four apps of different shapes, each migrated end to end against the
// in-process dev server, run before and after in every environment, and
// rolled back.

let server: DevServer;
const tmp = tempBase("apps");
before(async () => {
  server = await startDevServer({ port: 0 });
});
after(async () => {
  await server.close();
  tmp.remove();
});

test("demo app (CommonJS + ESM, three environments, a hard-coded key): same settings after, nothing left, rollback exact", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(server, { fixture: "demo-app", app: "acme-shop", environments: ["development", "staging", "production"], entry: "src/settings.mjs" }, join(tmp.dir, "demo"));
  await assertMigrated(run, server);
  // CommonJS files require the CommonJS flavour; the ES module imports the ES module one beside it (session 9).
  assert.match(readFileSync(join(run.root, "src/config.js"), "utf8"), /const \{ secrets \} = require\("\.\/vaultshift-secrets"\);/);
  assert.match(readFileSync(join(run.root, "src/payments.mjs"), "utf8"), /import \{ secrets \} from "\.\/vaultshift-secrets\.mjs";/);
  assert.match(readFileSync(join(run.root, "src/mailer.js"), "utf8"), /const SENDGRID_API_KEY = secrets\.SENDGRID_API_KEY;/);
  // Config stays in .env, byte for byte the lines it had.
  assert.equal(readFileSync(join(run.root, ".env.production"), "utf8").split("\n").slice(0, 9).join("\n"), "# Acme shop: production settings\n# (loaded by src/load-env.js; NODE_ENV picks the file)\nPORT=8080\nLOG_LEVEL=warn\nPUBLIC_URL=https://shop.acme.example\n\n# Database\nDB_POOL_SIZE=20\n");
  await assertRollback(run, server);
});

test("ESM app (type: module, aliases, destructuring with defaults, dynamic access, a literal): same settings after, rollback exact", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(server, { fixture: "app-esm", app: "payments-api", environments: ["development", "production"], entry: "src/settings.js" }, join(tmp.dir, "esm"));
  await assertMigrated(run, server);
  const clients = readFileSync(join(run.root, "src/clients.js"), "utf8");
  assert.match(clients, /const \{ GITHUB_TOKEN, SLACK_WEBHOOK_URL: slackHook = "" \} = secrets;/);
  assert.match(clients, /return processEnv\[name\];/, "dynamic access reads through the overlay (process.env plus the secrets)");
  assert.ok(run.result.plan.warnings.some((w) => w.code === "dynamic-env-access" && w.file === "src/clients.js"), "and reported");
  assert.match(readFileSync(join(run.root, "src/vaultshift-secrets.js"), "utf8"), /await loadSecrets\(/, "ESM: top-level await");
  await assertRollback(run, server);
});

test("mixed app (type: module with a .cjs file, a .js and a .mjs ES module): both secrets-module flavours, same settings after, rollback exact", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(server, { fixture: "app-mixed", app: "ledger-worker", environments: ["development", "production"], entry: "src/settings.mjs" }, join(tmp.dir, "mixed"));
  await assertMigrated(run, server);
  // A .cjs file cannot require an ES module with top-level await (ERR_REQUIRE_ASYNC_MODULE):
  // it requires the CommonJS flavour, named .cjs since .js is ESM in this package; the ES
  // modules import the ES module flavour beside it (session 9; before, every file used the .cjs).
  assert.equal(run.result.plan.secretsModule?.file, "src/vaultshift-secrets.js");
  assert.equal(run.result.plan.secretsModule?.companion?.file, "src/vaultshift-secrets.cjs");
  assert.match(readFileSync(join(run.root, "src/vaultshift-secrets.js"), "utf8"), /await loadSecrets\(/);
  assert.match(readFileSync(join(run.root, "src/vaultshift-secrets.cjs"), "utf8"), /^exports\.secrets = secrets;$/m);
  assert.match(readFileSync(join(run.root, "src/db.cjs"), "utf8"), /const \{ secrets \} = require\("\.\/vaultshift-secrets\.cjs"\);/);
  assert.match(readFileSync(join(run.root, "src/queue.js"), "utf8"), /import \{ secrets \} from "\.\/vaultshift-secrets\.js";/);
  assert.match(readFileSync(join(run.root, "src/settings.mjs"), "utf8"), /import \{ secrets \} from "\.\/vaultshift-secrets\.js";/);
  await assertRollback(run, server);
});

test("TypeScript app (NodeNext, strict): type-checks and behaves the same after, rollback exact", { timeout: 180_000 }, async () => {
  const run = await migrateFixture(
    server,
    { fixture: "app-ts", app: "inventory-service", environments: ["development", "staging"], entry: "dist/settings.js", links: ["typescript", "@types/node"], build: typescriptBuild },
    join(tmp.dir, "ts"),
  );
  await assertMigrated(run, server);
  assert.match(readFileSync(join(run.root, "src/api.ts"), "utf8"), /key: API_KEY as string,/, "types kept");
  assert.match(readFileSync(join(run.root, "src/vaultshift-secrets.ts"), "utf8"), /export interface Secrets \{/);
  await assertRollback(run, server);
});
