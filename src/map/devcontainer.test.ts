import { test, after } from "node:test";
import assert from "node:assert/strict";
import { devcontainerEnvFiles, stripJsonComments } from "./devcontainer.js";
import { plan } from "../plan/planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("devcontainer");
after(() => tmp.remove());
const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);
const KEY = "re_CANARY_dc_8Qm2Lx7Vp4Rn9Wz1Hy6B";
const PROD = "re_CANARY_pr_3Kx8Lm1Qz6Wb2Vn7Hy4P";

test("devcontainer.json is JSON with comments and trailing commas", () => {
  assert.deepEqual(JSON.parse(stripJsonComments('// top\n{ "a": "http://x//y", /* b */ "b": [1, 2,], }\n')), { a: "http://x//y", b: [1, 2] });
});

test("the .env files a dev container's runArgs give docker (--env-file FILE, --env-file=FILE, ${localWorkspaceFolder}, relative to the root or the config's folder)", () => {
  const root = tree({
    ".devcontainer/devcontainer.json": '// dev\n{\n  "runArgs": ["--env-file", "${localWorkspaceFolder}/.devcontainer/devcontainer.env", "--env-file=.env.shared", "--init",],\n}\n',
    ".devcontainer/gpu/devcontainer.json": '{ "runArgs": ["--env-file", "gpu.env"] }',
    "services/api/.devcontainer.json": '{ "runArgs": ["--env-file", ".env"] }',
    "other/.devcontainer/devcontainer.json": "{ not json",
  });
  const files = [".devcontainer/devcontainer.env", ".env.shared", ".devcontainer/gpu/gpu.env", "services/api/.env", ".env"];
  assert.deepEqual(Object.fromEntries(devcontainerEnvFiles(root, files)), {
    ".devcontainer/devcontainer.env": ".devcontainer/devcontainer.json",
    ".env.shared": ".devcontainer/devcontainer.json",
    ".devcontainer/gpu/gpu.env": ".devcontainer/gpu/devcontainer.json",
    "services/api/.env": "services/api/.devcontainer.json",
  });
  // No configuration, or one without --env-file: none.
  assert.equal(devcontainerEnvFiles(tree({ ".devcontainer/devcontainer.json": '{ "image": "node:20" }' }), [".env"]).size, 0);
});

test("a dev container's env file is kept (docker reads it; the container has no Vault settings), named, and is development's: production's file still moves and development stays servable", async () => {
  const root = tree({
    ".devcontainer/devcontainer.json": '{ "runArgs": ["--env-file", "${localWorkspaceFolder}/.devcontainer/devcontainer.env"] }',
    ".devcontainer/devcontainer.env": `RESEND_API_KEY=${KEY}\nPORT=3000\n`,
    ".env.production": `RESEND_API_KEY=${PROD}\n`,
    "package.json": JSON.stringify({ name: "notes", scripts: { start: "node --env-file=.env.production index.js" } }),
    "index.js": "module.exports = process.env.RESEND_API_KEY;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`), [".env.production:RESEND_API_KEY@production"]);
  const kept = p.warnings.filter((w) => w.code === "not-migrated");
  assert.deepEqual(kept.map((w) => `${w.file}:${w.line}`), [".devcontainer/devcontainer.env:1"]);
  assert.match(kept[0]!.message, /docker reads when it starts the dev container \(\.devcontainer\/devcontainer\.json: runArgs --env-file\).*no VAULT_ADDR or token/);
  assert.equal(p.envFiles.find((f) => f.file === ".devcontainer/devcontainer.env")?.environment, "development");
  assert.ok(!JSON.stringify(p).includes(KEY) && !JSON.stringify(p).includes(PROD));
});
