import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTree } from "../migrate/testing.js";
import type { CandidateSet } from "../classify/candidates.js";
import { configLoadOf } from "../classify/config-loaders.js";
import { configEnvName } from "../map/config-env-names.js";
import { takeConvictDefaults } from "./convict-defaults.js";
import type { ConfigSecrets } from "./config-secrets.js";

const C1 = "CANARYconvictPlan6Yh3Nb8Lk2"; // vaultshift:allow

const SCHEMA = `const path = require("path");\nconst convict = require("convict");\nconst config = convict({\n  db: { password: { format: String, default: "${C1}", env: "DB_PASSWORD" } },\n  session: { secret: { format: String, default: "${C1}y" } },\n  log: { level: { format: String, default: "info", env: "LOG_LEVEL" } },\n  other: { token: { format: String, default: "${C1}z", env: "API_TOKEN" } },\n  dup: { dbPassword: { format: String, default: "${C1}w" } },\n  db_password: { format: String, default: "${C1}v" },\n});\nconfig.loadFile(path.join(__dirname, "config", \`\${config.get("env")}.json\`));\n`;

function withProject<T>(files: Record<string, string>, fn: (root: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-convict-"));
  try {
    return fn(writeTree(dir, files));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("convict defaults the scanner missed move to the leaf's env, or to a name added from the path; a plain default and a name another leaf reads stay (the latter a literal as before)", () => {
  withProject({ "src/config.js": SCHEMA }, (root) => {
    const found = { secrets: [], sourceFiles: ["src/config.js"] } as unknown as CandidateSet;
    const into: ConfigSecrets = { candidates: [], edits: [], warnings: [], moved: new Set(), refusals: new Map() };
    takeConvictDefaults(root, found, into);
    assert.deepEqual(into.candidates.map((c) => `${c.name}:${c.environment}:${c.source.keyPath!.join(".")}`), ["DB_PASSWORD:shared:convict.db.password", "SESSION_SECRET:shared:convict.session.secret", "API_TOKEN:shared:convict.other.token", "DUP_DB_PASSWORD:shared:convict.dup.dbPassword"]);
    assert.match(into.warnings[0]!.message, /env names added to the schema: session\.secret → SESSION_SECRET/);
    // db_password would be DB_PASSWORD, which db.password reads already: it stays a literal; log.level is no secret.
    assert.ok(!JSON.stringify(into.warnings).includes(C1));
  });
});

test("a file given to loadFile() is convict's: its value moves to the schema's env for that path, or is refused naming the env to add", () => {
  withProject({ "src/config.js": SCHEMA }, (root) => {
    const load = configLoadOf(root, "src/config/production.json", ["src/config.js"]);
    assert.equal(load.how, "convict");
    assert.deepEqual(configEnvName(load, ["db", "password"]), { name: "DB_PASSWORD" });
    const refused = configEnvName(load, ["session", "secret"]);
    assert.ok("refused" in refused && /names no environment variable \(env\) for session\.secret: add env: "SESSION_SECRET"/.test(refused.refused));
  });
});
