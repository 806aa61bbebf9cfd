import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";

test("a regular file is replaced whole, with its mode, and no temp file is left", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-atomic-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "out.json");
  writeFileAtomic(file, "one", { mode: 0o600 });
  writeFileAtomic(file, "two", { mode: 0o600 });
  assert.equal(readFileSync(file, "utf8"), "two");
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir), ["out.json"]);
});

test("a device or a pipe is written through, never replaced by a regular file (--output /dev/null)", async (t) => {
  writeFileAtomic("/dev/null", "report");
  assert.ok(statSync("/dev/null").isCharacterDevice(), "/dev/null is still the device");
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-atomic-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const fifo = join(dir, "pipe");
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  // A reader in another process: opening the pipe for writing waits for it.
  const cat = spawn("cat", [fifo]);
  let out = "";
  cat.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const closed = new Promise((resolve) => cat.on("close", resolve));
  writeFileAtomic(fifo, "through the pipe");
  await closed;
  assert.equal(out, "through the pipe");
  assert.ok(statSync(fifo).isFIFO(), "the pipe is still a pipe");
});
