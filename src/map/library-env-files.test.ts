import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { libraryLoadedLayers } from "./library-env-files.js";

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "library-env-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

test("TypeORM's ormconfig.env is every environment's layer where typeorm is a dependency and no .env takes its place", () => {
  // Fails if ormconfig.env is left an environment of its own (round 19's ormconfig-env: development lost TYPEORM_PASSWORD).
  const root = project({
    "package.json": JSON.stringify({ dependencies: { typeorm: "^0.2.45" } }),
    "services/api/package.json": JSON.stringify({ devDependencies: { typeorm: "^0.3.20" } }),
    "services/legacy/package.json": JSON.stringify({ dependencies: { typeorm: "^0.2.0" } }),
    "services/other/package.json": JSON.stringify({ dependencies: { pg: "^8.0.0" } }),
  });
  try {
    const envFiles = ["ormconfig.env", ".env.production", "services/api/ormconfig.env", "services/legacy/.env", "services/legacy/ormconfig.env", "services/other/ormconfig.env", "services/none/ormconfig.env"];
    assert.deepEqual(libraryLoadedLayers(root, envFiles).sort(), ["ormconfig.env", "services/api/ormconfig.env"]);
    assert.deepEqual(libraryLoadedLayers(root, [".env", "ormconfig.env"]), [], "TypeORM loads .env instead");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
