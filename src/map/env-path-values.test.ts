import { test, after } from "node:test";
import assert from "node:assert/strict";
import { envNamedFiles } from "./env-path-values.js";
import { plan } from "../plan/planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("env-path-values");
after(() => tmp.remove());

// Values built at run time: no secret-shaped literal in this file.
const KEY_ID = ["AKIA", "Q7W2XZ4TJ5KD9LMB"].join("");
const SECRET = ["Hd8Jq2Lx5Wm9Rt", "Zp3Vn7Kc1Bs6Ye", "Qm4Wb7Zx1Lp9Kd", "Vn2R"].join("");
const ini = `[dev]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`;

test("the files a .env names by a path: inside the project, regular, not too large, not .env files, code or URLs", () => {
  // Fails if a URL, a number, a directory, a file outside the project or a missing file is listed.
  const root = writeTree(tmp.dir, {
    ".env": "AWS_SHARED_CREDENTIALS_FILE=./.aws/credentials\nCERTS_DIR=certs\nAPI_URL=https://api.example.com/v1\nPORT=3000\nOUTSIDE=../secret.pem\nMISSING=keys/none.pem\nOTHER_ENV=.env.production\nHOOK=src/hook.js\n",
    "config/.env": "KEY_PATH=../certs/client.key\nBIG=big.txt\n",
    ".aws/credentials": ini,
    "certs/client.key": "key material\n",
    "config/big.txt": "x".repeat(2000),
    ".env.production": "PORT=8080\n",
    "src/hook.js": "module.exports = 1;\n",
  });
  assert.deepEqual(envNamedFiles(root, [".env", "config/.env", ".env.production"], 1024), [".aws/credentials", "certs/client.key"]);
});

test("a git-ignored credentials file a .env variable names is scanned by name and moves as a secret file", async () => {
  // Fails if the plan only sees the tree scan (which honours .gitignore) and so leaves the keys unnamed or kept.
  const root = writeTree(tmp.dir, {
    ".gitignore": "node_modules/\n.env\n.aws/\n",
    ".env": "AWS_SHARED_CREDENTIALS_FILE=./.aws/credentials\nAWS_PROFILE=dev\n",
    ".aws/credentials": ini,
    "package.json": JSON.stringify({ name: "archive", scripts: { start: "node src/archive.js" } }),
    "src/archive.js": "require('dotenv').config();\nconsole.log(process.env.AWS_PROFILE);\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual((p.secretFiles ?? []).map((f) => f.file), [".aws/credentials"]);
  assert.ok(!p.warnings.some((w) => w.code === "not-migrated" && w.file === ".aws/credentials"));
});
