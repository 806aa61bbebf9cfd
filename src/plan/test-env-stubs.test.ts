import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "./planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("test-env-stubs");
after(() => tmp.remove());

const SECRET = ["ghw_", "Tz4Wq8Lm2Xb6Kv1", "Hc3Nv9Rk5Wy2Lp7"].join("");
const KEY = ["sk-proj-", "Qx7Lm2Vb9Kt4Wz3Kc8Ny1", "Hd6Rp5Tg2Lb8Wn2Kx6"].join("");

test("tests that stub a migrated name in the real process.env (vi.stubEnv, jest.replaceProperty) are named at each stub; a stub of a name that stays is not", async () => {
  const root = tree({
    ".env": `GITHUB_WEBHOOK_SECRET=${SECRET}\nOPENAI_API_KEY=${KEY}\nOPENAI_MODEL=gpt-4o-mini\n`,
    "package.json": `{ "name": "hooks", "type": "module" }\n`,
    "src/app.js": "export const s = () => process.env.GITHUB_WEBHOOK_SECRET;\nexport const k = () => [process.env.OPENAI_API_KEY, process.env.OPENAI_MODEL];\n",
    "test/setup.js": 'import { vi } from "vitest";\nbeforeEach(() => vi.stubEnv("GITHUB_WEBHOOK_SECRET", "test-secret"));\n',
    "test/ai.test.js": 'vi.stubEnv("OPENAI_MODEL", "gpt-test");\nvi.stubEnv(\'OPENAI_API_KEY\', undefined);\n',
    "test/jest.test.js": 'jest.replaceProperty(process.env, "OPENAI_API_KEY", "k");\n',
  });
  const p = await plan({ root, env: {} });
  const w = p.warnings.filter((x) => x.code === "test-env-stub");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`).sort(), ["test/ai.test.js:2", "test/jest.test.js:1", "test/setup.js:2"]);
  assert.match(w.find((x) => x.file === "test/setup.js")!.message, /^test\/setup\.js:2: this test sets GITHUB_WEBHOOK_SECRET with vi\.stubEnv, in the real process\.env\. Under vitest \(VITEST is set\) the secrets module, when it is first loaded in the test process, puts the migrated values in process\.env.*a process that loaded the secrets module before the test runner set that variable.*The test run now loads the secrets from Vault/);
  assert.match(w.find((x) => x.file === "test/jest.test.js")!.message, /Under Jest \(JEST_WORKER_ID is set\)/);
  assert.ok(!w.some((x) => x.message.includes(SECRET) || x.message.includes(KEY)));
});

function tree(files: Record<string, string>): string {
  return writeTree(tmp.dir, files);
}
