import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "./planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("reads-before-load");
after(() => tmp.remove());

// Values built at run time: no secret-shaped literal in this file.
const TOKEN = ["sk_live_", "Hd8Jq2Lx5Wm9Rt", "Zp3Vn7Kc1Bs6Ye"].join("");
const HOOK = ["whsec_", "Qm4Wb7Zx1Lp9Kd", "Vn2Rt8Hs5Lc3"].join("");

const pkg = JSON.stringify({ name: "shop", type: "module", scripts: { start: "node src/main.js" } });
const readsOf = async (files: Record<string, string>) => {
  const root = writeTree(tmp.dir, { ".env": `STRIPE_SECRET_KEY=${TOKEN}\nWEBHOOK_SECRET=${HOOK}\n`, "package.json": pkg, ...files });
  const p = await plan({ root, env: {} });
  return p.warnings.filter((w) => w.code === "read-before-load").map((w) => `${w.file}:${w.line}`);
};

test("a module evaluated before import \"dotenv/config\" (directly or through another module) that reads a moved secret at its top level is named", async () => {
  // Fails if the evaluation order is not followed through the imports, or a read inside a function is taken for one at load.
  const names = await readsOf({
    "src/main.js": `import { pay } from "./pay.js";\nimport { hooks } from "./routes/index.js";\nimport "dotenv/config";\nimport { late } from "./late.js";\nconsole.log(pay, hooks, late, process.env.STRIPE_SECRET_KEY);\n`,
    "src/pay.js": `export const pay = process.env.STRIPE_SECRET_KEY ?? "none";\nexport function charge() { return process.env.WEBHOOK_SECRET; }\n`,
    "src/routes/index.js": `export { hooks } from "./hooks.js";\n`,
    "src/routes/hooks.js": `const { WEBHOOK_SECRET } = process.env;\nexport const hooks = Boolean(WEBHOOK_SECRET);\n`,
    "src/late.js": `export const late = process.env.WEBHOOK_SECRET;\n`,
  });
  assert.deepEqual(names.sort(), ["src/pay.js:1", "src/routes/hooks.js:1"]);
});

test("dotenv configured in the entry's body comes after every import; a module that loads dotenv itself first is read after it", async () => {
  // Fails if the body's dotenv.config() is not placed after the imports, or a dependency's own load is not seen.
  assert.deepEqual(await readsOf({ "src/main.js": `import dotenv from "dotenv";\nimport { pay } from "./pay.js";\ndotenv.config();\nconsole.log(pay);\n`, "src/pay.js": `export const pay = process.env.STRIPE_SECRET_KEY;\n` }), ["src/pay.js:1"]);
  assert.deepEqual(await readsOf({ "src/main.js": `import "./env.js";\nimport { pay } from "./pay.js";\nconsole.log(pay);\n`, "src/env.js": `import "dotenv/config";\n`, "src/pay.js": `export const pay = process.env.STRIPE_SECRET_KEY;\n` }), []);
  // CommonJS require() runs in order with the code: not this case.
  assert.deepEqual(await readsOf({ "src/main.js": `const { pay } = require("./pay.js");\nrequire("dotenv").config();\n`, "src/pay.js": `exports.pay = process.env.STRIPE_SECRET_KEY;\n` }), []);
});
