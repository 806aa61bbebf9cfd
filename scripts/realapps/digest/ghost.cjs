// Ghost's own config loader (core/shared/config: nconf with env `__` separator,
// config.<env>.json in the cwd, defaults): prints a digest of what Ghost reads.
const crypto = require("node:crypto");
// Keys sorted: the order of an object's keys is not configuration (knex, nodemailer, redis read options by
// name), and nconf merges a key the environment supplies after the file's own keys.
const sorted = (v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : Array.isArray(v) ? v.map(sorted) : v);
const config = require(process.cwd() + "/core/shared/config");
const picked = {
  url: config.get("url"),
  database: config.get("database"),
  mail: config.get("mail"),
  adapters: config.get("adapters"),
};
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(sorted(picked))).digest("hex").slice(0, 12));
