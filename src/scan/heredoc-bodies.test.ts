import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { heredocFiles } from "./heredoc-bodies.js";

// Values assembled at run time so that scanning this repository stays clean.
const KEY = ["k7Qp", "Z2vR", "x9Lm", "T4wN", "b8Hs", "J3dF", "q6Yc"].join("");
const WEAK = ["pass", "123"].join("");

function lines(file: string, text: string): Array<[number, string]> {
  return scanText({ file, text }).findings.map((f) => [f.line, f.ruleId]);
}

test("a here-document's body is read as the file it writes: an INI section's key, a netrc's weak login", () => {
  const sh = `#!/bin/sh\ncat > /etc/fern/worker.ini <<EOF\n[queue]\nuser = worker\n[api]\nkey = ${KEY}\n[db]\npassword = \${DB_PASSWORD}\nEOF\ncat > /etc/fern/README <<'EOF'\nSet token = $FERN_TOKEN in the unit file.\nEOF\n`;
  assert.deepEqual(lines("deploy/provision.sh", sh), [[6, "generic-api-key"]]);
  const ci = `deploy:\n  script:\n    - |\n      cat <<'EOF' > ~/.netrc\n      machine api.acme.io\n      login ci\n      password ${WEAK}\n      EOF\n`;
  assert.deepEqual(lines(".gitlab-ci.yml", ci), [[7, "netrc-password"]]);
  assert.deepEqual(lines("test/.gitlab-ci.yml", ci), [], "a test directory's script writes a fixture");
  assert.deepEqual(lines(".gitlab-ci.yml", ci.replace("api.acme.io", "localhost")), [], "a loopback host's weak login is a stand-in");
});

test("here-document openers: the written file, de-indentation, positions in the script", () => {
  const text = `run:\n  cmd: |\n    tee -a "$HOME/.pgpass" <<-X\n    \tdb.acme.io:5432:*:app:abc\n    X\nkubectl apply -f - <<YAML\nkind: Secret\nYAML\npsql <<SQL\nselect 1;\nSQL\ncat <<EOF | grep x\nEOF\nCOPY <<EOT /app/.env\nA=1\nEOT\n`;
  const docs = heredocFiles(text);
  assert.deepEqual(docs.map((d) => [d.name, d.text]), [
    [".pgpass", "db.acme.io:5432:*:app:abc\n"],
    ["manifest.yaml", "kind: Secret\n"],
    ["app/.env", "A=1\n"],
  ]);
  const pg = docs[0]!;
  const i = pg.text.indexOf("abc");
  assert.equal(text.slice(pg.at(i), pg.at(i) + 3), "abc");
  const y = docs[1]!;
  assert.equal(text.slice(y.at(0), y.at(0) + 4), "kind");
});
