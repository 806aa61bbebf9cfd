// mongo-express 1.0.2 (ES module): config.default.js loads .env with dotenv and reads
// ME_CONFIG_* (some through getFileEnv: NAME, else the file named by NAME_FILE). Digest of
// the settings that hold secrets, from the app's own config module.
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
const { default: c } = await import(pathToFileURL(path.resolve("config.default.js")).href);
const picked = { mongodb: c.mongodb.connectionString, auth: c.mongodb.auth, basic: c.useBasicAuth === undefined ? c.basicAuth : [c.useBasicAuth, c.basicAuth], site: [c.site.cookieSecret, c.site.sessionSecret] };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
