// Directus reads its settings with @directus/env (the .env of the cwd, then process.env).
import crypto from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
// ES modules ignore NODE_PATH: load @directus/env from the directory run.sh installs it in.
const { useEnv } = await import(pathToFileURL(join(process.env.NODE_PATH ?? "node_modules", "@directus/env/dist/index.js")).href);
const env = useEnv();
const picked = {};
for (const k of ["KEY", "SECRET", "DB_CLIENT", "DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USER", "DB_PASSWORD", "ADMIN_EMAIL", "ADMIN_PASSWORD", "EMAIL_SMTP_PASSWORD", "STORAGE_S3_SECRET", "PUBLIC_URL"]) picked[k] = env[k];
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
