import { test } from "node:test";
import assert from "node:assert/strict";
import { configEnvName, configFileEnvironment, upperSnakeOfPath } from "./config-env-names.js";

const nconf = (o: Partial<{ separator: string; parseValues: boolean; lowerCase: boolean; filtered: boolean }> = {}) => ({ how: "nconf" as const, by: "loader.js:3", separator: "__", parseValues: false, lowerCase: false, filtered: false, envFirst: true, ...o });

test("nconf: the path joined by the separator, as its env store splits it; refused where no name reaches the key", () => {
  assert.deepEqual(configEnvName(nconf(), ["database", "connection", "password"]), { name: "database__connection__password" });
  assert.deepEqual(configEnvName(nconf({ separator: "" }), ["secret"]), { name: "secret" });
  assert.match((configEnvName(nconf({ separator: "" }), ["redis", "password"]) as { refused: string }).refused, /without a separator/);
  assert.match((configEnvName(nconf({ lowerCase: true }), ["s3", "secretAccessKey"]) as { refused: string }).refused, /lower-cases/);
  assert.deepEqual(configEnvName(nconf({ lowerCase: true }), ["s3", "secret"]), { name: "s3__secret" });
  assert.match((configEnvName(nconf({ filtered: true }), ["a"]) as { refused: string }).refused, /whitelist/);
  assert.match((configEnvName(nconf(), ["smtp-auth", "pass"]) as { refused: string }).refused, /character/);
});

test("node-config keeps an existing mapping, else upper snake case; rc prefixes the app name; substitution upper snake", () => {
  const node = { how: "node-config" as const, by: "s.js:1", stem: "production", mappingFile: "config/custom-environment-variables.json" };
  assert.deepEqual(configEnvName(node, ["db", "password"]), { name: "DB_PASSWORD" });
  assert.deepEqual(configEnvName(node, ["db", "password"], "PGPASSWORD"), { name: "PGPASSWORD" });
  assert.deepEqual(configEnvName({ how: "rc", by: "c.js:1", appname: "larkbot" }, ["slack", "token"]), { name: "larkbot_slack__token" });
  assert.deepEqual(configEnvName({ how: "substitution", by: "s.js:1" }, ["dbSettings", "password"]), { name: "DB_SETTINGS_PASSWORD" });
  assert.equal(upperSnakeOfPath(["users", "admin", "password"]), "USERS_ADMIN_PASSWORD");
  assert.ok("refused" in configEnvName({ how: "plain", by: "a.js:1" }, ["a"]));
});

test("a config file's environment is its name's environment word, else every environment", () => {
  assert.equal(configFileEnvironment("config.production.json"), "production");
  assert.equal(configFileEnvironment("config/prod.json"), "production");
  assert.equal(configFileEnvironment("config.development.json"), "development");
  assert.equal(configFileEnvironment("config/default.json"), "shared");
  assert.equal(configFileEnvironment("config.json"), "shared");
  assert.equal(configFileEnvironment("settings.json"), "shared");
});
