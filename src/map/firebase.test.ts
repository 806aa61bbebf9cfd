import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firebaseEnvFiles } from "./firebase.js";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "vaultshift-firebase-"));
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    writeFileSync(join(root, f), content);
  }
  return root;
}

test("Firebase: <source>/.env.<projectId> and .env.<alias> of .firebaserc's projects are selected by project; their .env is every project's base", () => {
  const root = tree({
    ".firebaserc": JSON.stringify({ projects: { default: "owl-dev", staging: "owl-stg-7", production: "owl-prod" } }),
    "firebase.json": JSON.stringify({ functions: [{ source: "functions", codebase: "default" }, { source: "./api/", codebase: "api" }] }),
  });
  try {
    const files = ["functions/.env", "functions/.env.owl-dev", "functions/.env.production", "functions/.env.local", "api/.env.owl-stg-7", "web/.env.owl-dev", ".env.owl-prod"];
    const r = firebaseEnvFiles(root, files);
    assert.deepEqual([...r.projectOf].sort(), [["api/.env.owl-stg-7", "owl-stg-7"], ["functions/.env.owl-dev", "owl-dev"], ["functions/.env.production", "owl-prod"]]);
    assert.deepEqual([...r.baseDirs].sort(), ["api", "functions"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("Firebase: no .firebaserc, or no functions in firebase.json (source defaults to functions): nothing is selected by project", () => {
  const noRc = tree({ "firebase.json": JSON.stringify({ functions: {} }) });
  const noFunctions = tree({ ".firebaserc": JSON.stringify({ projects: { default: "owl-dev" } }), "firebase.json": JSON.stringify({ hosting: {} }) });
  const defaultSource = tree({ ".firebaserc": JSON.stringify({ projects: { default: "owl-dev" } }), "firebase.json": JSON.stringify({ functions: { runtime: "nodejs20" } }) });
  try {
    assert.equal(firebaseEnvFiles(noRc, ["functions/.env.owl-dev"]).projectOf.size, 0);
    assert.equal(firebaseEnvFiles(noFunctions, ["functions/.env.owl-dev"]).projectOf.size, 0);
    assert.deepEqual([...firebaseEnvFiles(defaultSource, ["functions/.env.owl-dev"]).projectOf], [["functions/.env.owl-dev", "owl-dev"]]);
  } finally {
    for (const r of [noRc, noFunctions, defaultSource]) rmSync(r, { recursive: true, force: true });
  }
});
