import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "./planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("unselected-env");
after(() => tmp.remove());

const PW = "CANARY_pw_Tq8Xv3Lm6Zr1Kd";
const KEY = "CANARY_key_Wb5Hn2Ys9Pc4Jf";
const places = (warnings: { code: string; file?: string; line?: number }[]) => warnings.filter((w) => w.code === "unselected-environment").map((w) => `${w.file}:${w.line}`);

test("a .env.<word> of an environment nothing selects is named, with its names and what to do", async () => {
  const root = writeTree(`${tmp.dir}/a`, {
    "package.json": JSON.stringify({ name: "gull", scripts: { start: "node index.js" } }),
    ".env": `DB_PASSWORD=${PW}\n`,
    ".env.gull-prod-4821": `PORT=8080\nDB_PASSWORD=CANARY_other_Mx4Qt7Ld2Vs9\nSTRIPE_SECRET_KEY=${KEY}\n`,
    ".env.staging": `DB_PASSWORD=CANARY_stage_Rk3Ws6Yn8Hq1\n`,
    "index.js": "module.exports = [process.env.DB_PASSWORD, process.env.STRIPE_SECRET_KEY];\n",
  });
  const p = await plan({ root, env: {} });
  // staging is a value NODE_ENV holds; .env is development's: neither is named.
  assert.deepEqual(places(p.warnings), [".env.gull-prod-4821:2"]);
  const w = p.warnings.find((x) => x.code === "unselected-environment")!;
  assert.match(w.message, /holds DB_PASSWORD, STRIPE_SECRET_KEY for an environment named "gull-prod-4821"/);
  assert.match(w.message, /Set VAULTSHIFT_ENV=gull-prod-4821 where that file was used/);
  assert.ok(!w.message.includes("CANARY"));
});

test("not named where the project selects that environment, or the user mapped the file", async () => {
  const selected = writeTree(`${tmp.dir}/b`, {
    "package.json": JSON.stringify({ name: "tern", scripts: { "start:eu": "NODE_ENV=eu-west node index.js" } }),
    ".env.eu-west": `DB_PASSWORD=${PW}\n`,
    ".env.apac": `DB_PASSWORD=CANARY_apac_Gz5Lp8Tw3Nc6\n`,
    "Dockerfile": "FROM node:20\nENV VAULTSHIFT_ENV=apac\n",
    "index.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  assert.deepEqual(places((await plan({ root: selected, env: {} })).warnings), []);
  // Set in code (process.env.NODE_ENV ??= "eu-west") counts too; a mere mention of the word does not.
  const mentioned = writeTree(`${tmp.dir}/c`, {
    "package.json": JSON.stringify({ name: "skua" }),
    ".env.eu-west": `DB_PASSWORD=${PW}\n`,
    "index.js": 'const region = "eu-west";\nmodule.exports = [region, process.env.DB_PASSWORD];\n',
  });
  assert.deepEqual(places((await plan({ root: mentioned, env: {} })).warnings), [".env.eu-west:1"]);
  const setInCode = writeTree(`${tmp.dir}/e`, {
    "package.json": JSON.stringify({ name: "skua" }),
    ".env.eu-west": `DB_PASSWORD=${PW}\n`,
    "index.js": 'process.env.NODE_ENV ??= "eu-west";\nmodule.exports = process.env.DB_PASSWORD;\n',
  });
  assert.deepEqual(places((await plan({ root: setInCode, env: {} })).warnings), []);
  const mapped = writeTree(`${tmp.dir}/d`, {
    "package.json": JSON.stringify({ name: "auk" }),
    "vaultshift.config.json": JSON.stringify({ environments: { ".env.eu-west": "production" } }),
    ".env.eu-west": `DB_PASSWORD=${PW}\n`,
    "index.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const q = await plan({ root: mapped, env: {} });
  assert.deepEqual(q.secrets.map((s) => s.environment), ["production"]);
  assert.deepEqual(places(q.warnings), []);
});

test("not named for a Firebase project's functions/.env.<projectId>: the secrets module selects it by the project, as Firebase does", async () => {
  const root = writeTree(`${tmp.dir}/f`, {
    "package.json": JSON.stringify({ name: "petrel" }),
    ".firebaserc": JSON.stringify({ projects: { default: "petrel-prod-1234" } }),
    "firebase.json": JSON.stringify({ functions: { source: "functions" } }),
    "functions/package.json": JSON.stringify({ name: "fns", dependencies: { "firebase-functions": "^5.0.0" } }),
    "functions/.env.petrel-prod-1234": `DB_PASSWORD=${PW}\n`,
    "functions/.env.eu-west": `DB_PASSWORD=CANARY_euw_Hs4Kd7Pw2Lx9\n`,
    "functions/index.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.ok(p.secrets.some((s) => s.environment === "petrel-prod-1234"), JSON.stringify(p.secrets.map((s) => s.environment)));
  // The project's file is selected at run time; a file named by no project still is not.
  assert.deepEqual(places(p.warnings), ["functions/.env.eu-west:1"]);
});
