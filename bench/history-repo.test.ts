import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildHistoryRepo } from "./history-repo.js";
import { git } from "./git.js";

test("the history repository has the commits asked for, each secret at its recorded place in its commit, and none left at HEAD", { timeout: 60_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), "vs-hist-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const repo = buildHistoryRepo(dir, 60, [5, 20, 40]);
  assert.equal(git(dir, ["rev-list", "--count", "main"]).trim(), "60");
  const shas = git(dir, ["rev-list", "--reverse", "main"]).trim().split("\n");
  assert.equal(repo.planted.length, 3);
  repo.planted.forEach((p, i) => {
    const value = repo.values[i] as string;
    const lines = git(dir, ["show", `${shas[p.commit]}:${p.file}`]).split("\n");
    const text =
      p.line === p.endLine
        ? (lines[p.line - 1] ?? "").slice(p.column - 1, p.endColumn - 1)
        : [(lines[p.line - 1] ?? "").slice(p.column - 1), ...lines.slice(p.line, p.endLine - 1), (lines[p.endLine - 1] ?? "").slice(0, p.endColumn - 1)].join("\n");
    assert.equal(text, value, `${p.provider} in ${p.file}`);
    // Gone again after the removal commit.
    assert.ok(p.removedIn > p.commit);
    assert.ok(!git(dir, ["show", `${shas[p.removedIn]}:${p.file}`]).includes(value.split("\n")[0] as string));
  });
  repo.planted.forEach((p, i) => {
    const first = (repo.values[i] as string).split("\n")[0] as string;
    assert.ok(!git(dir, ["show", `HEAD:${p.file}`]).includes(first), `${p.file} at HEAD`);
  });
});
