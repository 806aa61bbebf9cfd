import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "./planner.js";
import { lineCommands } from "./partial-layers.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("partial-layers");
after(() => tmp.remove());

// Values built at run time: no secret-shaped literal in this file.
const SHIPPO = ["shippo_test_", "Hd8Jq2Lx5Wm9Rt", "Zp3Vn7Kc1Bs6Ye"].join("");
const DB = ["postgres://shop:", "Qm4Wb7Zx1Lp9Kd", "@localhost/shop"].join("");

const code = { "src/api.js": "module.exports = [process.env.DATABASE_URL];\n", "src/jobs.js": "module.exports = [process.env.DATABASE_URL, process.env.SHIPPO_API_TOKEN];\n" };

test("a command line's commands: concurrently's quoted arguments and the parts between operators", () => {
  assert.deepEqual(lineCommands(`concurrently -n api,jobs "node --env-file=.env src/api.js" "node --env-file=.env --env-file=.env.jobs src/jobs.js"`), ["node --env-file=.env src/api.js", "node --env-file=.env --env-file=.env.jobs src/jobs.js", "concurrently -n api,jobs"]);
  assert.deepEqual(lineCommands(`npm run build && dotenv -e ".env" -- node a.js & node b.js`), ["npm run build", "dotenv -e  .env  -- node a.js", "node b.js"]);
});

test("a process's own file loaded by only some of the processes started together is named with its secrets and the commands started without it", async () => {
  // Fails if the shared location's secrets are not traced back to the commands that load the file.
  const root = writeTree(tmp.dir, {
    ".env": `DATABASE_URL=${DB}\n`,
    ".env.jobs": `SHIPPO_API_TOKEN=${SHIPPO}\n`,
    "package.json": JSON.stringify({ name: "shop", scripts: { dev: `concurrently "node --env-file=.env src/api.js" "node --env-file=.env --env-file=.env.jobs src/jobs.js"` } }),
    ...code,
  });
  const p = await plan({ root, env: {} });
  const w = p.warnings.filter((x) => x.code === "layer-everywhere");
  assert.deepEqual(w.map((x) => x.file), [".env.jobs"]);
  assert.match(w[0]!.message, /^\.env\.jobs is loaded by only some of the processes package\.json \(npm script "dev"\) starts \(`node --env-file=\.env --env-file=\.env\.jobs src\/jobs\.js`\), not by `node --env-file=\.env src\/api\.js`\. Its secrets \(SHIPPO_API_TOKEN\)/);
  assert.ok(!w[0]!.message.includes(SHIPPO));
});

test("nothing is said when every process started together loads the file, or each process is started on its own", async () => {
  const every = writeTree(tmp.dir, {
    ".env": `DATABASE_URL=${DB}\n`,
    ".env.jobs": `SHIPPO_API_TOKEN=${SHIPPO}\n`,
    "package.json": JSON.stringify({ name: "shop", scripts: { dev: `concurrently "node --env-file=.env --env-file=.env.jobs src/api.js" "node --env-file=.env --env-file=.env.jobs src/jobs.js"`, jobs: "node --env-file=.env --env-file=.env.jobs src/jobs.js", api: "node --env-file=.env src/api.js" } }),
    ...code,
  });
  const p = await plan({ root: every, env: {} });
  assert.deepEqual(p.warnings.filter((x) => x.code === "layer-everywhere"), []);
});
