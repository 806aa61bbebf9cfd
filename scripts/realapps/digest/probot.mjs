// Probot 14 (ES module, compiled from TypeScript): `probot run` loads .env (lib/helpers/load-env.js)
// and reads APP_ID, PRIVATE_KEY, WEBHOOK_SECRET… with lib/bin/read-env-options.js, whose
// parameter defaults to process.env. Digest of what it yields.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
if (fs.existsSync(".env")) (await import("dotenv")).config();
const { readEnvOptions } = await import(pathToFileURL(path.resolve("lib/bin/read-env-options.js")).href);
const o = readEnvOptions();
const picked = { appId: o.appId, privateKey: o.privateKey, secret: o.secret, port: o.port, logLevel: o.logLevel };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
