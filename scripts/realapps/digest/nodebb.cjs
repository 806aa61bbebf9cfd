// NodeBB 1.x: nconf.file(config.json) as app.js loadConfig does.
const crypto = require("node:crypto");
// Keys sorted: the order of an object's keys is not configuration (knex, nodemailer, redis read options by
// name), and nconf merges a key the environment supplies after the file's own keys.
const sorted = (v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : Array.isArray(v) ? v.map(sorted) : v);
const nconf = require("nconf");
nconf.argv().env({ separator: "__" }).file({ file: process.cwd() + "/config.json" });
const picked = { url: nconf.get("url"), secret: nconf.get("secret"), database: nconf.get("database"), redis: nconf.get("redis") };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(sorted(picked))).digest("hex").slice(0, 12));
