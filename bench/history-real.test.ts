import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commitOrder, generateRealHistory, type RealPackage, type VersionFiles } from "./history-real.js";
import { git } from "./git.js";

test("releases are committed in turn, each package's versions in order, the one furthest behind first", () => {
  const order = commitOrder([
    { name: "a", versions: ["1", "2", "3", "4"] },
    { name: "b", versions: ["1", "2"] },
  ]);
  assert.deepEqual(order, [
    { pkg: 0, version: 0 },
    { pkg: 0, version: 1 },
    { pkg: 1, version: 0 },
    { pkg: 0, version: 2 },
    { pkg: 0, version: 3 },
    { pkg: 1, version: 1 },
  ]);
});

/** Two made-up packages whose source file grows by one function per version (stand-ins for the npm tarballs). */
function fakeFiles(name: string, version: string): VersionFiles {
  const n = Number(version);
  const body = Array.from({ length: 10 + n }, (_, i) => `function ${name}${i}(a, b) {\n  return a + b * ${i}; // release ${Math.min(i, n)}\n}\n`).join("");
  const files: VersionFiles = new Map([
    ["lib/index.js", { data: Buffer.from(body), executable: false }],
    ["README.md", { data: Buffer.from(`# ${name}\n\nVersion ${version}\n`), executable: false }],
  ]);
  if (n % 3 === 0) files.set(`lib/extra-${n}.js`, { data: Buffer.from(body.slice(0, 300)), executable: true });
  return files;
}

test("the real-history repository has one commit per release, each secret at its recorded place in its commit and gone after its removal", { timeout: 60_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), "vs-hist-real-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const packages: RealPackage[] = [
    { name: "alpha", versions: Array.from({ length: 24 }, (_, i) => String(i + 1)) },
    { name: "@scope/beta", versions: Array.from({ length: 16 }, (_, i) => String(i + 1)) },
  ];
  const { stream, planted, values, commits } = generateRealHistory(packages, fakeFiles, [3, 10, 20, 30]);
  assert.equal(commits, 40);
  git(dir, ["init", "-q", "-b", "main"]);
  git(dir, ["fast-import", "--quiet"], stream);
  const shas = git(dir, ["rev-list", "--reverse", "main"]).trim().split("\n");
  assert.equal(shas.length, 40);
  assert.equal(planted.length, 4);
  // Both kinds: appended to a real file, and a new config file.
  assert.ok(planted.some((p) => p.existingFile) && planted.some((p) => !p.existingFile));
  planted.forEach((p, i) => {
    const value = values[i] as string;
    const lines = git(dir, ["show", `${shas[p.commit]}:${p.file}`]).split("\n");
    const text =
      p.line === p.endLine
        ? (lines[p.line - 1] ?? "").slice(p.column - 1, p.endColumn - 1)
        : [(lines[p.line - 1] ?? "").slice(p.column - 1), ...lines.slice(p.line, p.endLine - 1), (lines[p.endLine - 1] ?? "").slice(0, p.endColumn - 1)].join("\n");
    assert.equal(text, value, `${p.provider} in ${p.file} at commit ${p.commit}`);
    // Still there the commit before its removal, gone at the removal, whichever package that commit released.
    const first = value.split("\n")[0] as string;
    assert.ok(git(dir, ["show", `${shas[p.removedIn - 1]}:${p.file}`]).includes(first));
    const after = git(dir, ["ls-tree", "-r", "--name-only", shas[p.removedIn] as string]).split("\n").includes(p.file)
      ? git(dir, ["show", `${shas[p.removedIn]}:${p.file}`])
      : "";
    assert.ok(!after.includes(first), `${p.file} after commit ${p.removedIn}`);
    // Added once: the commit that plants it is the only one whose patch adds it.
    const adding = git(dir, ["log", "--format=%H", "-G", first.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "--all"]).trim().split("\n");
    assert.equal(adding.length, 2, `${p.file}: added once, removed once`);
  });
  // The scoped package lives in its own folder; a release replaces its files (extra-3.js is gone at version 4).
  const tree = git(dir, ["ls-tree", "-r", "--name-only", "HEAD"]).split("\n");
  assert.ok(tree.includes("scope__beta/lib/index.js") && tree.includes("alpha/lib/extra-24.js"));
  assert.ok(!tree.includes("alpha/lib/extra-3.js"));
});
