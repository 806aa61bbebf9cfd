import test from "node:test";
import assert from "node:assert/strict";
import { isRandomByteKey, parseByteList } from "./byte-key.js";

test("byte lists: hex and decimal elements, each a byte", () => {
  assert.deepEqual(parseByteList("0x3a, 0x91,0x0C"), [0x3a, 0x91, 0x0c]);
  assert.deepEqual(parseByteList(" 131, 207, 7 "), [131, 207, 7]);
  assert.equal(parseByteList("256, 1"), null);
  assert.equal(parseByteList("a, b"), null);
});

test("byte keys: 16/24/32 random bytes; published vectors, runs and repeats are not keys", () => {
  const random = parseByteList("0x3a, 0x91, 0x0c, 0x7e, 0xd2, 0x55, 0x18, 0xef, 0x60, 0xb4, 0x2f, 0x99, 0xc1, 0x07, 0x8d, 0x4e")!;
  assert.equal(isRandomByteKey(random), true);
  assert.equal(isRandomByteKey(random.slice(0, 15)), false, "15 bytes is no AES key size");
  // FIPS-197 Appendix A.1 / SP 800-38A, written as C arrays in every AES test.
  assert.equal(isRandomByteKey(parseByteList("0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c")!), false);
  // FIPS-197 Appendix C: 00 01 02 … 0f.
  assert.equal(isRandomByteKey(Array.from({ length: 16 }, (_, i) => i)), false);
  // Zigbee2MQTT's documented default network key.
  assert.equal(isRandomByteKey([1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]), false);
  assert.equal(isRandomByteKey(Array.from({ length: 16 }, () => 221)), false);
});
