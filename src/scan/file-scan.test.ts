import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { readRegularFile, type Scratch } from "./file-scan.js";
import { tempDir, writeFiles } from "./test-repo.js";

// The file reader: what it refuses before reading, and the reused buffer.

test("a reused scratch buffer returns exactly each file's bytes, growing when needed", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const big = Buffer.alloc(200_000, 0x61);
  big.write("END", big.length - 3);
  writeFiles(dir, { "a.txt": "first file\n", "big.txt": big, "b.txt": "second\n", "empty.txt": "" });
  const scratch: Scratch = { buf: null };
  const read = (name: string) => Buffer.from(readRegularFile(join(dir, name), 1 << 20, { scratch }) as Uint8Array).toString("latin1");
  assert.equal(read("a.txt"), "first file\n");
  assert.equal(read("big.txt"), big.toString("latin1"));
  assert.ok(scratch.buf !== null && scratch.buf.length >= 200_000);
  const grown = scratch.buf;
  assert.equal(read("b.txt"), "second\n", "a shorter file after a longer one: no stale bytes");
  assert.equal(read("empty.txt"), "");
  assert.equal(scratch.buf, grown, "the buffer is kept, not reallocated for smaller files");
});

test("listed files read without sizing first: exact bytes around the first read's and the buffer's sizes, and the limit", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  // Seeded bytes: a stale or misplaced byte shows.
  let seed = 99;
  const bytes = (n: number) => {
    const b = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) b[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
    return b;
  };
  const K = 1024;
  const sizes = [0, 1, 256 * K - 1, 256 * K, 256 * K + 1, 1024 * K - 1, 1024 * K, 1024 * K + 1, 3 * 1024 * K + 7, 5, 17 * 1024 * K + 3, 2];
  const files: Record<string, Buffer> = {};
  sizes.forEach((n, i) => (files[`f${i}.bin`] = bytes(n)));
  writeFiles(dir, files);
  const scratch: Scratch = { buf: null };
  const hints = { regular: true, scratch };
  for (const [name, content] of Object.entries(files)) {
    const got = readRegularFile(join(dir, name), 1 << 30, hints);
    assert.ok(got instanceof Uint8Array && Buffer.compare(Buffer.from(got), content) === 0, `${name}: ${content.length} bytes`);
  }
  assert.ok(scratch.buf !== null && scratch.buf.length <= 16 * 1024 * K, "the 17 MB file did not become the scratch");
  // The limit, exactly, below and above the first read's size.
  for (const n of [1000, 256 * K - 1, 256 * K, 256 * K + 1]) {
    writeFileSync(join(dir, "limit.bin"), bytes(n));
    assert.ok(readRegularFile(join(dir, "limit.bin"), n, hints) instanceof Uint8Array, `${n} bytes, limit ${n}`);
    assert.equal(readRegularFile(join(dir, "limit.bin"), n - 1, hints), "too-large", `${n} bytes, limit ${n - 1}`);
  }
});

test("a file over the scratch limit gets a buffer of its own", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "huge.bin": Buffer.alloc(17 * 1024 * 1024, 0x62) });
  const scratch: Scratch = { buf: null };
  const bytes = readRegularFile(join(dir, "huge.bin"), 1 << 30, { scratch }) as Uint8Array;
  assert.equal(bytes.length, 17 * 1024 * 1024);
  assert.equal(scratch.buf, null, "not kept for the next file");
});

test("with the caller's lstat as a hint, a path swapped for a link or a FIFO is still refused without blocking", { timeout: 30_000 }, (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "real.txt": "FAKESECRET_r", "other.txt": "x", "grown.txt": "12345" });
  // Listed as regular files, then replaced before the read.
  symlinkSync(join(dir, "other.txt"), join(dir, "now-link.tmp"));
  renameSync(join(dir, "now-link.tmp"), join(dir, "was-file.txt"));
  const fifo = spawnSync("mkfifo", [join(dir, "now-fifo.txt")]);
  if (fifo.status !== 0) assert.fail("mkfifo is needed for this test");
  const hints = { regular: true, scratch: { buf: null } };
  assert.equal(readRegularFile(join(dir, "was-file.txt"), 1000, hints), "symlink");
  assert.equal(readRegularFile(join(dir, "now-fifo.txt"), 1000, hints), "not-a-file");
  assert.equal(Buffer.from(readRegularFile(join(dir, "real.txt"), 1000, hints) as Uint8Array).toString(), "FAKESECRET_r");
  writeFileSync(join(dir, "grown.txt"), "x".repeat(2000));
  assert.equal(readRegularFile(join(dir, "grown.txt"), 1000, hints), "too-large", "the size is checked on the open descriptor");
  assert.throws(() => readRegularFile(join(dir, "missing.txt"), 1000, hints), (e: NodeJS.ErrnoException) => e.code === "ENOENT");
});

test("with the hint, a path that became a socket or a directory is classified as without it", { timeout: 30_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  // A listed path that is now a Unix socket: open(2) fails with ENXIO, which is
  // no read error: the lstat path says what it is.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(join(dir, "now-socket.txt"), resolve));
  t.after(() => server.close());
  mkdirSync(join(dir, "now-dir.txt"));
  for (const regular of [true, false]) {
    const hints = { regular, scratch: { buf: null } };
    assert.equal(readRegularFile(join(dir, "now-socket.txt"), 1000, hints), "not-a-file", `regular: ${regular}`);
    assert.equal(readRegularFile(join(dir, "now-dir.txt"), 1000, hints), "not-a-file", `regular: ${regular}`);
  }
});
