// Helpers for the two things applications read most: database credentials and
// API keys. Field names vary between teams (`DB_PASSWORD`, `password`,
// `PG_PASS`, a `DATABASE_URL`…), so the helpers match names loosely: case and
// separators are ignored and a database prefix (`db`, `pg`, `mysql`, …) is
// allowed in front of the field name.
import type { KvSecret, ReadOptions, VaultClient } from "./client.js";
import { VaultMissingFieldError } from "./errors.js";
import { redactingObject } from "./secret-value.js";

export interface DatabaseCredentials {
  username: string | undefined;
  /** Same as `username`, under the name `pg` and `mysql2` expect. */
  user: string | undefined;
  password: string;
  host: string | undefined;
  port: number | undefined;
  database: string | undefined;
  /** The connection URL when the secret holds one (also as `connectionString`, for `pg`). */
  url: string | undefined;
  connectionString: string | undefined;
  /** Dynamic credentials (`database/creds/<role>`): the lease to renew or revoke. */
  leaseId: string | undefined;
  /** Lease duration in seconds (dynamic credentials). */
  leaseDuration: number | undefined;
  renewable: boolean | undefined;
}

const prefixes = ["database", "postgresql", "postgres", "mongodb", "mongo", "mysql", "mariadb", "mssql", "redis", "pg", "db", "sql"];
const fieldNames: Record<"url" | "username" | "password" | "host" | "port" | "database", string[]> = {
  url: ["url", "uri", "connectionstring", "connstring", "connectionurl", "dsn"],
  username: ["username", "user", "login", "uid"],
  password: ["password", "pass", "passwd", "pwd"],
  host: ["host", "hostname", "server", "address", "addr"],
  port: ["port"],
  database: ["database", "dbname", "db", "name", "schema"],
};

function norm(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Forms of a key name to compare with field names: as is, and without a database prefix. */
function forms(key: string): string[] {
  const n = norm(key);
  const out = [n];
  for (const p of prefixes) if (n.startsWith(p) && n.length > p.length) out.push(n.slice(p.length));
  return out;
}

function findField(secret: KvSecret, field: keyof typeof fieldNames): string | undefined {
  const wanted = fieldNames[field];
  // Exact names first (`password` beats `db_password`), then prefixed ones.
  for (const pass of [0, 1]) {
    for (const key of secret.data.keys()) {
      const f = forms(key);
      const candidates = pass === 0 ? f.slice(0, 1) : f.slice(1);
      if (candidates.some((c) => wanted.includes(c))) return secret.data.get(key);
    }
  }
  return undefined;
}

// A dynamic secrets engine path: `<mount>/creds/<role>` (database, and the
// same layout for other engines that mint credentials).
const dynamicPath = /^(.+\/)?creds\/[^/]+$/;

export async function getDatabaseCredentials(client: VaultClient, path: string, options?: ReadOptions): Promise<DatabaseCredentials> {
  if (dynamicPath.test(path.replace(/^\/+|\/+$/g, ""))) {
    // Each read mints a new user: never cached; the caller keeps the result.
    const res = await client.request("GET", path);
    const d = (res?.data ?? {}) as Record<string, unknown>;
    if (typeof d.password !== "string") {
      throw new VaultMissingFieldError(`${path} returned no password`, { path, field: "password", hint: "Check that the path is a database role's creds endpoint." });
    }
    const username = typeof d.username === "string" ? d.username : undefined;
    return redactingObject<DatabaseCredentials>("DatabaseCredentials", {
      username,
      user: username,
      password: d.password,
      host: undefined,
      port: undefined,
      database: undefined,
      url: undefined,
      connectionString: undefined,
      leaseId: typeof res?.lease_id === "string" && res.lease_id !== "" ? res.lease_id : undefined,
      leaseDuration: typeof res?.lease_duration === "number" ? res.lease_duration : undefined,
      renewable: typeof res?.renewable === "boolean" ? res.renewable : undefined,
    });
  }
  const secret = await client.getSecret(path, options);
  const url = findField(secret, "url");
  let fromUrl: { username?: string; password?: string; host?: string; port?: number; database?: string } = {};
  if (url !== undefined) {
    try {
      const u = new URL(url);
      fromUrl = {
        username: u.username === "" ? undefined : decodeURIComponent(u.username),
        password: u.password === "" ? undefined : decodeURIComponent(u.password),
        host: u.hostname === "" ? undefined : u.hostname,
        port: u.port === "" ? undefined : Number(u.port),
        database: u.pathname.replace(/^\//, "") || undefined,
      };
    } catch {
      // Not a URL (e.g. a key=value DSN): it is still returned as `url`.
    }
  }
  const password = findField(secret, "password") ?? fromUrl.password;
  if (password === undefined) {
    throw new VaultMissingFieldError(`the secret ${secret.fullPath} has no password field nor a URL with a password (it has: ${secret.data.keys().join(", ") || "none"})`, {
      path: secret.fullPath,
      field: "password",
      hint: "Store the password as `password` (or DB_PASSWORD, …) or the connection URL as `url` (or DATABASE_URL, …).",
    });
  }
  const portText = findField(secret, "port");
  const username = findField(secret, "username") ?? fromUrl.username;
  return redactingObject<DatabaseCredentials>("DatabaseCredentials", {
    username,
    user: username,
    password,
    host: findField(secret, "host") ?? fromUrl.host,
    port: portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : fromUrl.port,
    database: findField(secret, "database") ?? fromUrl.database,
    url,
    connectionString: url,
    leaseId: undefined,
    leaseDuration: undefined,
    renewable: undefined,
  });
}

export async function getApiKey(client: VaultClient, service: string, path: string, options?: ReadOptions): Promise<string> {
  const secret = await client.getSecret(path, options);
  const s = norm(service);
  const generic = ["apikey", "key", "token", "secret", "secretkey", "accesstoken", "value"];
  const wanted = [...generic.map((g) => s + g), ...generic];
  for (const w of wanted) {
    for (const key of secret.data.keys()) if (norm(key) === w) return secret.data.get(key)!;
  }
  const keys = secret.data.keys();
  if (keys.length === 1) return secret.data.get(keys[0]!)!;
  throw new VaultMissingFieldError(`cannot tell which field of ${secret.fullPath} is the ${service} API key (it has: ${keys.join(", ") || "none"})`, {
    path: secret.fullPath,
    field: "api_key",
    hint: `Name the field \`api_key\` (or ${service.toUpperCase()}_API_KEY), or read it with getValue("${secret.fullPath}", "<field>").`,
  });
}
