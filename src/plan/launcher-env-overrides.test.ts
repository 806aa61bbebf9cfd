import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "./planner.js";
import { launcherEnvSettings } from "./launcher-env-overrides.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("launcher-env-overrides");
after(() => tmp.remove());

// Values built at run time: no secret-shaped literal in this file.
const TOKEN_A = ["tok_", "Hd8Jq2Lx5Wm9Rt", "Zp3Vn7Kc1Bs6Ye"].join("");
const TOKEN_B = ["tok_", "Qm4Wb7Zx1Lp9Kd", "Ry2Tc6Vn8Hs3Gf"].join("");
const WEBHOOK = ["whk_", "Nc5Jt8Lq2Xv6Rb", "Wm1Pz9Kd4Hs7Yg"].join("");

const app = (files: Record<string, string>) =>
  writeTree(tmp.dir, {
    "package.json": JSON.stringify({ name: "hooks", scripts: { dev: "nodemon", start: "node src/server.js" }, dependencies: { dotenv: "^17.0.0" } }),
    "src/server.js": 'require("dotenv").config();\nmodule.exports = [process.env.SLACK_BOT_TOKEN, process.env.GITHUB_WEBHOOK_SECRET];\n',
    ...files,
  });

test("nodemon's env over a .env secret of another value stops the plan, naming both places; the same value, or names .env does not hold, do not", async () => {
  // Fails if nodemon.json's env is not read, or if a value equal to the file's is refused too.
  const root = app({
    ".env": `SLACK_BOT_TOKEN=${TOKEN_A}\nGITHUB_WEBHOOK_SECRET=${WEBHOOK}\n`,
    "nodemon.json": JSON.stringify({ exec: "node src/server.js", env: { DEBUG: "hooks:*", SLACK_BOT_TOKEN: TOKEN_B, GITHUB_WEBHOOK_SECRET: WEBHOOK } }, null, 2),
  });
  await assert.rejects(plan({ root, env: {} }), (e: Error & { hint?: string }) => {
    assert.match(e.message, /SLACK_BOT_TOKEN: nodemon\.json:5 sets it in the environment of the processes nodemon starts \(development\), over \.env:1's value/);
    assert.doesNotMatch(e.message, /GITHUB_WEBHOOK_SECRET/, "the same value changes nothing");
    assert.match(e.hint ?? "", /delete SLACK_BOT_TOKEN from nodemon\.json's env/);
    assert.ok(!e.message.includes(TOKEN_A) && !e.message.includes(TOKEN_B) && !(e.hint ?? "").includes(TOKEN_B));
    return true;
  });
});

test("package.json's nodemonConfig.env counts where there is no nodemon.json; a NODE_ENV it sets is its environment", async () => {
  const root = app({
    "package.json": JSON.stringify({ name: "hooks", scripts: { dev: "nodemon src/server.js" }, nodemonConfig: { env: { NODE_ENV: "staging", SLACK_BOT_TOKEN: "x" } } }, null, 2),
  });
  assert.deepEqual(
    launcherEnvSettings(root, [""]).map((s) => `${s.file}:${s.line} ${s.name} ${s.environment}`),
    ["package.json:8 NODE_ENV staging", "package.json:9 SLACK_BOT_TOKEN staging"],
  );
});

test("a .env secret nodemon does not set moves as before", async () => {
  const root = app({ ".env": `SLACK_BOT_TOKEN=${TOKEN_A}\n`, "nodemon.json": JSON.stringify({ env: { DEBUG: "hooks:*" } }) });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["SLACK_BOT_TOKEN"]);
});
