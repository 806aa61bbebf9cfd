import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateConfig } from "./schema.js";
import { loadConfig } from "./load.js";
import { ConfigError } from "../errors.js";
import { tempDir } from "../scan/test-repo.js";

test("a valid config has no problems", () => {
  assert.deepEqual(
    validateConfig({
      include: ["src/**"],
      exclude: ["fixtures"],
      maxFileSize: 1000,
      rules: { disable: ["generic-secret"] },
      allowlist: { paths: ["test/**"], regexes: ["^EXAMPLE"], rules: { "aws-access-key-id": { paths: ["docs"], regexes: ["AKIAIOSFODNN7EXAMPLE"] } } },
      baseline: ".vaultshift-baseline.json",
      app: "shop",
      mount: "secret",
      groups: { database: ["DB_"] },
    }),
    [],
  );
});

test("every problem is reported with its JSON path", () => {
  const problems = validateConfig({
    allowlist: { paths: ["ok", 3, "x"], regexes: ["(unclosed"], rules: { "my-rule": { paths: "nope" } } },
    maxFileSize: -1,
    exlude: ["x"],
  });
  const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
  assert.match(byPath["allowlist.paths[1]"]!, /expected a string, got a number/);
  assert.match(byPath["allowlist.regexes[0]"]!, /not a valid regular expression/);
  assert.match(byPath['allowlist.rules["my-rule"].paths']!, /expected an array/);
  assert.match(byPath["maxFileSize"]!, /whole number/);
  assert.match(byPath["exlude"]!, /unknown key \(did you mean "exclude"\?\)/);
  assert.equal(problems.length, 5);
});

test("the config is found by walking up from the scan root, and not above the repository root", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const repo = join(dir, "repo");
  mkdirSync(join(repo, ".git"), { recursive: true });
  mkdirSync(join(repo, "a", "b"), { recursive: true });
  writeFileSync(join(dir, "vaultshift.config.json"), JSON.stringify({ maxFileSize: 1 }));
  assert.equal(loadConfig(join(repo, "a", "b")).file, undefined, "stops at the directory holding .git");
  writeFileSync(join(repo, ".vaultshiftrc.json"), JSON.stringify({ maxFileSize: 2 }));
  const found = loadConfig(join(repo, "a", "b"));
  assert.equal(found.file, join(repo, ".vaultshiftrc.json"));
  assert.equal(found.config.maxFileSize, 2);
  writeFileSync(join(repo, "a", "package.json"), JSON.stringify({ name: "x", vaultshift: { maxFileSize: 3 } }));
  assert.equal(loadConfig(join(repo, "a", "b")).config.maxFileSize, 3, "package.json \"vaultshift\" counts");
  writeFileSync(join(repo, "a", "b", "package.json"), JSON.stringify({ name: "no-key" }));
  assert.equal(loadConfig(join(repo, "a", "b")).config.maxFileSize, 3, "a package.json without the key is passed over");
});

test("schema errors name the file and the path; package.json paths are prefixed", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  mkdirSync(join(dir, ".git"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ vaultshift: { exclude: [1] } }));
  assert.throws(() => loadConfig(dir), (e: unknown) => e instanceof ConfigError && /vaultshift\.exclude\[0\]: expected a string/.test(e.message) && e.message.includes("package.json"));
});

test("invalid JSON is reported with a position and without quoting the file", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  mkdirSync(join(dir, ".git"));
  const canary = "CANARY_cfg_9f8e7d6c5b4a39281706";
  writeFileSync(join(dir, "vaultshift.config.json"), `{\n  "allowlist": { "regexes": [${canary}] }\n}`);
  assert.throws(
    () => loadConfig(dir),
    (e: unknown) => e instanceof ConfigError && /not valid JSON at line 2/.test(e.message) && !e.message.includes(canary) && !String((e.cause as Error).message).includes(canary),
  );
});

test("--config that does not exist is an error with a hint", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  assert.throws(() => loadConfig(dir, "missing.json"), (e: unknown) => e instanceof ConfigError && /does not exist/.test(e.message) && e.hint !== undefined);
});
