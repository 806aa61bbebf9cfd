// The Lounge 4.5.2: the server requires $THELOUNGE_HOME/config.js (here home/config.js,
// the file `thelounge start` would create from dist/defaults/config.js) and merges it over
// the defaults. Digest of the settings that hold secrets.
const crypto = require("node:crypto");
const path = require("node:path");
const c = require(path.resolve(process.env.THELOUNGE_HOME || "home", "config.js"));
const picked = { ldap: c.ldap, defaults: c.defaults, webirc: c.webirc };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
