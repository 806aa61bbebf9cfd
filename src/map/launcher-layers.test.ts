import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launcherBaseLayers, launcherLayers, launcherLoadOrder, launcherLoadPairs } from "./launcher-layers.js";
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

test("launcher load orders: dotenvx and dotenv-cli let the first file win unless told to override, node --env-file the last", () => {
  assert.deepEqual(launcherLoadOrder("dotenvx run -f .env.local -f .env -- node src/worker.js"), { files: [".env.local", ".env"], lastWins: false });
  assert.deepEqual(launcherLoadOrder("dotenvx run --overload -f .env -f .env.production -- node w.js"), { files: [".env", ".env.production"], lastWins: true });
  assert.deepEqual(launcherLoadOrder("npx dotenv -e .env.staging -e .env -- next start"), { files: [".env.staging", ".env"], lastWins: false });
  assert.deepEqual(launcherLoadOrder("dotenv -o -e .env -e .env.staging -- node a.js"), { files: [".env", ".env.staging"], lastWins: true });
  assert.deepEqual(launcherLoadOrder("node --env-file=.env --env-file=./.env.production server.js"), { files: [".env", ".env.production"], lastWins: true });
  // dotenv-cli's cascade: each file (.env when none is named) spreads into its local and environment files, the first winning.
  assert.deepEqual(launcherLoadOrder("dotenv -c -- node src/server.js"), { files: [".env.local", ".env"], lastWins: false });
  assert.deepEqual(launcherLoadOrder("dotenv -c production -- node src/server.js"), { files: [".env.production.local", ".env.local", ".env.production", ".env"], lastWins: false });
  assert.deepEqual(launcherLoadOrder("dotenv -e config/.env -c staging -- node a.js"), { files: ["config/.env.staging.local", "config/.env.local", "config/.env.staging", "config/.env"], lastWins: false });
  // dotenvx's -c is something else (a config path); only dotenv-cli cascades.
  assert.equal(launcherLoadOrder("dotenvx run -c x -- node a.js"), undefined);
  // One file, or no launcher: nothing to order. node's own -e is code, not a file.
  assert.equal(launcherLoadOrder("dotenvx run -f .env -- node a.js"), undefined);
  assert.equal(launcherLoadOrder("node -e 'x' .env .env.production"), undefined);
});

test("a plain .env an npm script's launcher loads under an environment's file is the base layer; under .env.local only, or winning over the environment's file, it is not", () => {
  const files = [".env", ".env.local", ".env.production"];
  const layers = (scripts: Record<string, string>) => launcherBaseLayers(writeTree(tmp.dir, { "package.json": JSON.stringify({ scripts }), ".env": "A=1\n", ".env.local": "A=2\n", ".env.production": "A=3\n" }), files);
  assert.deepEqual(layers({ start: "dotenvx run --overload -f .env -f .env.production -- node w.js" }), [""]);
  assert.deepEqual(layers({ start: "dotenv -e .env.production -e .env -- node w.js" }), [""]);
  assert.deepEqual(layers({ build: "npm run gen && node --env-file=.env --env-file=.env.production build.js" }), [""]);
  assert.deepEqual(layers({ dev: "dotenvx run -f .env.local -f .env -- node w.js" }), []);
  assert.deepEqual(layers({ start: "node --env-file-if-exists=.env --env-file-if-exists=.env.production s.js" }), [""]);
  // .env loaded last with --overload (or first without) wins over production's file: no layering.
  assert.deepEqual(layers({ start: "dotenvx run --overload -f .env.production -f .env -- node w.js" }), []);
  assert.deepEqual(layers({ start: "dotenv -e .env -e .env.production -- node w.js" }), []);
});

test("node --env-file-if-exists loads like --env-file (the last file wins), a missing file skipped; mixed with --env-file in one command", () => {
  assert.deepEqual(launcherLoadOrder("node --env-file-if-exists=.env --env-file-if-exists=.env.production src/server.js"), { files: [".env", ".env.production"], lastWins: true });
  assert.deepEqual(launcherLoadOrder("node --env-file=.env --env-file-if-exists .env.local src/server.js"), { files: [".env", ".env.local"], lastWins: true });
  assert.equal(launcherLoadOrder("node --env-file-if-exists=.env src/server.js"), undefined, "one file has no order");
});

test("tsx passes node's --env-file on: the last file wins, as for node", () => {
  assert.deepEqual(launcherLoadOrder("tsx --env-file=.env --env-file=.env.local src/sync.ts --once"), { files: [".env", ".env.local"], lastWins: true });
  assert.deepEqual(launcherLoadOrder("tsx watch --env-file .env --env-file .env.production src/a.ts"), { files: [".env", ".env.production"], lastWins: true });
  assert.equal(launcherLoadOrder("tsx -e .env.a .env.b"), undefined, "-e is no file flag of node's");
});

test("files one npm script's launcher loads together are ordered pairs, the winner first; a value a machine-local winner hides is refused, naming the script", async () => {
  const files = [".env", ".env.local", ".env.production", "api/.env", "api/.env.staging"];
  const root = writeTree(tmp.dir, {
    "package.json": JSON.stringify({ scripts: { dev: "tsx --env-file=.env --env-file=.env.local src/a.ts", start: "dotenvx run -f .env.production -f .env -- node a.js" } }),
    "api/package.json": JSON.stringify({ scripts: { staging: "node --env-file=.env --env-file=.env.staging a.js && echo done" } }),
  });
  assert.deepEqual(launcherLoadPairs(root, files), [
    { winner: ".env.local", loser: ".env", loader: 'package.json (npm script "dev")', lastWins: true },
    { winner: ".env.production", loser: ".env", loader: 'package.json (npm script "start")' },
    { winner: "api/.env.staging", loser: "api/.env", loader: 'api/package.json (npm script "staging")', lastWins: true },
  ]);
  const app = writeTree(tmp.dir, {
    "package.json": JSON.stringify({ scripts: { dev: "tsx --env-file=.env --env-file=.env.local src/a.ts", start: "tsx --env-file=.env.production src/a.ts" } }),
    "src/a.ts": "export const token = process.env.NOTION_API_TOKEN;\n",
    ".env": "NOTION_API_TOKEN=ntn_4Lx7Vp2Wz9Qm8Kt3Rn6Bd1Hy5Tc0Ys7Gf2Jc\n",
    ".env.local": "NOTION_API_TOKEN=ntn_9Wz1Hy6Bd3Kt8Qm1Rn5Ys4Lx7Vp2Gf0Jc6Tq\n",
    ".env.production": "NOTION_API_TOKEN=ntn_Kt8Qm1Rn5Tc0Wz1Hy6Bd3Lx7Vp2Ys9Gf4Jc5\n",
  });
  await assert.rejects(plan({ root: app, app: "notes" }), (e: Error) => {
    assert.match(e.message, /NOTION_API_TOKEN: package\.json \(npm script "dev"\) loads \.env\.local after \.env \(its launcher: the last file wins\)/);
    assert.ok(!e.message.includes("ntn_"));
    return true;
  });
});
