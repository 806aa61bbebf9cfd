import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStagedRepo } from "./scan-staged.js";
import { git } from "./git.js";

test("the staged-change repository stages exactly the 5 changed files, with the secret only when asked", { timeout: 60_000 }, (t) => {
  const base = mkdtempSync(join(tmpdir(), "vs-staged-"));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  for (const withSecret of [false, true]) {
    const dir = join(base, String(withSecret));
    const changed = buildStagedRepo(dir, withSecret);
    assert.deepEqual(git(dir, ["diff", "--cached", "--name-only"]).trim().split("\n").sort(), [...changed].sort());
    assert.equal(changed.length, 5);
    assert.equal(git(dir, ["ls-files"]).trim().split("\n").length, 402);
    const staged = git(dir, ["diff", "--cached"]);
    assert.equal(/sk_live_51[A-Za-z0-9]{97}/.test(staged), withSecret);
  }
});
