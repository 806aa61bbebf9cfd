import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTree } from "../migrate/testing.js";
import type { Finding } from "../scan/types.js";
import { configRefusalMessage, configSecrets } from "./config-secrets.js";

const C1 = "CANARYcfgPw1Zx8Lm3Qw7";
const C2 = "CANARYcfgPw2Vb4Nm6Kj9";

function project(files: Record<string, string>): { root: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-config-files-"));
  return { root: writeTree(dir, files), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A finding of `value` on its line of `text`, as the scanner reports it. */
function finding(file: string, text: string, value: string): Finding & { value: string } {
  const line = text.slice(0, text.indexOf(value)).split("\n").length;
  return { ruleId: "generic-password", kind: "password", severity: "high", confidence: 0.9, file, line, column: 1, endLine: line, endColumn: 1, fingerprint: "f", redacted: "CANA…", reason: "a password", value };
}

const NCONF = `const nconf = require("nconf");\nnconf.env({ separator: "__", parseValues: true });\nnconf.file("config.json");\n`;

test("nconf: a value moves as database__password, with its environment and the file's edit; the reason says the precedence", () => {
  const cfg = `{\n  "database": { "password": "${C1}" }\n}\n`;
  const p = project({ "app.js": NCONF, "config.json": cfg });
  try {
    const f = finding("config.json", cfg, C1);
    const r = configSecrets(p.root, [f], ["app.js"], (x) => (x as typeof f).value);
    assert.equal(r.candidates.length, 1);
    const c = r.candidates[0]!;
    assert.deepEqual([c.name, c.value === C1, c.environment, c.source.type, c.source.keyPath], ["database__password", true, "shared", "config", ["database", "password"]]);
    assert.match(c.reason, /nconf reads the environment before the file \(app\.js:3\)/);
    assert.deepEqual(r.edits, [{ file: "config.json", keyPath: ["database", "password"], how: "remove", envName: "database__password" }]);
    assert.ok(r.moved.has(f));
    assert.equal(r.warnings[0]!.code, "config-env");
    assert.ok(!JSON.stringify(r.warnings).includes(C1) && !c.reason.includes(C1));
  } finally {
    p.done();
  }
});

test("refusals, each with its reason and never the value: a value nconf's parseValues would make a number, one in an array, JSON5, node-config's local.json, mappings in JavaScript", () => {
  const numeric = "73194628501937462";
  const cfg = `{\n  "pin": "${numeric}",\n  "hooks": ["${C2}"]\n}\n`;
  const json5 = `{\n  // the admin\n  admin: '${C1}'\n}\n`;
  const local = `{ "db": { "password": "${C2}" } }\n`;
  const p = project({
    "app.js": NCONF,
    "server.js": `const config = require("config");\nrequire("./x.json5.json");\n`,
    "config.json": cfg,
    "x.json5.json": json5,
    "config/local.json": local,
    "config/production.json": local,
    "config/custom-environment-variables.js": "module.exports = { smtp: { pass: 'SMTP_PASS' } };\n",
  });
  try {
    const fs = [finding("config.json", cfg, numeric), finding("config.json", cfg, C2), finding("x.json5.json", json5, C1), finding("config/local.json", local, C2), finding("config/production.json", local, C2)];
    const r = configSecrets(p.root, fs, ["app.js", "server.js"], (x) => (x as (typeof fs)[0]).value);
    assert.deepEqual(r.candidates, []);
    const why = (f: string, line: number) => r.refusals.get(`${f}:${line}`) ?? "";
    assert.match(why("config.json", 2), /nconf would read the value back from pin as a number, boolean or null/);
    assert.match(why("config.json", 3), /hooks\[0\] is inside an array of config\.json|inside an array/);
    assert.match(why("x.json5.json", 3), /x\.json5\.json is neither JSON nor JSON with comments/);
    assert.match(why("config/local.json", 1), /machine-local file/);
    assert.match(why("config/production.json", 1), /config\/custom-environment-variables\.js \(a module, which vaultshift does not edit\) maps nothing to db\.password: add "db\.password" → a variable name there \(e\.g\. db: \{ password: \{ "DB_PASSWORD" \} \}\)/);
    const all = [...r.refusals.values()].join("\n") + configRefusalMessage({ file: "config.json", line: 2, redacted: "7319…(17 chars)" }, "a generic-password", why("config.json", 2));
    for (const v of [C1, C2, numeric]) assert.ok(!all.includes(v));
  } finally {
    p.done();
  }
});

test("YAML and JSONC config files: node-config's YAML and commented JSON move (the mapping goes to the YAML mapping file); YAML the editor cannot change alone is refused with the reason", () => {
  const yml = `# defaults\ndb:\n  password: ${C1} # dev\n`;
  const jsonc = `{\n  // prod\n  "api": { "token": "${C2}", },\n}\n`;
  const traps = `flow: { password: ${C1} }\nlist:\n  - ${C2}\nanchored: &pw ${C1}x\n`;
  const p = project({
    "server.js": `const config = require("config");\n`,
    "config/default.yml": yml,
    "config/production.json": jsonc,
    "config/staging.yaml": traps,
    "config/custom-environment-variables.yml": "port: PORT\n",
  });
  try {
    const fs = [finding("config/default.yml", yml, C1), finding("config/production.json", jsonc, C2), finding("config/staging.yaml", traps, C1), finding("config/staging.yaml", traps, C2), finding("config/staging.yaml", traps, `${C1}x`)];
    const r = configSecrets(p.root, fs, ["server.js"], (x) => (x as (typeof fs)[0]).value);
    assert.deepEqual(r.candidates.map((c) => `${c.source.file}:${c.name}:${c.environment}`), ["config/default.yml:DB_PASSWORD:shared", "config/production.json:API_TOKEN:production"]);
    assert.deepEqual(r.edits.map((e) => e.mappingFile), ["config/custom-environment-variables.yml", "config/custom-environment-variables.yml"]);
    const why = (line: number) => r.refusals.get(`config/staging.yaml:${line}`) ?? "";
    assert.match(why(1), /a member of a flow mapping/);
    assert.match(why(3), /inside an array/);
    assert.match(why(4), /an alias, an anchor, a tag/);
    for (const v of [C1, C2]) assert.ok(![...r.refusals.values()].join("\n").includes(v));
  } finally {
    p.done();
  }
});

test("node-config: an existing mapping of the path is used as it is and not added again", () => {
  const prod = `{ "db": { "password": "${C1}" } }\n`;
  const p = project({ "s.js": `import config from "config";\n`, "config/production.json": prod, "config/custom-environment-variables.json": `{ "db": { "password": { "__name": "PGPASSWORD" } } }\n` });
  try {
    const f = finding("config/production.json", prod, C1);
    const r = configSecrets(p.root, [f], ["s.js"], () => C1);
    assert.deepEqual([r.candidates[0]!.name, r.candidates[0]!.environment], ["PGPASSWORD", "production"]);
    assert.deepEqual(r.edits, [{ file: "config/production.json", keyPath: ["db", "password"], how: "remove", envName: "PGPASSWORD" }]);
  } finally {
    p.done();
  }
});

test("node-config mappings in custom-environment-variables.js: a path the module maps moves to its variable, no edit; one it cannot read is refused with the reason", () => {
  const prod = `{\n  "db": { "password": "${C1}" },\n  "mail": { "pass": "${C2}" },\n  "api": { "key": "${C1}x" }\n}\n`;
  const js = [
    "// mapped by hand, as the node-config wiki shows",
    "const port = { __name: 'PORT', __format: 'number' };",
    "module.exports = {",
    "  port,",
    "  db: { password: 'DB_PASSWORD' },",
    "  mail: { 'pass': { __name: `MAIL_PASS` } },",
    "  api: { key: { __name: 'API_KEY', __format: 'json' } },",
    "};",
  ].join("\n");
  const p = project({ "server.js": `const config = require("config");\n`, "config/production.json": prod, "config/custom-environment-variables.js": js });
  try {
    const fs = [finding("config/production.json", prod, C1), finding("config/production.json", prod, C2), finding("config/production.json", prod, `${C1}x`)];
    const r = configSecrets(p.root, fs, ["server.js"], (x) => (x as (typeof fs)[0]).value);
    assert.deepEqual(r.candidates.map((c) => [c.name, c.environment]), [["DB_PASSWORD", "production"], ["MAIL_PASS", "production"]]);
    // The module is not edited: no mapping file in the edits.
    assert.deepEqual(r.edits.map((e) => [e.envName, e.mappingFile]), [["DB_PASSWORD", undefined], ["MAIL_PASS", undefined]]);
    assert.match(r.refusals.get("config/production.json:4") ?? "", /maps it with a __format/);
    assert.ok(![...r.refusals.values(), ...r.warnings.map((w) => w.message)].join("\n").includes(C1));
  } finally {
    p.done();
  }
});
