// Ghost's own config loader (core/shared/config: nconf with env `__` separator,
// config.<env>.json in the cwd, defaults): prints a digest of what Ghost reads.
const crypto = require("node:crypto");
const config = require(process.cwd() + "/core/shared/config");
const picked = {
  url: config.get("url"),
  database: config.get("database"),
  mail: config.get("mail"),
  adapters: config.get("adapters"),
};
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
