import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rules } from "./services.js";
import { runRule } from "../src/scan/rule-runner.js";

describe("mongodb-shell-password", () => {
  // The pattern as it was before its receiver became a look-behind (whole-text scan, match from the receiver).
  const before = /\b(?:db|getSiblingDB\([^()\n]{1,100}\)|admin)\.(?:auth|changeUserPassword)\([ \t]{0,4}(["'])[^"'\n]{1,128}\1[ \t]{0,4},[ \t]{0,4}(["'])(?<secret>[^"'\n]{4,128})\2[ \t]{0,4}[,)]/;
  const rule = rules.find((r) => r.id === "mongodb-shell-password")!;

  it("finds the same secrets at the same offsets as the receiver-first pattern (random texts)", () => {
    const old = { ...rule, pattern: before };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const pick = (list: string[]) => list[next() % list.length]!;
    const lead = ["", "", " ", "\n", "x", "_", "use admin\n", ".", "db.auth(\"u\", ", "getSiblingDB("];
    const receivers = ["db", "admin", "getSiblingDB('admin')", 'getSiblingDB("a,b")', "getSiblingDB()", "getSiblingDB(x(y))", "adb", "mydb", ""];
    const methods = ["auth", "changeUserPassword", "Auth", "authx"];
    const quotes = ['"', "'", '"', "'", "`"];
    const blanks = ["", " ", "\t", "  ", "     "];
    const users = ["app", "siteAdmin", "", "a\"b"];
    const secrets = ["S3cr3t-Pa55-w0rd", "Zq9Vx7kLmN2p", "abc", "example", "p'w"]; // vaultshift:allow
    const ends = [")", ",", " )", "x", "", ");db.auth('v', 'Qw7eRt9yUi0p')"]; // vaultshift:allow
    let matched = 0;
    for (let n = 0; n < 20000; n++) {
      const q1 = pick(quotes);
      const q2 = pick(quotes);
      let text = pick(lead) + pick(receivers) + "." + pick(methods) + "(" + pick(blanks) + q1 + pick(users) + (next() % 8 === 0 ? pick(quotes) : q1) + pick(blanks) + "," + pick(blanks);
      text += q2 + pick(secrets) + (next() % 8 === 0 ? pick(quotes) : q2) + pick(blanks) + pick(ends) + pick(lead);
      const want = runRule(old, text).map((m) => [m.start, m.secret]);
      const got = runRule(rule, text).map((m) => [m.start, m.secret]);
      assert.deepEqual(got, want, JSON.stringify(text));
      matched += want.length;
    }
    // The generator must reach the matching case often enough for the comparison to mean something.
    assert.ok(matched > 50, `only ${matched} matches`);
  });
});
