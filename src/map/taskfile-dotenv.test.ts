import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { taskLoadOrder } from "./taskfile-dotenv.js";
import { launcherBaseLayers } from "./launcher-layers.js";

const TASKFILE = [
  "version: '3'",
  "",
  "dotenv: ['.env']",
  "",
  "vars:",
  "  STAGE: staging",
  "",
  "tasks:",
  "  dev:",
  "    cmds:",
  "      - node src/app.js",
  "  start:",
  "    desc: production",
  "    dotenv: ['.env.{{.ENV}}']",
  "    cmds:",
  "      - node src/app.js",
  "  stage:",
  "    dotenv:",
  "      - ./.env.{{.STAGE}}.local",
  "      - .env.{{.STAGE}}",
  "    cmds:",
  "      - node src/app.js",
].join("\n");

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "taskfile-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

test("task NAME VAR=value: the task's dotenv files over the root's, the first of a list winning, variables from the command line or vars", () => {
  // Fails if Task's files are not ordered (round 19's taskfile-dotenv: .env stayed development's only, so
  // production lost the audit key only .env holds under `task start ENV=production`).
  const root = project({ "Taskfile.yml": TASKFILE, "ops/Taskfile.yaml": TASKFILE });
  try {
    assert.deepEqual(taskLoadOrder(root, "", "task start ENV=production"), { files: [".env.production", ".env"], lastWins: false });
    assert.deepEqual(taskLoadOrder(root, "", "npx task stage"), { files: [".env.staging.local", ".env.staging", ".env"], lastWins: false });
    assert.deepEqual(taskLoadOrder(root, "ops", "task start ENV=prod"), { files: [".env.prod", ".env"], lastWins: false });
    assert.equal(taskLoadOrder(root, "", "task dev"), undefined, "one file: nothing to order");
    assert.equal(taskLoadOrder(root, "", "task start"), undefined, "ENV is given by nobody");
    assert.equal(taskLoadOrder(root, "", "task deploy ENV=production"), undefined, "no such task");
    assert.equal(taskLoadOrder(root, "", "node scripts/task start ENV=production"), undefined, "an argument named task is no Task");
    assert.equal(taskLoadOrder(root, "nowhere", "task start ENV=production"), undefined, "no Taskfile");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an npm script running `task start ENV=production` makes .env every environment's base layer", () => {
  const root = project({ "Taskfile.yml": TASKFILE, "package.json": JSON.stringify({ scripts: { dev: "task dev", start: "task start ENV=production" } }) });
  try {
    assert.deepEqual(launcherBaseLayers(root, [".env", ".env.production"]), [""]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
