import { test, after } from "node:test";
import assert from "node:assert/strict";
import { layerFilesByCode } from "./environment.js";
import { collectCandidates } from "../classify/candidates.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("environment");
after(() => tmp.remove());

test("a fixed .env.<word> of no environment in a list with the mode's file is loaded in every mode; a choice, an environment's file or a template is not", () => {
  const files = [".env", ".env.secrets", ".env.production.secrets", ".env.shared", ".env.staging", "config/.env.common", ".env.example", ".env.local"];
  assert.deepEqual(layerFilesByCode('const files = [`.env.${mode}.secrets`, `.env.${mode}`, ".env.secrets", ".env"];', files), [".env.secrets"]);
  assert.deepEqual(layerFilesByCode('ConfigModule.forRoot({ envFilePath: ["../config/.env.common", `config/.env.${env}`] })', files), ["config/.env.common"]);
  assert.deepEqual(layerFilesByCode('dotenv.config({ path: [".env." + mode, ".env.shared", ".env.example", ".env.local", ".env.staging"] })', files), [".env.shared"]);
  assert.deepEqual(layerFilesByCode('const file = prod ? [`.env.${mode}`] : [".env.secrets"];', files), [], "one or the other is a choice");
  assert.deepEqual(layerFilesByCode('dotenv.config({ path: [".env.secrets", ".env"] })', files), [], "no file of the mode: nothing says it is read in every mode");
});

test("secrets kept apart in .env.<mode>.secrets and .env.secrets: the fixed file is every environment's layer, the mode's file its environment's", () => {
  const root = writeTree(tmp.dir, {
    "src/env.js": 'const mode = process.env.NODE_ENV || "development";\nrequire("dotenv").config({ path: [`.env.${mode}.secrets`, `.env.${mode}`, ".env.secrets", ".env"] });\n',
    ".env": "PORT=4500\n",
    ".env.secrets": "ENCRYPTION_KEY=Xk9mP2vL8qR4nZ7wQ3Tc6Ys1Bd5Hy0\n",
    ".env.production.secrets": "DATABASE_URL=postgres://marten:Lp4Xs8Ne2Wq6Ry9UeT@db.internal:5432/marten\n", // vaultshift:allow
  });
  const c = collectCandidates(root);
  assert.deepEqual(c.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`).sort(), [".env.production.secrets:DATABASE_URL@production", ".env.secrets:ENCRYPTION_KEY@shared"]);
});
