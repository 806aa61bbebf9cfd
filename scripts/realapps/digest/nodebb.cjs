// NodeBB 1.x: nconf.file(config.json) as app.js loadConfig does.
const crypto = require("node:crypto");
const nconf = require("nconf");
nconf.argv().env({ separator: "__" }).file({ file: process.cwd() + "/config.json" });
const picked = { url: nconf.get("url"), secret: nconf.get("secret"), database: nconf.get("database"), redis: nconf.get("redis") };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
