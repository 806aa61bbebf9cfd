// Etherpad: settings.json values "${VAR}" / "${VAR:default}" are replaced from
// process.env (node/utils/Settings.js lookupEnvironmentVariables); in a docker
// deployment the variables come from an env_file (.env). Digest of the result.
const crypto = require("node:crypto");
const fs = require("node:fs");
if (fs.existsSync(".env")) require("dotenv").config();
// After a migration node/utils/Settings.js reads processEnv from the generated secrets
// module instead of process.env: read the same way.
const env = fs.existsSync("vaultshift-secrets.js") ? require(require("node:path").resolve("vaultshift-secrets.js")).processEnv : process.env;
const raw = JSON.parse(fs.readFileSync("settings.json", "utf8"));
const sub = (v) => {
  if (typeof v === "string") {
    const m = /^\$\{([^:}]+)(?::(.*))?\}$/.exec(v);
    if (!m) return v;
    const e = env[m[1]];
    return e === undefined ? (m[2] === undefined ? null : m[2]) : e;
  }
  if (Array.isArray(v)) return v.map(sub);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sub(x)]));
  return v;
};
const s = sub(raw);
const picked = { dbSettings: s.dbSettings, users: s.users, sessionKey: s.sessionKey };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
