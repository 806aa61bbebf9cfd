import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeText, decodeUtf16, looksBinary } from "./binary.js";

// Bytes → text: the ASCII shortcut must give exactly what UTF-8 decoding gives.

test("decodeText: ASCII, multi-byte UTF-8, a BOM and invalid bytes", () => {
  const ascii = Buffer.from("const k = 'abc';\r\n\t~\x7f\n");
  assert.deepEqual(decodeText(ascii), { text: "const k = 'abc';\r\n\t~\x7f\n", invalidUtf8: false });
  assert.deepEqual(decodeText(Buffer.from("café ✓ 😀 k=1")), { text: "café ✓ 😀 k=1", invalidUtf8: false });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a=1")]);
  assert.deepEqual(decodeText(bom), { text: "\uFEFFa=1", invalidUtf8: false }, "the BOM is kept: columns stay those of the file");
  assert.deepEqual(decodeText(Buffer.from([0x61, 0xe9, 0x62])), { text: "aéb", invalidUtf8: true }, "not UTF-8: read as Latin-1 (Windows-1252 files)");
  assert.deepEqual(decodeText(Buffer.from("a\uFFFDb")), { text: "a\uFFFDb", invalidUtf8: false }, "an encoded U+FFFD is valid UTF-8");
  // A view into a larger buffer: only its own bytes.
  const outer = Buffer.from("xxHELLOyy");
  assert.equal(decodeText(outer.subarray(2, 7)).text, "HELLO");
  assert.equal(decodeText(new Uint8Array(outer.buffer, outer.byteOffset + 2, 5)).text, "HELLO");
  assert.deepEqual(decodeText(Buffer.alloc(0)), { text: "", invalidUtf8: false });
});

test("decodeText gives what TextDecoder gives for any valid UTF-8, at an odd offset, small or large", () => {
  const reference = new TextDecoder("utf-8", { ignoreBOM: true });
  // Seeded: the same code points on every run.
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = () => {
    const pools = [
      () => 0x20 + rand(0x5f),
      () => 0x80 + rand(0x780),
      () => 0x800 + rand(0xd800 - 0x800),
      () => 0xe000 + rand(0x2000),
      () => 0x10000 + rand(0x100000),
      () => [0xfeff, 0xfffe, 0xffff, 0x2028, 0x2029, 0xfffd, 0x0a, 0x0d][rand(8)]!,
    ];
    return pools[rand(pools.length)]!();
  };
  for (const length of [1, 7, 100, 5000, 300_000]) {
    const text = String.fromCodePoint(...Array.from({ length: Math.min(length, 50_000) }, pick)).repeat(Math.ceil(length / 50_000));
    const bytes = Buffer.from(text, "utf8");
    const outer = Buffer.concat([Buffer.from([0x41]), bytes, Buffer.from([0x42])]);
    for (const view of [bytes, outer.subarray(1, 1 + bytes.length)]) {
      const decoded = decodeText(view);
      assert.equal(decoded.invalidUtf8, false);
      assert.ok(decoded.text === reference.decode(view), `length ${length}`);
    }
  }
  // Over the transcoding limit (TextDecoder): dense non-ASCII, and a few characters in ASCII.
  const large = Buffer.from(`${"é".repeat(600_000)}k=1`, "utf8");
  assert.ok(decodeText(large).text === reference.decode(large));
  const sparse = Buffer.from(`\uFEFF${"a".repeat(700_000)}\u00a9${"b".repeat(300_000)}😀${"c".repeat(65_535)}…`, "utf8");
  assert.ok(decodeText(sparse).text === reference.decode(sparse));
  // Invalid UTF-8 over the limit: read as Latin-1 too, and said so.
  const invalid = Buffer.concat([Buffer.alloc(1_100_000, 0x61), Buffer.from([0xe9, 0x62])]);
  assert.deepEqual(decodeText(invalid), { text: `${"a".repeat(1_100_000)}éb`, invalidUtf8: true });
  assert.equal(decodeText(Buffer.from(`${"a".repeat(1_100_000)}\uFFFD`, "utf8")).invalidUtf8, false, "an encoded U+FFFD over the limit is valid too");
});

test("looksBinary: a NUL in the first 8000 bytes, as git decides", () => {
  const at = (i: number, length = 9000) => {
    const b = Buffer.alloc(length, 0x61);
    b[i] = 0;
    return b;
  };
  assert.equal(looksBinary(at(0)), true);
  assert.equal(looksBinary(at(7999)), true);
  assert.equal(looksBinary(at(8000)), false);
  assert.equal(looksBinary(Buffer.from("plain text")), false);
  const outer = Buffer.from([0, 0x61, 0x62, 0]);
  assert.equal(looksBinary(outer.subarray(1, 3)), false, "only the view's own bytes count");
  assert.equal(decodeUtf16(Buffer.from([0xff, 0xfe, 0x61, 0x00])), "\uFEFFa");
});
