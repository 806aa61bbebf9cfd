import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertRollback, blindRound, readMigrated, warningPlaces } from "./harness.js";
import type { Launch } from "./launch.js";

// Apps started outside npm scripts (fixtures/apps-config4/, docs/migration.md "Session 23,
// configmig4"): a Procfile's web process, a Dockerfile's exec-form CMD, a systemd unit's
// ExecStart=. Each reads a signing key from the file SIGNING_KEY_PATH names, which the migration
// moves to Vault and `vaultshift run` writes at run time, so each start must run under
// `vaultshift run`. Each is migrated end to end, then started the way its launcher starts it (the
// harness reads the launcher's line from the migrated tree: the Procfile line and the unit's
// ExecStart= through sh (its /usr/bin/node standing for this node), the CMD's argv; no node_modules/.bin on PATH) with the same output as
// before; the tree holds no planted value and rolls back byte for byte. Each fails if the launcher
// line is left as it was (the app finds no key file) or rewritten so that it does not start.

const { suite, app, migrated } = blindRound("config4", "apps-config4", { links: ["dotenv"], underRun: true });
const ENVS = ["development", "production"];

/** A shell word of `s`, quoted for sh. */
const q = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
const lineOf = (root: string, file: string, pattern: RegExp): string => {
  const line = readFileSync(join(root, file), "utf8").split("\n").find((l) => pattern.test(l));
  assert.ok(line !== undefined, `${file} has no line matching ${pattern}`);
  return line;
};

/** The Procfile's `web:` process, through sh, as Heroku and foreman run it. */
const procfileWeb = (root: string): string => lineOf(root, "Procfile", /^web:/).replace(/^web:\s*/, "");
/** The Dockerfile's exec-form CMD, its argv as written (WORKDIR is the app root here). */
const dockerCmd = (root: string): string => (JSON.parse(lineOf(root, "Dockerfile", /^CMD /).replace(/^CMD\s+/, "")) as string[]).map(q).join(" ");
/** The unit's ExecStart=, with its WorkingDirectory= standing for the app root. */
const unitExecStart = (root: string): string => lineOf(root, "deploy/plover-sync.service", /^ExecStart=/).replace(/^ExecStart=/, "").replaceAll("/srv/plover-sync", root).replace(/^\/usr\/bin\/node(?=\s)/, process.execPath);

test("a Procfile's web process starts the app: the line runs under vaultshift run, which writes the key file", { timeout: 120_000 }, async () => {
  const launch: Launch = { commands: { development: procfileWeb, production: procfileWeb }, env: { DRY_RUN: "1" } };
  const run = await migrated(app("procfile-web", "kite-ledger", ENVS, "scripts/digest.js", { launch }));
  // First run (main at 33b166dc): the key files moved and the npm "digest" script ran under vaultshift run, but the
  // Procfile line stayed: started by it, the app found no key file and crashed; the plan said so only in general
  // terms ("wherever else the app starts … start it under vaultshift run"). The same for the Dockerfile and the unit.
  assert.equal(readMigrated(run, "Procfile"), "web: node_modules/.bin/vaultshift run -- node src/server.js\n");
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "launcher-start"), ["Procfile:1"]);
  for (const key of ["keys/dev-signing.pem", "keys/prod-signing.pem"]) assert.equal(existsSync(join(run.root, key)), false, key);
  assert.match(readMigrated(run, "package.json"), /"vaultshift": "\^/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("a Dockerfile's exec-form CMD starts the app from WORKDIR: the CMD runs under vaultshift run, still exec form", { timeout: 120_000 }, async () => {
  const launch: Launch = { commands: { production: dockerCmd }, env: { DRY_RUN: "1" } };
  const run = await migrated(app("dockerfile-cmd", "skua-invoices", ENVS, "scripts/digest.js", { launch }));
  assert.equal(lineOf(run.root, "Dockerfile", /^CMD /), 'CMD ["node_modules/.bin/vaultshift", "run", "--", "node", "src/server.js"]');
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "launcher-start"), ["Dockerfile:8"]);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("a systemd unit's ExecStart= starts the app from WorkingDirectory=: it runs the project's vaultshift by absolute path", { timeout: 120_000 }, async () => {
  const launch: Launch = { commands: { production: unitExecStart }, env: { DRY_RUN: "1" } };
  const run = await migrated(app("systemd-unit", "plover-sync", ENVS, "scripts/digest.js", { launch }));
  assert.equal(lineOf(run.root, "deploy/plover-sync.service", /^ExecStart=/), "ExecStart=/srv/plover-sync/node_modules/.bin/vaultshift run -- /usr/bin/node src/server.js");
  assert.match(run.result.plan.warnings.find((w) => w.code === "launcher-start")!.message, /Install the unit again/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
