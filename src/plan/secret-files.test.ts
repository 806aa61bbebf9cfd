import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Finding } from "../scan/types.js";
import { plan } from "./planner.js";
import { carriedSecretFiles, decodeSecretFile, encodeSecretFile, secretFileRoundTrip, secretFiles, startScripts } from "./secret-files.js";
import { planId } from "./plan-file.js";
import { testPlan } from "../run/test-plan.js";
import type { Plan, PlannedSecretFile } from "./types.js";

// Secret files named by a path variable (src/plan/secret-files.ts): which files move, and each
// refusal with its reason. Fails if a refused file is moved (or a moving one refused), if a
// reason is not named, or if bytes do not survive the Vault string.

// Key material built at run time, never a literal the self-scan would report.
const KEY = ["-----BEGIN", ` PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI${randomBytes(45).toString("base64")}\n`, "-----END PRIVATE KEY-----\n"].join("");

function project(files: Record<string, string | Buffer>): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), "vaultshift-secret-files-"));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

const finding = (file: string): Finding => ({ ruleId: "private-key-pkcs8", kind: "private-key", severity: "high", confidence: 0.99, file, line: 1, column: 1, endLine: 3, endColumn: 1, fingerprint: "f", redacted: "----…(90 chars)", reason: "a private key" }) as Finding;
const START = JSON.stringify({ name: "x", scripts: { start: "node src/index.js", test: "node --test", build: "tsc && node build.js" } });

test("bytes are stored as text when they are UTF-8, else base64, and decode to exactly the same bytes", () => {
  const text = Buffer.from(KEY);
  assert.deepEqual(encodeSecretFile(text), { value: KEY, encoding: "utf8" });
  for (const bytes of [Buffer.from([0x30, 0x82, 0xff, 0x00, 0x01]), Buffer.from("a\0b"), Buffer.from([0xc3])]) {
    const { value, encoding } = encodeSecretFile(bytes);
    assert.equal(encoding, "base64");
    assert.ok(decodeSecretFile(value, encoding).equals(bytes));
  }
});

test("npm scripts that start the app's code with node on one file are the ones wrapped", () => {
  const p = project({ "package.json": JSON.stringify({ scripts: { start: "node src/index.js", dev: "nodemon --watch src src/index.js", digest: "node scripts/digest.js", test: "node --test", build: "tsc && node build.js", lint: "eslint .", wrapped: "vaultshift run -- node a.js" } }) });
  try {
    assert.deepEqual(startScripts(p.root), ["dev", "digest", "start"]);
  } finally {
    p.remove();
  }
});

test("a file a .env variable names moves: one candidate per environment, the file deleted by apply, the start scripts wrapped", () => {
  const p = project({ ".env": "TLS_KEY_PATH=./certs/client.key\nPORT=3000\n", ".env.production": "TLS_KEY_PATH=\n", "certs/client.key": KEY, "package.json": START });
  try {
    const out = secretFiles(p.root, [finding("certs/client.key")], [".env", ".env.production"], { ".env": "shared", ".env.production": "production" });
    assert.deepEqual(out.candidates.map((c) => [c.name, c.environment, c.source.type, c.source.file, c.source.encoding]), [["TLS_KEY_PATH", "shared", "file", "certs/client.key", "utf8"]]);
    assert.equal(out.candidates[0]!.value, KEY);
    assert.deepEqual([...out.notIn.values()], [["production"]]);
    assert.deepEqual(out.removals.map((r) => [r.file, r.kind, r.afterHash]), [["certs/client.key", "secret-file", null]]);
    assert.ok(!out.removals[0]!.diff.includes(KEY.split("\n")[1]!));
    assert.deepEqual(out.scripts.map((s) => s.script), ["start"]);
    assert.equal(out.refusals.size, 0);
  } finally {
    p.remove();
  }
});

test("refused with the reason named: a directory, a large file, a link leaving the project, an outside use, no start script", () => {
  const outside = mkdtempSync(join(tmpdir(), "vaultshift-outside-"));
  writeFileSync(join(outside, "shared.key"), KEY);
  const p = project({
    ".env": "CERTS_DIR=certs\nBIG_KEY_PATH=big/huge.pem\nLINK_KEY_PATH=keys/linked.key\nDEPLOY_KEY_PATH=deploy/id_key\n",
    "certs/client.key": KEY,
    "big/huge.pem": KEY + "x".repeat(70 * 1024),
    "deploy/id_key": KEY,
    "deploy.sh": '#!/bin/sh\nssh -i "$DEPLOY_KEY_PATH" deploy@host true\n',
    "package.json": START,
  });
  mkdirSync(join(p.root, "keys"));
  symlinkSync(join(outside, "shared.key"), join(p.root, "keys", "linked.key"));
  try {
    const files = ["certs/client.key", "big/huge.pem", "keys/linked.key", "deploy/id_key"];
    const out = secretFiles(p.root, files.map(finding), [".env"]);
    assert.equal(out.candidates.length, 0);
    assert.equal(out.removals.length, 0);
    assert.match(out.refusals.get("certs/client.key:1")!, /of the directory certs that CERTS_DIR \(\.env:1\) names: vaultshift moves single files/);
    assert.match(out.refusals.get("big/huge.pem:1")!, /is \d+ bytes: vaultshift moves files of up to 64 KiB/);
    assert.match(out.refusals.get("keys/linked.key:1")!, /a link to a file outside the project that LINK_KEY_PATH \(\.env:3\) names/);
    assert.match(out.refusals.get("deploy/id_key:1")!, /named by DEPLOY_KEY_PATH \(\.env:4\), a variable that deploy\.sh:2 also reads/);
    for (const message of out.refusals.values()) assert.ok(!message.includes(KEY.split("\n")[1]!));
  } finally {
    p.remove();
    rmSync(outside, { recursive: true, force: true });
  }
  const q = project({ ".env": "KEY_PATH=key.pem\n", "key.pem": KEY, "package.json": JSON.stringify({ scripts: { build: "tsc" } }) });
  try {
    const out = secretFiles(q.root, [finding("key.pem")], [".env"]);
    assert.equal(out.candidates.length, 0);
    assert.match(out.refusals.get("key.pem:1")!, /nothing in the project starts the app's code in a way vaultshift can put under `vaultshift run`.*the secrets module alone cannot write the file before the app's first read/);
  } finally {
    q.remove();
  }
});

test("verify: a file's Vault value must decode to exactly the bytes moved", () => {
  const bytes = Buffer.from([0x30, 0x82, 0xff, 0x00]);
  const entry: PlannedSecretFile = { envName: "P12_PATH", file: "c.p12", baseName: "c.p12", encoding: "base64", size: 4, sha256: "f", mount: "secret", key: "p12_path", environments: {} };
  entry.sha256 = createHash("sha256").update(bytes).digest("hex");
  const s = { name: "P12_PATH", source: { type: "file" as const, file: "c.p12", line: 1, column: 1, name: "P12_PATH" } };
  assert.equal(secretFileRoundTrip({ secretFiles: [entry] }, s, bytes.toString("base64")), null);
  assert.match(secretFileRoundTrip({ secretFiles: [entry] }, s, Buffer.from([0x30, 0x82, 0xff, 0x01]).toString("base64"))!, /differ from the 4 bytes moved/);
  assert.match(secretFileRoundTrip({ secretFiles: [entry] }, s, "not base64!")!, /not valid base64/);
  assert.equal(secretFileRoundTrip({}, { name: "X", source: { type: "dotenv", file: ".env", line: 1, column: 1, name: "X" } }, "v"), null);
});

test("one Vault location given two files with different contents (a path template without {environment}) stops the plan", async () => {
  const other = KEY.replace("MC4CAQAw", "MC4CAQAx");
  const p = project({ ".env": "KEY_PATH=keys/dev.key\n", ".env.production": "KEY_PATH=keys/prod.key\n", "keys/dev.key": KEY, "keys/prod.key": other, "package.json": START, "src/index.js": "require('dotenv').config();\nconsole.log(process.env.PORT);\n", "vaultshift.config.json": JSON.stringify({ pathTemplate: "{app}/{group}" }) });
  try {
    await assert.rejects(plan({ root: p.root, app: "x", history: false }), (e: Error) => {
      assert.match(e.message, /keys\/dev\.key:1 KEY_PATH/);
      assert.match(e.message, /keys\/prod\.key:1 KEY_PATH/);
      assert.ok(!e.message.includes(KEY.split("\n")[1]!));
      return true;
    });
  } finally {
    p.remove();
  }
});

test("a later plan carries the files an earlier migration moved (gone from the tree), so vaultshift run goes on writing them", () => {
  const moved: PlannedSecretFile = { envName: "KEY_PATH", file: "certs/client.key", baseName: "client.key", encoding: "utf8", size: 10, sha256: "a".repeat(64), mount: "secret", key: "key_path", environments: { development: { path: "x/development/files" } } };
  const { id: _id, ...body } = testPlan("x", [{ name: "DB_PASSWORD", environments: { development: "x/development/database" } }]);
  const earlier: Omit<Plan, "id"> = { ...body, secretFiles: [moved] };
  const p = project({ "vaultshift.plan.json": JSON.stringify({ ...earlier, id: planId(earlier) }) });
  try {
    assert.deepEqual(carriedSecretFiles(p.root, "x", "secret", []), [moved]);
    // Moved again by this plan, another app's plan, or the file back in the tree: not carried.
    assert.deepEqual(carriedSecretFiles(p.root, "x", "secret", [moved]), []);
    assert.deepEqual(carriedSecretFiles(p.root, "y", "secret", []), []);
    mkdirSync(join(p.root, "certs"));
    writeFileSync(join(p.root, "certs", "client.key"), KEY);
    assert.deepEqual(carriedSecretFiles(p.root, "x", "secret", []), []);
  } finally {
    p.remove();
  }
});
