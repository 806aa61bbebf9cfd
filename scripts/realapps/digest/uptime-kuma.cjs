// Uptime Kuma: server/server.js loads .env with dotenv; the secrets are read in
// server/setup-database.js, server/server.js and server/uptime-kuma-server.js.
// This digest evaluates the same process.env reads, or, after a migration, the
// generated secrets module the rewritten files import.
const crypto = require("node:crypto");
require("dotenv").config();
const names = ["UPTIME_KUMA_DB_PASSWORD", "UPTIME_KUMA_CLOUDFLARED_TOKEN", "UPTIME_KUMA_SSL_KEY_PASSPHRASE", "UPTIME_KUMA_DB_USERNAME", "UPTIME_KUMA_DB_HOSTNAME"];
// After a migration the rewritten files read `secrets` from src/vaultshift-secrets.js.
const mod = process.argv[2] ?? (require("node:fs").existsSync("src/vaultshift-secrets.js") ? "src/vaultshift-secrets.js" : undefined);
Promise.resolve(mod ? require(require("node:path").resolve(mod)).secrets : process.env).then((src) => {
  const picked = {};
  for (const n of names) picked[n] = (src && src[n] !== undefined ? src[n] : process.env[n]);
  console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
});
