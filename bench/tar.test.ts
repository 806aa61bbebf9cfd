import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { extractTarGz, parsePax, readTar, safeEntryPath } from "./tar.js";

// Archives are made by GNU tar (an independent writer), in the formats npm
// and GNU tar produce: pax (npm) and gnu (long names in 'L' records).
function makeTree(t: { after(fn: () => void): void }) {
  const dir = mkdtempSync(join(tmpdir(), "vs-tar-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const longDir = `package/${"deep-folder-name/".repeat(8)}`;
  mkdirSync(join(dir, longDir), { recursive: true });
  writeFileSync(join(dir, "package/index.js"), "module.exports = 1;\n");
  writeFileSync(join(dir, longDir, "file.txt"), "x".repeat(1500));
  writeFileSync(join(dir, "package/empty"), "");
  return { dir, longPath: `${longDir}file.txt` };
}

for (const format of ["pax", "gnu", "ustar"] as const) {
  test(`readTar reads a GNU tar --format=${format} archive: names, long names where the format has them, sizes, contents`, (t) => {
    const { dir, longPath } = makeTree(t);
    const archive = join(dir, "a.tar");
    // ustar cannot hold the long path in 100+155 split here, so it gets a short tree only.
    const members = format === "ustar" ? ["package/index.js", "package/empty"] : ["package"];
    execFileSync("tar", [`--format=${format}`, "-cf", archive, "-C", dir, ...members]);
    const entries = readTar(readFileSync(archive));
    const files = new Map(entries.filter((e) => e.type === "file").map((e) => [e.path, e.data.toString()]));
    assert.equal(files.get("package/index.js"), "module.exports = 1;\n");
    assert.equal(files.get("package/empty"), "");
    if (format !== "ustar") {
      assert.ok(longPath.length > 100);
      assert.equal(files.get(longPath), "x".repeat(1500));
      assert.ok(entries.some((e) => e.type === "directory"));
    }
  });
}

test("extractTarGz strips the package/ folder and writes every file", (t) => {
  const { dir, longPath } = makeTree(t);
  const archive = join(dir, "a.tar");
  execFileSync("tar", ["--format=pax", "-cf", archive, "-C", dir, "package"]);
  const out = join(dir, "out");
  const written = extractTarGz(gzipSync(readFileSync(archive)), out, 1).sort();
  const stripped = longPath.slice("package/".length);
  assert.deepEqual(written, ["empty", "index.js", stripped].sort());
  assert.equal(readFileSync(join(out, stripped), "utf8"), "x".repeat(1500));
});

test("readTar rejects a corrupted header and a truncated archive", (t) => {
  const { dir } = makeTree(t);
  const archive = join(dir, "a.tar");
  execFileSync("tar", ["--format=pax", "-cf", archive, "-C", dir, "package/index.js"]);
  const good = readFileSync(archive);
  const corrupt = Buffer.from(good);
  corrupt[0] = (corrupt[0] ?? 0) ^ 1;
  assert.throws(() => readTar(corrupt), /checksum/);
  // Cut inside the file's data: its first data block starts with the file's text.
  const headerEnd = good.indexOf("module.exports");
  assert.ok(headerEnd > 0 && headerEnd % 512 === 0);
  assert.throws(() => readTar(good.subarray(0, headerEnd + 10)), /truncated/);
});

test("safeEntryPath refuses paths that escape the destination", () => {
  assert.equal(safeEntryPath("package/lib/a.js", 1), "lib/a.js");
  assert.equal(safeEntryPath("package/../../etc/passwd", 1), null);
  assert.equal(safeEntryPath("/etc/passwd", 0), null);
  assert.equal(safeEntryPath("package/", 1), null);
});

test("parsePax reads length-prefixed records, including values with '=' and multi-byte text", () => {
  const rec = (k: string, v: string) => {
    const body = ` ${k}=${v}\n`;
    const bytes = Buffer.byteLength(body);
    let n = bytes + 1;
    while (String(n).length + bytes !== n) n++;
    return `${n}${body}`;
  };
  const data = Buffer.from(rec("path", "a/b=c/é.txt") + rec("size", "12"));
  const pax = parsePax(data);
  assert.equal(pax.get("path"), "a/b=c/é.txt");
  assert.equal(pax.get("size"), "12");
});
