import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTree } from "../migrate/testing.js";
import type { Candidate, CandidateSet } from "../classify/candidates.js";
import { takeEnvHelperDefaults } from "./env-helper-defaults.js";
import type { ConfigSecrets } from "./config-secrets.js";

const C1 = "CANARYstrapiPlanDef7Yh3Nb8Lk"; // vaultshift:allow
const C2 = "CANARYstrapiPlanEnv2Wq9Lp5Mk"; // vaultshift:allow

const literal = (file: string, line: number, value: string): Candidate => ({
  source: { type: "literal", file, line, column: 30, name: "secret" },
  name: "SECRET",
  value,
  environment: "shared",
  kind: "token",
  confidence: 0.9,
  reason: "a token",
});

function run(files: Record<string, string>, secrets: Candidate[]) {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-env-helper-"));
  try {
    const root = writeTree(dir, files);
    const found = { secrets, sourceFiles: Object.keys(files).filter((f) => /\.[jt]s$/.test(f)) } as unknown as CandidateSet;
    const into: ConfigSecrets = { candidates: [], edits: [], warnings: [], moved: new Set(), refusals: new Map() };
    takeEnvHelperDefaults(root, found, into);
    return { found, into };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ADMIN = `module.exports = ({ env }) => ({\n  auth: { secret: env('ADMIN_JWT_SECRET', '${C1}') },\n  db: { password: env('DATABASE_PASSWORD', \`${C2}\`) },\n  host: env('HOST', 'localhost'),\n});\n`;

test("Strapi: a found literal default and a missed template-literal one move to their variables, per environment; the literal is no longer rewritten; one config-env warning", () => {
  const pkg = JSON.stringify({ dependencies: { "@strapi/strapi": "5.0.0" } });
  const { found, into } = run({ "package.json": pkg, "config/admin.js": ADMIN, "config/env/production/server.js": `module.exports = ({ env }) => ({ key: env('PROD_API_KEY', '${C1}x') });\n` }, [literal("config/admin.js", 2, C1)]);
  assert.deepEqual(found.secrets, []);
  assert.deepEqual(into.candidates.map((c) => `${c.source.file}:${c.name}:${c.environment}:${c.source.type}`), ["config/admin.js:ADMIN_JWT_SECRET:shared:config", "config/admin.js:DATABASE_PASSWORD:shared:config", "config/env/production/server.js:PROD_API_KEY:production:config"]);
  assert.deepEqual(into.edits[0], { file: "config/admin.js", keyPath: ["env", "ADMIN_JWT_SECRET"], how: "drop-default", envName: "ADMIN_JWT_SECRET" });
  assert.match(into.warnings[0]!.message, /ADMIN_JWT_SECRET, DATABASE_PASSWORD leave config\/admin\.js: Strapi's env\(\) reads them .*vaultshift run --/);
  // The values are in the candidates only (in memory): not in what the plan prints.
  const printed = JSON.stringify([into.warnings, into.edits, into.candidates.map((c) => [c.reason, c.source])]);
  assert.ok(!printed.includes(C1) && !printed.includes(C2));
});

test("not a Strapi project, or a file outside config/: the literal stays a literal (rewritten as before)", () => {
  const lit = literal("config/admin.js", 2, C1);
  assert.deepEqual(run({ "package.json": "{}", "config/admin.js": ADMIN }, [lit]).found.secrets, [lit]);
  const pkg = JSON.stringify({ dependencies: { "@strapi/strapi": "5.0.0" } });
  const lit2 = literal("src/admin.js", 2, C1);
  assert.deepEqual(run({ "package.json": pkg, "src/admin.js": ADMIN }, [lit2]).found.secrets, [lit2]);
});
