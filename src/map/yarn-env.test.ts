import { test, after } from "node:test";
import assert from "node:assert/strict";
import { injectedEnvFiles, yarnInjectedFiles } from "./yarn-env.js";
import { launcherLayers } from "./launcher-layers.js";
import { plan } from "../plan/planner.js";
import { PlanError } from "../errors.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("yarn-env");
after(() => tmp.remove());
const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);
const SECRET = "shpss_CANARY_y4rn_8Qm2Lx7Vp4Rn9Wz1Hy";
const MINE = "shpss_CANARY_mine_3Kx8Lm1Qz6Wb2Vn7Hy";

test(".yarnrc.yml's injectEnvironmentFiles: a block list or a flow list, in order, `?` and ./ dropped; unset when absent", () => {
  assert.deepEqual(injectedEnvFiles("nodeLinker: node-modules\ninjectEnvironmentFiles:\n  - .env.yarn\n  - \"./.env.yarn.local?\"  # mine\nenableTelemetry: false\n"), [".env.yarn", ".env.yarn.local"]);
  assert.deepEqual(injectedEnvFiles('injectEnvironmentFiles: [".env", .env.ci?]\n'), [".env", ".env.ci"]);
  assert.deepEqual(injectedEnvFiles("injectEnvironmentFiles: []\n"), []);
  assert.equal(injectedEnvFiles("nodeLinker: pnp\n"), undefined);
});

test("the files Yarn injects: those listed, else .env.yarn for Yarn 4 (a .yarnrc.yml or packageManager yarn@4); none for Yarn 1 or npm", () => {
  const listed = tree({ ".yarnrc.yml": "injectEnvironmentFiles:\n  - .env.yarn\n  - .env.yarn.local?\n", "package.json": "{}" });
  assert.deepEqual(yarnInjectedFiles(listed, "", [".env.yarn", ".env"]), [".env.yarn"], "a missing optional file is not a file of the project");
  const berry = tree({ "package.json": JSON.stringify({ packageManager: "yarn@4.5.3" }) });
  assert.deepEqual(yarnInjectedFiles(berry, "", [".env.yarn", ".env"]), [".env.yarn"]);
  const classic = tree({ "package.json": JSON.stringify({ packageManager: "yarn@1.22.22" }) });
  assert.deepEqual(yarnInjectedFiles(classic, "", [".env.yarn"]), []);
  assert.deepEqual(yarnInjectedFiles(tree({ "package.json": "{}" }), "", [".env.yarn"]), []);
  const nested = tree({ "apps/shop/.yarnrc.yml": "injectEnvironmentFiles: [.env.shop]\n" });
  assert.deepEqual(yarnInjectedFiles(nested, "apps/shop", ["apps/shop/.env.shop"]), ["apps/shop/.env.shop"]);
  // A layer of every environment, not an environment named "yarn".
  assert.deepEqual([...launcherLayers(berry, [".env.yarn", ".env.production"])], [".env.yarn"]);
});

test("Yarn-injected files move to the shared location every environment reads; a machine-local later file over one of them is refused, naming Yarn's order", async () => {
  const root = tree({
    ".yarnrc.yml": "injectEnvironmentFiles:\n  - .env.yarn\n  - .env.yarn.local?\n",
    ".env.yarn": `SHOPIFY_API_SECRET=${SECRET}\nPORT=4100\n`,
    "package.json": JSON.stringify({ name: "shop", packageManager: "yarn@4.5.3", scripts: { start: "node index.js" } }),
    "index.js": "module.exports = process.env.SHOPIFY_API_SECRET;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`), [".env.yarn:SHOPIFY_API_SECRET@shared"]);
  assert.ok(!p.warnings.some((w) => w.code === "unselected-environment"));
  const local = tree({
    ".yarnrc.yml": "injectEnvironmentFiles:\n  - .env.yarn\n  - .env.yarn.local?\n",
    ".env.yarn": `SHOPIFY_API_SECRET=${SECRET}\n`,
    ".env.yarn.local": `SHOPIFY_API_SECRET=${MINE}\n`,
    "package.json": JSON.stringify({ name: "shop", scripts: { start: "node index.js" } }),
    "index.js": "module.exports = process.env.SHOPIFY_API_SECRET;\n",
  });
  await assert.rejects(plan({ root: local, env: {}, history: false }), (e: unknown) => {
    assert.ok(e instanceof PlanError);
    assert.match(e.message, /SHOPIFY_API_SECRET: \.yarnrc\.yml loads \.env\.yarn\.local after \.env\.yarn \(Yarn's injectEnvironmentFiles: the last file wins\)/);
    assert.ok(!e.message.includes(SECRET) && !e.message.includes(MINE));
    return true;
  });
});
