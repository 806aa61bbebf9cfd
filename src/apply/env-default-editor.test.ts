import { test } from "node:test";
import assert from "node:assert/strict";
import { dropEnvDefaults, envDefaultValue, envDefaults } from "./env-default-editor.js";
import { configValueAt, editConfigText } from "./config-file-editor.js";

const C1 = "CANARYstrapiDef4Lk8Mn2Qa"; // vaultshift:allow

test("env('NAME', default) of a ({ env }) helper: found in JS and TypeScript, a template literal too; env.int, a computed name, another function's env() are not", () => {
  const ts = `export default ({ env }: { env: any }) => ({\n  secret: env('ADMIN_JWT_SECRET', \`${C1}\`),\n  port: env.int('PORT', 1337),\n  other: env(name, 'x'),\n});\n`;
  assert.deepEqual(envDefaults("config/admin.ts", ts)!.map((d) => [d.name, d.value === C1, d.line]), [["ADMIN_JWT_SECRET", true, 2]]);
  const unrelated = `const env = (k, d) => d;\nmodule.exports = { secret: env('JWT_SECRET', '${C1}') };\n`;
  assert.deepEqual(envDefaults("config/x.js", unrelated), []);
  const renamed = `module.exports = ({ env: e }) => ({ key: e("API_KEY", "${C1}") });\n`;
  assert.deepEqual(envDefaults("config/x.js", renamed)!.map((d) => d.name), ["API_KEY"]);
  assert.equal(envDefaults("config/x.js", "module.exports = ({ env }) => ({"), undefined);
});

test("dropping a default changes only `, default`; reading it back by [env, NAME]; the same default in two places goes from both; a name with two different defaults is not touched", () => {
  const js = `module.exports = ({ env }) => ({\n  auth: { secret: env('ADMIN_JWT_SECRET', '${C1}') }, // the admin\n  host: env('HOST', '0.0.0.0'),\n});\n`;
  assert.equal(envDefaultValue("config/admin.js", js, ["env", "ADMIN_JWT_SECRET"]), C1);
  assert.equal(configValueAt("config/admin.js", js, ["env", "ADMIN_JWT_SECRET"]), C1);
  const out = editConfigText(js, "config/admin.js", [{ keyPath: ["env", "ADMIN_JWT_SECRET"], how: "drop-default", envName: "ADMIN_JWT_SECRET" }]);
  assert.equal(out, `module.exports = ({ env }) => ({\n  auth: { secret: env('ADMIN_JWT_SECRET') }, // the admin\n  host: env('HOST', '0.0.0.0'),\n});\n`);
  const same = `module.exports = ({ env }) => ({ a: env('K', '${C1}'), b: env('K', '${C1}') });\n`;
  assert.equal(dropEnvDefaults("config/x.js", same, ["K"]), "module.exports = ({ env }) => ({ a: env('K'), b: env('K') });\n");
  const twice = `module.exports = ({ env }) => ({ a: env('K', '${C1}'), b: env('K', 'other') });\n`;
  assert.deepEqual(envDefaults("config/x.js", twice), []);
  assert.throws(() => dropEnvDefaults("config/x.js", twice, ["K"]), (e: Error) => /has no env\('K', …\) default/.test(e.message) && !e.message.includes(C1));
});
