// Strapi 5 (TypeScript project from create-strapi-app's example template): config/*.ts export
// ({ env }) => ({...}); Strapi's env helper reads process.env after loading .env with dotenv.
// This digest transpiles the project's config files and calls them with the same helper.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const ts = require(path.join(__dirname, "../../../node_modules/typescript"));
if (fs.existsSync(".env")) require("dotenv").config();
const env = (name, def) => (process.env[name] === undefined ? def : process.env[name]);
env.int = (n, d) => (process.env[n] === undefined ? d : parseInt(process.env[n], 10));
env.bool = (n, d) => (process.env[n] === undefined ? d : process.env[n] === "true");
env.array = (n, d) => (process.env[n] === undefined ? d : process.env[n].split(",").map((s) => s.trim()));
env.json = (n, d) => (process.env[n] === undefined ? d : JSON.parse(process.env[n]));
const out = {};
for (const f of ["admin", "server", "database", "plugins"]) {
  const file = path.join("config", f + ".ts");
  if (!fs.existsSync(file)) continue;
  const js = ts.transpileModule(fs.readFileSync(file, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, esModuleInterop: true, target: ts.ScriptTarget.ES2022 } }).outputText;
  const m = { exports: {} };
  // @strapi/database is not installed here: the one helper the template's database.ts imports.
  const req = (id) => (id === "@strapi/database" ? { isDatabaseClientKind: (c) => ["sqlite", "postgres", "mysql"].includes(c) } : require(id));
  new Function("module", "exports", "require", "process", "__dirname", js)(m, m.exports, req, process, path.resolve("config"));
  const fn = m.exports.default ?? m.exports;
  out[f] = typeof fn === "function" ? fn({ env }) : fn;
}
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(out)).digest("hex").slice(0, 12));
