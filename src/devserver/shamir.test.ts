import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { combine, split } from "./shamir.js";

// Shares in Vault's layout (y bytes, then x), over the AES field.

test("two hand-made shares of the line 0x57 + 0x83·x recover 0x57 (FIPS-197 §4.2: {57}•{83} = {c1})", () => {
  // y(1) = 0x57 ^ 0x83 = 0xd4; y(0x57) = 0x57 ^ ({83}•{57} = 0xc1) = 0x96.
  assert.deepEqual(combine([Buffer.from([0xd4, 0x01]), Buffer.from([0x96, 0x57])]), Buffer.from([0x57]));
});

test("any threshold of the shares recovers the secret; fewer do not", () => {
  const secret = randomBytes(32);
  for (const [n, t] of [[2, 2], [3, 2], [5, 3], [6, 6]] as const) {
    const shares = split(secret, n, t);
    assert.equal(shares.length, n);
    assert.ok(shares.every((s) => s.length === 33), "one byte longer than the secret (the x coordinate)");
    assert.equal(new Set(shares.map((s) => s[32])).size, n, "distinct x");
    assert.ok(shares.every((s) => s[32] !== 0), "x is never 0");
    for (let start = 0; start + t <= n; start++) assert.deepEqual(combine(shares.slice(start, start + t)), secret, `${t} of ${n} from ${start}`);
    assert.deepEqual(combine(shares), secret, `all ${n}`);
    if (t > 2) assert.notDeepEqual(combine(shares.slice(0, t - 1)), secret, `${t - 1} of ${n} must not`);
  }
});

test("bad input is refused", () => {
  const s = split(randomBytes(4), 3, 2);
  assert.throws(() => split(randomBytes(4), 3, 1), RangeError);
  assert.throws(() => split(randomBytes(4), 2, 3), RangeError);
  assert.throws(() => split(randomBytes(4), 256, 2), RangeError);
  assert.throws(() => combine([s[0]!]), RangeError);
  assert.throws(() => combine([s[0]!, s[0]!]), /duplicate/);
  assert.throws(() => combine([s[0]!, s[1]!.subarray(1)]), /same length/);
});
