import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "../plan/planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";
import { angularBrowserEntries } from "./angular-entries.js";

const tmp = tempDir("angular-entries");
after(() => tmp.remove());
const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);

const STRIPE = ["sk_live_51", "CANARYngQ8wLm3Zr7Tx2Kp9Vb4Nc6Hy"].join("");
const CAPTCHA = "6LcCANARYrc4Kx9Lm2Qz7Vb3AAAA";
const SERVER = "whsec_CANARYsrvWh8Kq2Wx4Lm7Vb3Zn6Hy1";

const build = (browser: string, replacements: { replace: string; with: string }[]) => ({
  builder: "@angular-devkit/build-angular:application",
  options: { browser, server: "src/main.server.ts" },
  configurations: { production: { fileReplacements: replacements }, development: {} },
});

test("Angular: the browser entry of angular.json and the files fileReplacements swap in are browser code; their literal secrets stay, a server-only module's move", async () => {
  const root = tree({
    "angular.json": JSON.stringify({ version: 1, projects: { shop: { root: "", architect: { build: build("src/main.ts", [{ replace: "src/environments/environment.ts", with: "src/environments/environment.prod.ts" }]), server: { builder: "@angular-devkit/build-angular:server", options: { main: "src/server.ts" } } } } } }, null, 2),
    "src/main.ts": 'import { environment } from "./environments/environment";\nexport const live = environment.production;\n',
    "src/environments/environment.ts": `export const environment = {\n  production: false,\n  stripeSecretKey: "${STRIPE.replace("live", "test")}",\n};\n`,
    "src/environments/environment.prod.ts": `export const environment = {\n  production: true,\n  stripeSecretKey: "${STRIPE}",\n  recaptchaSecret: "${CAPTCHA}",\n};\n`,
    "src/server.ts": `import { environment } from "./environments/environment";\nconst webhookSecret = "${SERVER}";\nexport const keys = [environment.stripeSecretKey, webhookSecret];\n`,
  });
  const p = await plan({ root, env: {} });
  const exposed = p.warnings.filter((w) => w.code === "browser-exposed");
  assert.deepEqual(exposed.map((w) => `${w.file}:${w.line}`).sort(), ["src/environments/environment.prod.ts:3", "src/environments/environment.prod.ts:4", "src/environments/environment.ts:3"]);
  assert.match(exposed.find((w) => w.file === "src/environments/environment.prod.ts")!.message, /in place of src\/environments\/environment\.ts \(angular\.json, configuration "production", fileReplacements\)/);
  assert.match(exposed.find((w) => w.file === "src/environments/environment.ts")!.message, /imported by src\/main\.ts.*browser entry of the Angular build/);
  // The SSR server's own literal is no browser code: it moves.
  assert.deepEqual(p.secrets.map((s) => `${s.source.file}:${s.name}`), ["src/server.ts:webhookSecret"]);
  assert.ok(!p.files.some((f) => f.file.startsWith("src/environments/")), "browser files are not rewritten");
  for (const v of [STRIPE, CAPTCHA, SERVER]) assert.ok(!JSON.stringify(p).includes(v));
});

test("Angular entries: the older browser builder's `main`, Nx project.json targets with {projectRoot}; server builders and other tools' configs name none", () => {
  const root = tree({
    "angular.json": JSON.stringify({ projects: { legacy: { architect: { build: { builder: "@angular-devkit/build-angular:browser", options: { main: "projects/legacy/src/main.ts" } } } }, ssr: { architect: { build: { builder: "@angular-devkit/build-angular:server", options: { main: "server.ts" } } } } } }),
    "apps/admin/project.json": JSON.stringify({ targets: { build: { executor: "@nx/angular:application", options: { browser: "{projectRoot}/src/main.ts" }, configurations: { production: { fileReplacements: [{ replace: "apps/admin/src/env.ts", with: "apps/admin/src/env.prod.ts" }] } } } } }),
    "apps/api/project.json": JSON.stringify({ targets: { build: { executor: "@nx/webpack:webpack", options: { main: "apps/api/src/main.ts" } } } }),
  });
  assert.deepEqual(angularBrowserEntries(root).map((e) => e.file).sort(), ["apps/admin/src/env.prod.ts", "apps/admin/src/main.ts", "projects/legacy/src/main.ts"]);
  assert.deepEqual(angularBrowserEntries(tree({ "angular.json": "{ not json" })), []);
});
