import { test } from "node:test";
import assert from "node:assert/strict";
import { parseRgOutput, parseSecretlintUnix, parseVaultshiftJson } from "./scanners.js";

test("parseSecretlintUnix reads path, line and the rule id, relative to the scanned dir", () => {
  const text = [
    "/c/pkg/.env:2:13: [GITHUB_TOKEN] found GitHub Token(****): **** [Error/@secretlint/secretlint-rule-preset-recommend > @secretlint/secretlint-rule-github]",
    "/c/a b.js:1:11: [SLACK_TOKEN] found slack token: **** [Error/@secretlint/secretlint-rule-slack]",
    "",
    "2 problems",
  ].join("\n");
  assert.deepEqual(parseSecretlintUnix(text, "/c"), [
    { file: "pkg/.env", line: 2, rule: "github" },
    { file: "a b.js", line: 1, rule: "slack" },
  ]);
});

test("parseRgOutput reads `path\\0line:match` lines", () => {
  const text = "./pkg/a.js\u000012:AKIAABCDEFGHIJKLMNOP\n./b:c.js\u00003:MY_Password = 'abcdefghijklmnopq'\n./c\u00001:zzz\n\n";
  assert.deepEqual(parseRgOutput(text, "/x"), [
    { file: "pkg/a.js", line: 12, rule: "aws-access-key-id" },
    { file: "b:c.js", line: 3, rule: "generic-secret-assignment" },
    { file: "c", line: 1, rule: "rg" },
  ]);
});

test("parseVaultshiftJson takes findings and the scanned-bytes summary", () => {
  const r = parseVaultshiftJson(
    JSON.stringify({ version: 1, findings: [{ ruleId: "github-pat-classic", file: ".env", line: 2 }], summary: { bytesScanned: 156, filesScanned: 2 } }),
  );
  assert.deepEqual(r, { findings: [{ file: ".env", line: 2, rule: "github-pat-classic" }], bytesScanned: 156, filesScanned: 2 });
});
