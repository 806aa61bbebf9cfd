import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The files other tools read: the pre-commit framework's hook list and the
// composite GitHub Action. No YAML parser is a dependency, so the checks are
// on the lines that matter.

const root = fileURLToPath(new URL("../../../", import.meta.url));

test(".pre-commit-hooks.yaml declares a staged hook and a files hook, both node", () => {
  const text = readFileSync(`${root}.pre-commit-hooks.yaml`, "utf8");
  const hooks = text.split(/^- id: /m).slice(1);
  assert.equal(hooks.length, 2);
  const [staged, files] = hooks as [string, string];
  assert.match(staged, /^vaultshift\n/);
  assert.match(staged, /^\s+entry: vaultshift scan --staged$/m);
  assert.match(staged, /^\s+pass_filenames: false$/m);
  assert.match(staged, /^\s+language: node$/m);
  assert.match(files, /^vaultshift-files\n/);
  assert.match(files, /^\s+entry: vaultshift scan$/m);
  assert.match(files, /^\s+pass_filenames: true$/m);
});

test("action.yml runs the CI scan to SARIF, uploads it, and fails on findings only after the upload", () => {
  const text = readFileSync(`${root}action.yml`, "utf8");
  assert.match(text, /^runs:\n {2}using: composite$/m);
  assert.match(text, /scan --ci --format sarif --output "\$VAULTSHIFT_SARIF"/);
  assert.match(text, /default: vaultshift\.sarif/);
  const upload = text.indexOf("uses: github/codeql-action/upload-sarif@v3");
  const fail = text.indexOf("steps.scan.outputs.exit-code == '1'");
  assert.ok(upload > 0 && fail > upload, "the failing step comes after the upload");
  assert.match(text, /echo "exit-code=\$code" >> "\$GITHUB_OUTPUT"/);
  // Inputs reach the shell through env, never interpolated into the script (script injection).
  const script = text.slice(text.indexOf("run: |"), text.indexOf("- if:"));
  assert.equal(/\$\{\{/.test(script), false);
});
