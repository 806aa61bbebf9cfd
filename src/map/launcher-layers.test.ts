import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launcherLayers } from "./launcher-layers.js";
import { tempDir, writeTree } from "../migrate/testing.js";
import { plan } from "../plan/planner.js";

const tmp = tempDir("launcher-layers");
after(() => tmp.remove());

const ENV_FILES = [".env", ".env.production", ".env.web", ".env.worker", ".env.ci", ".env.api", ".env.eu-west", "services/mailer/.env.mailer"];

test("files of no environment that a launcher loads with others, or compose passes to a service, are layers; one loaded alone, a standard environment and a word NODE_ENV is set to are not", () => {
  const root = writeTree(tmp.dir, {
    "a/package.json": JSON.stringify({
      scripts: {
        web: "nf run -e .env,.env.web node web.js",
        worker: "node --env-file=.env --env-file=./.env.worker worker.js",
        ci: "dotenv -e .env.ci -- jest",
        prod: "dotenv -e .env.production -e .env -- node web.js",
        region: "NODE_ENV=eu-west dotenv -e .env -e .env.eu-west -- node web.js",
      },
    }),
    "a/compose.yaml": "services:\n  api:\n    env_file:\n      - .env.api\n",
    "a/services/mailer/Procfile": "mailer: nf run -e ../../.env,.env.mailer node mailer.js\n",
  });
  const layers = [...launcherLayers(`${root}/a`, ENV_FILES)].sort();
  assert.deepEqual(layers, [".env.api", ".env.web", ".env.worker", "services/mailer/.env.mailer"]);
  // Nothing names them: each stays the environment of its name.
  assert.deepEqual([...launcherLayers(`${root}/a`.replace(/\/a$/, "/none"), ENV_FILES)], []);
});

test("the plan puts a process's own file (nf run -e .env,.env.worker) in the shared location every environment reads", async () => {
  const root = writeTree(tmp.dir, {
    "b/.env": "REDIS_PASSWORD=Rd3Lx8Qm2Vp7Kw4Zt9\n",
    "b/.env.worker": "AWS_SECRET_ACCESS_KEY=wJal7Kq2Lx9Vp4Rn8Wz1Hy6Bd3Kt5Sf0Gc2Pm7X\n",
    "b/package.json": JSON.stringify({ scripts: { worker: "nf run -e .env,.env.worker node worker.js" } }),
    "b/worker.js": "module.exports = [process.env.REDIS_PASSWORD, process.env.AWS_SECRET_ACCESS_KEY];\n",
  });
  const p = await plan({ root: `${root}/b`, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`).sort(), [".env.worker:AWS_SECRET_ACCESS_KEY@shared", ".env:REDIS_PASSWORD@development"]);
  assert.ok(!p.warnings.some((w) => w.code === "unselected-environment"), JSON.stringify(p.warnings.map((w) => w.code)));
});
