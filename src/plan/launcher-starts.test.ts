import { test, after } from "node:test";
import assert from "node:assert/strict";
import { tempDir, writeTree } from "../migrate/testing.js";
import { launcherStarts, launcherStartWarning, rewriteLauncherLines, startsAppCode } from "./launcher-starts.js";

// Starts of the app outside npm scripts (src/plan/launcher-starts.ts): which are rewritten to run
// under `vaultshift run`, which are named with the exact command, and why.

const tmp = tempDir("launcher-starts");
after(() => tmp.remove());
const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);
const found = (root: string) => launcherStarts(root).map((s) => ({ at: `${s.file}:${s.line}`, after: s.after, rewrite: s.rewrite }));

test("a Procfile at the root is rewritten line by line; other processes and commands stay", () => {
  const root = tree({ Procfile: "web: node --enable-source-maps dist/server.js\nworker: npm run worker\nrelease: sh -c 'node migrate.js && echo done'\nclock:node clock.js\n", "services/api/Procfile": "web: node index.js\n" });
  assert.deepEqual(found(root), [
    { at: "Procfile:1", after: "web: node_modules/.bin/vaultshift run -- node --enable-source-maps dist/server.js", rewrite: true },
    { at: "Procfile:4", after: "clock:node_modules/.bin/vaultshift run -- node clock.js", rewrite: true },
    { at: "services/api/Procfile:1", after: "web: node_modules/.bin/vaultshift run -- node index.js", rewrite: false },
  ]);
});

test("a Dockerfile's CMD or ENTRYPOINT in its last stage: exec form stays exec form, shell form stays shell form", () => {
  const base = "FROM node:20 AS build\nWORKDIR /src\nRUN npm ci\nCMD [\"node\", \"build.js\"]\nFROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\n";
  const root = tree({ Dockerfile: `${base}ENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "src/index.js"]\n`, "worker/Dockerfile": `${base}CMD node worker.js\n` });
  assert.deepEqual(found(root), [
    { at: "Dockerfile:11", after: 'CMD ["node_modules/.bin/vaultshift", "run", "--", "node", "src/index.js"]', rewrite: true },
    { at: "worker/Dockerfile:10", after: "CMD node_modules/.bin/vaultshift run -- node worker.js", rewrite: true },
  ]);
});

test("a Dockerfile that does not show where the project and its packages are is named, with the reason", () => {
  const cases: Record<string, string> = {
    "no-workdir/Dockerfile": 'FROM node:20\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
    "no-install/Dockerfile": 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    "no-copy/Dockerfile": 'FROM node:20\nWORKDIR /app\nCOPY server.js package.json ./\nRUN npm ci\nCMD ["node", "server.js"]\n',
    "ignored/Dockerfile": 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
    "ignored/.dockerignore": "node_modules\n*.json\n!package*.json\n",
  };
  const starts = launcherStarts(tree(cases));
  assert.deepEqual(starts.map((s) => [s.file, s.rewrite]), [["ignored/Dockerfile", false], ["no-copy/Dockerfile", false], ["no-install/Dockerfile", false], ["no-workdir/Dockerfile", false]]);
  assert.match(starts[0]!.why!, /\.dockerignore leaves vaultshift\.plan\.json out/);
  assert.match(starts[3]!.why!, /sets no WORKDIR/);
  const w = launcherStartWarning(starts[3]!, ["TLS_KEY_FILE"]);
  assert.equal(w.code, "outside-use");
  assert.match(w.message, /no-workdir\/Dockerfile:4: the Dockerfile starts the app .* Start it under `vaultshift run`: `CMD \["node_modules\/\.bin\/vaultshift", "run", "--", "node", "server\.js"\]`/);
});

test("a systemd unit is rewritten with WorkingDirectory='s absolute path, named without one; its ExecStart= prefixes stay", () => {
  const root = tree({
    "deploy/api.service": "[Service]\nWorkingDirectory=/opt/api/\nExecStart=-/usr/bin/node server.js --port 8080\n",
    "deploy/cron.service": "[Service]\nExecStart=/usr/bin/node /opt/api/cron.js\n",
    "deploy/other.service": "[Service]\nExecStart=/usr/local/bin/api-server\n",
  });
  assert.deepEqual(found(root), [
    { at: "deploy/api.service:3", after: "ExecStart=-/opt/api/node_modules/.bin/vaultshift run -- /usr/bin/node server.js --port 8080", rewrite: true },
    { at: "deploy/cron.service:2", after: "ExecStart=<WorkingDirectory>/node_modules/.bin/vaultshift run -- /usr/bin/node /opt/api/cron.js", rewrite: false },
  ]);
});

test("pm2 ecosystem entries and compose commands are named with the exact new entry, never rewritten", () => {
  const root = tree({
    "ecosystem.config.js": 'module.exports = {\n  apps: [{\n    name: "api",\n    script: "src/server.js",\n    exec_mode: "fork",\n  }],\n};\n',
    "docker-compose.yml": 'services:\n  api:\n    build: .\n    command: node src/server.js\n  jobs:\n    command: ["node", "src/jobs.js"]\n  db:\n    command: postgres -c log_statement=all\n',
  });
  assert.deepEqual(found(root), [
    { at: "docker-compose.yml:4", after: "    command: node_modules/.bin/vaultshift run -- node src/server.js", rewrite: false },
    { at: "docker-compose.yml:6", after: '    command: ["node_modules/.bin/vaultshift", "run", "--", "node", "src/jobs.js"]', rewrite: false },
    { at: "ecosystem.config.js:4", after: '    script: "node_modules/.bin/vaultshift", args: "run -- node src/server.js", interpreter: "none",', rewrite: false },
  ]);
  const w = launcherStartWarning(launcherStarts(root).find((s) => s.kind === "pm2")!, ["KEY_PATH"]);
  assert.match(w.message, /pm2 starts `script` with node itself/);
});

test("only node and its runners on a file start the app's code", () => {
  assert.equal(startsAppCode(["node", "server.js"]), true);
  assert.equal(startsAppCode(["tsx", "watch", "src/index.ts"]), true);
  assert.equal(startsAppCode(["node", "-e", "console.log(1)"]), false);
  assert.equal(startsAppCode(["node", "--test"]), false);
  assert.equal(startsAppCode(["python", "app.py"]), false);
  assert.equal(startsAppCode(["node_modules/.bin/vaultshift", "run", "--", "node", "x.js"]), false);
});

test("the rewrite changes exactly the planned lines, keeps CRLF, and leaves a line that changed since", () => {
  const text = "web: node a.js\r\nworker: node b.js\r\n";
  const edits = [{ line: 1, before: "web: node a.js", after: "web: X node a.js" }, { line: 2, before: "worker: node OLD.js", after: "worker: X" }];
  assert.equal(rewriteLauncherLines(text, edits), "web: X node a.js\r\nworker: node b.js\r\n");
});
