import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../cli/main.js";
import { pipelineCases, snapshot } from "../migrate/testing.js";
import { fakeTerminal } from "./testing.js";

const cases = pipelineCases("tui", "demo-app");

test("migrate without --yes and without a terminal refuses (exit 2) and points to --yes", async () => {
  const c = cases.next();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, VAULT_ADDR: c.vault.address, VAULT_TOKEN: c.vault.token } });
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /needs a terminal/);
  assert.match(r.stderr, /migrate --yes/);
  assert.deepEqual(snapshot(c.root), c.original);
});

test("migrate without --yes in CI (CI=true) refuses even on a terminal", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, CI: "true", VAULT_ADDR: c.vault.address, VAULT_TOKEN: c.vault.token }, terminal: t.terminal });
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /needs a terminal/);
  assert.equal(t.everything(), "");
});

test("a Vault that refuses the token: the session says what failed, where, how to fix it; exit 2, nothing written", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, VAULT_ADDR: c.vault.address, VAULT_TOKEN: "hvs.not-a-valid-token" }, terminal: t.terminal });
  assert.equal(r.exitCode, 2);
  const all = t.everything();
  assert.match(all, /token/i);
  assert.ok(all.includes(c.vault.address), all);
  assert.match(all, /VAULT_TOKEN/);
  assert.deepEqual(snapshot(c.root), c.original);
});
