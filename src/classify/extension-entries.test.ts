import { test, after } from "node:test";
import assert from "node:assert/strict";
import { extensionEntries } from "./extension-entries.js";
import { browserFacts } from "./browser-files.js";
import { plan } from "../plan/planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("extension-entries");
after(() => tmp.remove());
const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);
const SIGNING = "kc_sig_CANARY_ext_8Qm2Lx7Vp4Rn9Wz1Hy6B";
const OPENAI = "sk-proj-CANARYext8Qm2Lx7Vp4Rn9Wz1Hy6Bd3KtT3BlbkFJ";

test("an extension's manifest.json names its browser code: background worker or scripts, content scripts, the scripts of its pages; a web app manifest names none", () => {
  const root = tree({
    "ext/manifest.json": JSON.stringify({ manifest_version: 3, background: { service_worker: "background.js" }, content_scripts: [{ matches: ["<all_urls>"], js: ["content/inject.js"] }], action: { default_popup: "popup.html" }, options_ui: { page: "options/index.html" } }),
    "ext/popup.html": '<script type="module" src="popup.js"></script>',
    "ext/options/index.html": '<script src="./options.js"></script><script src="https://cdn.example.org/x.js"></script>',
    "v2/manifest.json": JSON.stringify({ manifest_version: 2, background: { scripts: ["bg.js", "lib.js"] }, browser_action: { default_popup: "missing.html" } }),
    "public/manifest.json": JSON.stringify({ name: "PWA", start_url: "/", icons: [] }),
  });
  assert.deepEqual(extensionEntries(root).map((e) => e.file).sort(), ["ext/background.js", "ext/content/inject.js", "ext/options/options.js", "ext/popup.js", "v2/bg.js", "v2/lib.js"]);
  assert.match(extensionEntries(root)[0]!.why, /browser extension's code \(ext\/manifest\.json\)/);
});

test("a build placeholder named as a variable (__EXT_API_KEY__) is a read of it; __DEV__ and __dirname are not", () => {
  const facts = browserFacts("bg.js", 'export const KEY = "__EXT_API_KEY__";\nconst dev = __DEV__;\nconst d = __dirname;\nconst url = `${"__API_BASE_URL__"}/x`;\n');
  assert.deepEqual([...facts.reads.keys()].sort(), ["API_BASE_URL", "EXT_API_KEY"]);
  assert.equal(facts.reads.get("EXT_API_KEY"), 1);
});

test("a secret an extension build substitutes into its background worker is browser-exposed: not moved, named; the backend's own secrets move", async () => {
  const root = tree({
    "extension/manifest.json": JSON.stringify({ manifest_version: 3, background: { service_worker: "background.js", type: "module" } }),
    "extension/background.js": 'const SIGNING_SECRET = "__EXT_SIGNING_SECRET__";\nexport const sign = (b) => SIGNING_SECRET + b;\n',
    ".env": `EXT_SIGNING_SECRET=${SIGNING}\nOPENAI_API_KEY=${OPENAI}\n`,
    "package.json": JSON.stringify({ name: "clipper", type: "module" }),
    "server/config.js": "export const config = { signing: process.env.EXT_SIGNING_SECRET, openai: process.env.OPENAI_API_KEY };\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.secrets.map((s) => s.name), ["OPENAI_API_KEY"]);
  const exposed = p.warnings.filter((w) => w.code === "browser-exposed");
  assert.deepEqual(exposed.map((w) => `${w.file}:${w.line}`), [".env:1"]);
  assert.match(exposed[0]!.message, /EXT_SIGNING_SECRET .*extension\/background\.js:1 .*browser extension's code/);
  assert.ok(!JSON.stringify(p).includes(SIGNING) && !JSON.stringify(p).includes(OPENAI));
});
