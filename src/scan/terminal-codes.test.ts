import { test } from "node:test";
import assert from "node:assert/strict";
import { blankTerminalCodes } from "./terminal-codes.js";
import { scanText } from "./engine.js";

// The AWS documentation's example secret key, split so that this file holds no key-shaped literal.
const awsSecret = ["wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYzz9x4m3Bq8"].join("/");

test("terminal control sequences are blanked, offsets kept", () => {
  const raw = "\x1b[32;1m$ make\x1b[0;m done\x1b]0;title\x07\n";
  const out = blankTerminalCodes(raw, "docs");
  assert.equal(out.length, raw.length);
  assert.equal(out, `${" ".repeat(7)}$ make${" ".repeat(5)} done${" ".repeat(10)}\n`);
  // Without the escape byte (a log copied from a web page), only outside code.
  assert.equal(blankTerminalCodes("[32;1m$ make[0;m\n", "docs"), "      $ make    \n");
  assert.equal(blankTerminalCodes("x = a[0m]\n", "code"), "x = a[0m]\n");
  const plain = "nothing to do here\n";
  assert.equal(blankTerminalCodes(plain, "docs"), plain);
});

test("a secret that ends where a colour reset starts is found in a CI log, with or without the escape byte", () => {
  for (const esc of ["\x1b", ""]) {
    const log = `Running with gitlab-runner 17.5.0\n${esc}[32;1m$ aws configure set aws_secret_access_key ${awsSecret}${esc}[0;m\n`;
    const hits = scanText({ text: log, file: "ci-logs/job-1.log" }).findings;
    assert.equal(hits.filter((h) => h.line === 2).length, 1, JSON.stringify(esc));
    // The reported value is the key alone, at its place in the file.
    const f = hits.find((h) => h.line === 2)!;
    assert.equal(log.split("\n")[1]!.slice(f.column - 1, f.column - 1 + awsSecret.length), awsSecret);
  }
});
