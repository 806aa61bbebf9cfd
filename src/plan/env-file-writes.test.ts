import { test, after } from "node:test";
import assert from "node:assert/strict";
import { plan } from "./planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("env-file-writes");
after(() => tmp.remove());

const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);

const KEY = ["base64:", "Vx7Kq2Lm9", "Wp4Zt8Rb3Nc6Hy1Js5Fd0Gk"].join("");
const PW = ["pw_", "Hd8Jq2Lx5Wm9Rt", "Zp3Vn7Kc1Bs6Ye"].join("");

test("code that writes a .env file the migration takes secrets out of is named at each write (a setup step completing it, a copy of the template onto it); a write of another file is not", async () => {
  const root = tree({
    ".env": `APP_KEY=${KEY}\nDB_PASSWORD=${PW}\nPORT=3000\n`,
    ".env.example": "APP_KEY=\nDB_PASSWORD=\nPORT=3000\n",
    "package.json": `{ "name": "wiki", "type": "module" }\n`,
    "src/settings.js": "export const key = process.env.APP_KEY;\nexport const pw = process.env.DB_PASSWORD;\n",
    "src/setup.js": [
      'import { copyFileSync, existsSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";',
      'import { join } from "node:path";',
      'const file = join(process.cwd(), ".env");',
      'if (!existsSync(file)) copyFileSync(join(process.cwd(), ".env.example"), file);',
      'const text = readFileSync(file, "utf8");',
      'if (!/^APP_KEY=./m.test(text)) writeFileSync(file, text.replace(/^APP_KEY=.*$/m, "APP_KEY=generated"));',
      'appendFileSync("logs/setup.log", "done\\n");',
      'writeFileSync(join(process.cwd(), ".env.example"), text);',
      "",
    ].join("\n"),
    "src/cli.js": 'import fs from "node:fs";\nfs.appendFileSync(`${process.cwd()}/.env`, "PORT=4000\\n");\n',
  });
  const p = await plan({ root, env: {} });
  const w = p.warnings.filter((x) => x.code === "env-file-write");
  assert.deepEqual(w.map((x) => `${x.file}:${x.line}`).sort(), ["src/cli.js:2", "src/setup.js:4", "src/setup.js:6"]);
  assert.match(w.find((x) => x.line === 6)!.message, /^src\/setup\.js:6: this writes \.env \(writeFileSync\), which the migration takes APP_KEY, DB_PASSWORD out of\. .*will write values for them there again, in plain text/);
  assert.ok(!w.some((x) => x.message.includes(PW) || x.message.includes(KEY)));
});

test("nothing is said when the .env file written holds no migrated secret", async () => {
  const root = tree({
    ".env": "PORT=3000\n",
    ".env.production": `DB_PASSWORD=${PW}\n`,
    "package.json": `{ "name": "svc" }\n`,
    "index.js": 'const fs = require("fs");\nfs.writeFileSync(".env", "PORT=3001\\n");\nmodule.exports = process.env.DB_PASSWORD;\n',
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.warnings.filter((x) => x.code === "env-file-write"), []);
});
