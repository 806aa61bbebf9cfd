import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTree } from "../migrate/testing.js";
import { configLoadOf } from "./config-loaders.js";

function project(files: Record<string, string>): { root: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-config-files-"));
  return { root: writeTree(dir, files), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test("nconf: Ghost's loader (env, then 'config.' + env + '.json'), NodeBB's (.env('__') then .file({ file: configFile })), a template path, and the file first", () => {
  const p = project({
    "core/loader.js": `const Nconf = require('nconf');\nconst nconf = new Nconf.Provider();\nnconf.argv();\nnconf.env({separator: '__', parseValues: true});\nnconf.file('custom-env', path.join(base, 'config.' + env + '.json'));\n`,
    "app.js": `var nconf = require('nconf');\nnconf.argv().env('__');\nvar configFile = path.join(__dirname, '/config.json');\nnconf.file({ file: configFile });\n`,
    "src/tpl.mjs": `import nconf from "nconf";\nnconf.file(\`\${dir}/settings.\${mode}.json\`);\nnconf.env({ separator: "__", lowerCase: true });\n`,
  });
  try {
    const sources = ["app.js", "core/loader.js", "src/tpl.mjs"];
    assert.deepEqual(configLoadOf(p.root, "config.production.json", sources), { how: "nconf", by: "core/loader.js:5", separator: "__", parseValues: true, lowerCase: false, filtered: false, envFirst: true });
    assert.deepEqual(configLoadOf(p.root, "config.json", sources), { how: "nconf", by: "app.js:4", separator: "__", parseValues: false, lowerCase: false, filtered: false, envFirst: true });
    assert.deepEqual(configLoadOf(p.root, "settings.staging.json", sources), { how: "nconf", by: "src/tpl.mjs:2", separator: "__", parseValues: false, lowerCase: true, filtered: false, envFirst: false });
  } finally {
    p.done();
  }
});

test("nconf options the plan cannot follow (a whitelist, a separator from a variable) are marked filtered", () => {
  const p = project({ "a.js": `const nconf = require("nconf");\nnconf.env({ separator: SEP, whitelist: ["x"] }).file("config.json");\n` });
  try {
    const load = configLoadOf(p.root, "config.json", ["a.js"]);
    assert.equal(load.how === "nconf" && load.filtered, true);
  } finally {
    p.done();
  }
});

test("node-config's mappings in a format vaultshift does not edit (JavaScript), or in two files, are named as the other place", () => {
  for (const [files, other] of [
    [{ "config/custom-environment-variables.js": "module.exports = {};\n" }, "config/custom-environment-variables.js"],
    [{ "config/custom-environment-variables.json": "{}\n", "config/custom-environment-variables.yml": "{}\n" }, "config/custom-environment-variables.yml"],
  ] as const) {
    const p = project({ "src/server.js": `const config = require("config");\n`, ...files });
    try {
      const load = configLoadOf(p.root, "config/default.yaml", ["src/server.js"]);
      assert.equal(load.how === "node-config" ? load.mappingOther : undefined, other);
    } finally {
      p.done();
    }
  }
});

test("node-config, rc, a plain require(), a ${NAME} file, and a file no code names", () => {
  const p = project({
    "src/server.js": `const config = require("config");\n`,
    "src/bot.js": `module.exports = require('rc')('larkbot', {});\n`,
    "src/jobs.js": `const smtp = require("../smtp.json");\nconst s = JSON.parse(fs.readFileSync(path.join(root, "settings.json"), "utf8"));\n`,
    "settings.json": `{ "port": "\${PORT:9001}", "key": "v" }`,
    "config/custom-environment-variables.yaml": "port: PORT\n",
  });
  try {
    const sources = ["src/bot.js", "src/jobs.js", "src/server.js"];
    // The mappings kept in YAML are the file to edit; YAML config files are node-config's too.
    assert.deepEqual(configLoadOf(p.root, "config/production.json", sources), { how: "node-config", by: "src/server.js:1", stem: "production", mappingFile: "config/custom-environment-variables.yaml" });
    assert.equal(configLoadOf(p.root, "config/default.yml", sources).how, "node-config");
    assert.deepEqual(configLoadOf(p.root, ".larkbotrc", sources), { how: "rc", by: "src/bot.js:1", appname: "larkbot" });
    assert.deepEqual(configLoadOf(p.root, "smtp.json", sources), { how: "plain", by: "src/jobs.js:1" });
    assert.deepEqual(configLoadOf(p.root, "settings.json", sources), { how: "substitution", by: "src/jobs.js:2" });
    assert.deepEqual(configLoadOf(p.root, "other.json", sources), { how: "unknown" });
    // A JSON file outside config/ is no node-config file, even in an app that uses node-config.
    assert.equal(configLoadOf(p.root, "data/config.json", ["src/server.js"]).how, "unknown");
  } finally {
    p.done();
  }
});
