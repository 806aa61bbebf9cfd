// create-t3-app (Next.js + NextAuth + Drizzle, "type": "module"): src/env.js validates the server
// variables with @t3-oss/env-nextjs's createEnv from its runtimeEnv (process.env.NAME each); the
// server code reads `env.NAME` from it. Next.js loads .env itself: here dotenv does. Digest of env.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
if (fs.existsSync(".env")) (await import("dotenv")).config();
const { env } = await import(pathToFileURL(path.resolve("src/env.js")).href);
const picked = { secret: env.AUTH_SECRET, id: env.AUTH_DISCORD_ID, discord: env.AUTH_DISCORD_SECRET, db: env.DATABASE_URL };
console.log("digest " + crypto.createHash("sha256").update(JSON.stringify(picked)).digest("hex").slice(0, 12));
