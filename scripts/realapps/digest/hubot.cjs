// Hubot 14 (ES modules): bin/Hubot.mjs reads HUBOT_* and src/Robot.mjs reads EXPRESS_USER /
// EXPRESS_PASSWORD for the HTTP listener's basic auth, from the environment (a .env given to
// the process by docker compose's env_file or a dotenv preload). Digest of those reads, or,
// after a migration, of the generated secrets module the rewritten files import.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
require("dotenv").config();
const names = ["HUBOT_NAME", "HUBOT_LOG_LEVEL", "EXPRESS_USER", "EXPRESS_PASSWORD", "EXPRESS_PORT"];
const mod = ["vaultshift-secrets.mjs", "src/vaultshift-secrets.mjs", "vaultshift-secrets.js", "src/vaultshift-secrets.js"].find((f) => fs.existsSync(f));
(mod ? import(require("node:url").pathToFileURL(path.resolve(mod)).href).then((m) => m.secrets ?? m.processEnv) : Promise.resolve(process.env)).then((src) => {
  const picked = {};
  for (const n of names) picked[n] = src && src[n] !== undefined ? src[n] : process.env[n];
  console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
});
