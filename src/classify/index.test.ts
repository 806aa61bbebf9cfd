import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyVariable } from "./index.js";
import { judge } from "../scan/judge.js";
import type { Rule } from "../scan/types.js";

const PW = ["hunter2", "hunter"].join("");
const RANDOM = ["Xk29fjQ0", "pL1mZ8aR", "t6Yw"].join("");

test("config: ports, modes, levels, flags, hosts, URLs without credentials, regions, timeouts", () => {
  const config: Array<[string, string]> = [
    ["PORT", "3000"],
    ["NODE_ENV", "production"],
    ["LOG_LEVEL", "debug"],
    ["DEBUG", "true"],
    ["FEATURE_NEW_CHECKOUT", "false"],
    ["DB_HOST", "db.internal"],
    ["API_URL", "https://api.acme.io/v1"],
    ["REDIS_URL", "redis://localhost:6379"],
    ["AWS_REGION", "eu-west-1"],
    ["REQUEST_TIMEOUT", "30s"],
    ["DB_PASSWORD", "changeme"],
    ["API_KEY", "your-api-key"],
    ["JWT_SECRET", "${JWT_SECRET}"],
    ["PASSWORD_MIN_LENGTH", "12"],
    ["TOKEN_URL", "https://auth.acme.io/token"],
    ["EMPTY", ""],
  ];
  for (const [name, value] of config) {
    const c = classifyVariable(name, value, ".env", { rules: [] });
    assert.equal(c.verdict, "config", `${name}: ${c.reason}`);
    assert.ok(c.reason.length > 0);
  }
});

test("public by design: publishable keys, public keys", () => {
  assert.equal(classifyVariable("STRIPE_PUBLISHABLE_KEY", "pk_live_51HqLyjWDarjtT1zdp7dcXfTKmKL3X9", ".env", { rules: [] }).verdict, "public");
  assert.equal(classifyVariable("JWT_PUBLIC_KEY", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----", ".env", { rules: [] }).verdict, "public");
});

test("secrets: passwords, random keys, database URLs with a password, private keys", () => {
  const pw = classifyVariable("DB_PASSWORD", PW, ".env", { rules: [] });
  assert.equal(pw.verdict, "secret");
  assert.equal(pw.kind, "database-credential");
  assert.match(pw.reason, /name ends in _PASSWORD and value has \d+ bits of entropy/);
  assert.ok(!pw.reason.includes(PW));
  const url = classifyVariable("DATABASE_URL", `postgres://app:${RANDOM}@db.internal:5432/app`, ".env", { rules: [] });
  assert.equal(url.verdict, "secret");
  assert.equal(url.kind, "database-credential");
  assert.equal(classifyVariable("SESSION_SECRET", RANDOM, ".env", { rules: [] }).kind, "generic-secret");
  assert.equal(classifyVariable("GITHUB_TOKEN", RANDOM, ".env", { rules: [] }).kind, "token");
  assert.equal(classifyVariable("OPENAI_API_KEY", RANDOM, ".env", { rules: [] }).kind, "api-key");
  const pem = `-----BEGIN PRIVATE KEY-----\n${"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7".repeat(2)}\n-----END PRIVATE KEY-----`;
  assert.equal(classifyVariable("SIGNING_KEY", pem, ".env", { rules: [] }).kind, "private-key");
});

test("a value matching a provider rule is a secret whatever its name", () => {
  const rule: Rule = {
    id: "acme-token",
    description: "Acme API token.",
    kind: "api-key",
    severity: "high",
    keywords: ["acme_"],
    pattern: /\b(acme_[a-z0-9]{20})\b/,
    examples: { invalid: [], valid: [] },
  };
  const c = classifyVariable("SOMETHING", "acme_k3j9x0q7w2e5r8t1y4u6", ".env", { rules: [rule] });
  assert.equal(c.verdict, "secret");
  assert.equal(c.ruleId, "acme-token");
  assert.match(c.reason, /Acme API token/);
});

test("browser-exposed: a secret under a public prefix; a public URL under it stays config", () => {
  const c = classifyVariable("NEXT_PUBLIC_ADMIN_SECRET", RANDOM, ".env", { rules: [] });
  assert.equal(c.verdict, "secret");
  assert.equal(c.kind, "browser-exposed");
  assert.equal(c.underlyingKind, "generic-secret");
  assert.match(c.reason, /NEXT_PUBLIC_.*browser/);
  assert.equal(classifyVariable("VITE_API_URL", "https://api.acme.io", ".env", { rules: [] }).verdict, "config");
});

test("example files: stand-ins are config, real-looking values are still secrets", () => {
  assert.equal(classifyVariable("DB_PASSWORD", PW, ".env.example", { rules: [] }).verdict, "config");
  assert.equal(classifyVariable("SESSION_SECRET", RANDOM + "Qw8", ".env.example", { rules: [] }).verdict, "secret");
});

test("a token format under a name that marks it public by design is public (Supabase anon key, reCAPTCHA site key)", () => {
  const rule: Rule = {
    id: "jwt",
    description: "JSON Web Token",
    kind: "token",
    severity: "medium",
    keywords: ["eyj"],
    pattern: /\b(eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/,
    examples: { invalid: [], valid: [] },
  };
  const jwt = ["eyJhbGciOiJIUzI1NiJ9", "eyJyb2xlIjoiYW5vbiJ9", "c2lnbmF0dXJlX2hlcmVfMTIz"].join(".");
  assert.equal(classifyVariable("NEXT_PUBLIC_SUPABASE_ANON_KEY", jwt, ".env", { rules: [rule] }).verdict, "public");
  const serviceRole = ["eyJhbGciOiJIUzI1NiJ9", "eyJyb2xlIjoic2VydmljZV9yb2xlIn0", "c2lnbmF0dXJlX2hlcmVfMTIz"].join(".");
  assert.equal(classifyVariable("SUPABASE_SERVICE_ROLE_KEY", serviceRole, ".env", { rules: [rule] }).verdict, "secret");
  // The anon key's own claims say it is the public one, whatever the variable is called.
  assert.equal(classifyVariable("SUPABASE_KEY", jwt, ".env", { rules: [rule] }).verdict, "public");
});

test("a Firebase web API key under a browser prefix is public; another Google key there is still browser-exposed", () => {
  const key = ["AI", "za", "Sy", "Qx7Kp2Lm9Rt4Vw8Zb3Nc6Hd1Fj5Gk0Ps2"].join("");
  for (const name of ["NEXT_PUBLIC_FIREBASE_API_KEY", "VITE_FIREBASE_API_KEY", "REACT_APP_FIREBASE_APIKEY"]) {
    assert.equal(classifyVariable(name, key, ".env").verdict, "public", name);
  }
  assert.equal(classifyVariable("NEXT_PUBLIC_GEMINI_API_KEY", key, ".env").kind, "browser-exposed");
  assert.equal(classifyVariable("FIREBASE_API_KEY", key, ".env").verdict, "secret", "no browser prefix: the name alone does not say where it goes");
});

test("a Google Maps key under a browser prefix is public; a server-side Maps key is a secret", () => {
  const key = ["AI", "za", "Sy", "Qx7Kp2Lm9Rt4Vw8Zb3Nc6Hd1Fj5Gk0Ps2"].join("");
  for (const name of ["EXPO_PUBLIC_GOOGLE_MAPS_KEY", "NEXT_PUBLIC_MAPS_API_KEY", "PUBLIC_GOOGLE_MAPS_API_KEY"]) assert.equal(classifyVariable(name, key, ".env").verdict, "public", name);
  assert.equal(classifyVariable("GOOGLE_MAPS_API_KEY", key, ".env").verdict, "secret");
  assert.equal(classifyVariable("NEXT_PUBLIC_GEMINI_API_KEY", key, ".env").kind, "browser-exposed");
});

test("plural and encoded names: SESSION_KEYS=k1,k2 and a PEM in PRIVATE_KEY_PEM are secrets; a _PATH to one is not", () => {
  assert.equal(classifyVariable("SESSION_KEYS", `${RANDOM},${RANDOM.split("").reverse().join("")}`, ".env", { rules: [] }).verdict, "secret");
  // A whole key's length (a 2048-bit PKCS#8 key is ~1,600 base64 characters); a short stub is a placeholder.
  const body = Array.from({ length: 26 }, (_, i) => (RANDOM + RANDOM.toUpperCase() + String(i * 7919)).slice(0, 64)).join("\n");
  const pem = `-----BEGIN PRIVATE KEY-----\nMIIEvQ${body}\n-----END PRIVATE KEY-----`;
  const c = classifyVariable("PRIVATE_KEY_PEM", pem, ".env", { rules: [] });
  assert.equal(c.verdict, "secret", c.reason);
  assert.equal(classifyVariable("PRIVATE_KEY_PEM_PATH", "/etc/keys/app.pem", ".env", { rules: [] }).verdict, "config");
});

test("a file loaded at run time (loaded: true, a .env.defaults dotenv-defaults reads) is judged as the app's values, not a template's stand-ins", () => {
  // A value with a marker word (as test values have): in a template it reads as a stand-in; in a loaded file it is a password.
  const value = ["Qx7", "CANARY", "fallback3Lp8Vz2Wn"].join("");
  assert.equal(classifyVariable("SMTP_PASSWORD", value, ".env.defaults").verdict, "config");
  assert.equal(classifyVariable("SMTP_PASSWORD", value, ".env.defaults", { loaded: true }).verdict, "secret");
  assert.equal(classifyVariable("SMTP_HOST", "localhost", ".env.defaults", { loaded: true }).verdict, "config");
});

test("a single-quoted password hash stays a hash: its `$` are separators, not references (Vaultwarden's argon2 ADMIN_TOKEN)", () => {
  const phc = "$argon2id$v=19$m=65540,t=3,p=4$" + "bXlzYWx0c2FsdHNhbHQ" + "$" + "Zk9qR2x3VXBQcW5MeFlzYlR2aVdFbkhnUWtNcm9adUE";
  assert.equal(classifyVariable("ADMIN_TOKEN", phc, ".env", { quote: "'" }).verdict, "config");
  // A random single-quoted value with `$` inside is still read literally and judged a secret.
  assert.equal(classifyVariable("ADMIN_TOKEN", ["Xk9", "Lq2", "Wv7pZr4TmN8bYc"].join("$"), ".env", { quote: "'" }).verdict, "secret");
});

test("a list of name=value pairs under a plain name (OTLP headers) is a secret when one entry is; lists of plain settings stay config", () => {
  const key = ["hcaik_01", "j7Kx2Lm9Qz4Vb8Nw3Hy6Pc5Rt1Sd", "Fg0Wq2Zx"].join("");
  const secret: Array<[string, string]> = [
    // Honeycomb's header carries no secret word: named by the rule.
    ["OTEL_EXPORTER_OTLP_HEADERS", `x-honeycomb-team=${key},x-honeycomb-dataset=avocet`],
    ["OTEL_EXPORTER_OTLP_TRACES_HEADERS", `api-key=${RANDOM}Qw7Zt4`],
    // URL-encoded, as the OTel spec has them: `Authorization=Basic%20<base64>`.
    ["OTEL_EXPORTER_OTLP_HEADERS", `Authorization=Bearer%20${RANDOM}Lk3Vb8Nm`],
    ["GRAFANA_OTLP_OPTIONS", `tenant=acme; x-api-key=${RANDOM}Hy5Pc2`],
  ];
  assert.match(classifyVariable(...secret[0]!).reason, /its x-honeycomb-team entry is a secret/);
  for (const [name, value] of secret) {
    const c = classifyVariable(name, value);
    assert.equal(c.verdict, "secret", `${name}=${value.split("=")[0]}…: ${c.reason}`);
    assert.ok(!c.reason.includes(RANDOM) && !c.reason.includes(key), "the reason holds no value");
  }
  const config: Array<[string, string]> = [
    ["OTEL_RESOURCE_ATTRIBUTES", "service.name=avocet,deployment.environment=production,service.version=1.4.2"],
    ["OTEL_EXPORTER_OTLP_HEADERS", "x-honeycomb-dataset=avocet"],
    ["PG_OPTIONS", "sslmode=require;application_name=worker"],
    ["FEATURE_FLAGS", "search=true,checkout_v2=false"],
    ["OTEL_EXPORTER_OTLP_HEADERS", "api-key=your-api-key-here"],
    ["NODE_OPTIONS", "--max-old-space-size=4096"],
  ];
  for (const [name, value] of config) assert.equal(classifyVariable(name, value).verdict, "config", `${name}=${value}`);
});

test("base64 of text is judged as what it decodes to: a service account JSON or a PEM key under a plain name is a secret; encoded settings, a short token alphabet and binary stay as they were", async () => {
  const { generateKeyPairSync } = await import("node:crypto");
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  // RSA 2048, as Google issues. Encoded, a plain name's random-string judge takes it for a secret only
  // by chance (no run of 6 lower-case letters in 2,500 characters): a key it does not take is chosen,
  // so that what is tested is the decoding.
  let pem = "";
  let account = "";
  for (let i = 0; i < 40 && (account === "" || judge("FIREBASE_SERVICE_ACCOUNT_BASE64", b64(account), "env", false).secret); i++) {
    pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    account = JSON.stringify({ type: "service_account", project_id: "p-1", private_key_id: "a".repeat(40), private_key: pem, client_email: "x@p-1.iam.gserviceaccount.com" });
  }
  assert.equal(judge("FIREBASE_SERVICE_ACCOUNT_BASE64", b64(account), "env", false).secret, false);
  for (const [name, value] of [["FIREBASE_SERVICE_ACCOUNT_BASE64", b64(account)], ["APNS_P8", b64(pem)], ["SIGNER", b64(pem)]] as const) {
    const c = classifyVariable(name, value, ".env");
    assert.equal(c.verdict, "secret", name);
    assert.equal(c.kind, "private-key", name);
    // A base64 PEM has a rule of its own (LS0tLS1CRUdJTi…); the JSON around one needed the decoding.
    if (name.startsWith("FIREBASE")) assert.match(c.reason, /^base64 of a secret: .*service account/, name);
    // The reason names the format, never the value.
    assert.ok(!c.reason.includes(value.slice(40, 60)) && !c.reason.includes(pem.slice(40, 60)), name);
  }
  // A name that says so was a secret already.
  assert.equal(classifyVariable("GOOGLE_CREDENTIALS", b64(account), ".env").verdict, "secret");
  // Under a browser prefix: still shipped to the browser.
  assert.equal(classifyVariable("NEXT_PUBLIC_SA", b64(account), ".env").kind, "browser-exposed");
  // Settings, however long, decode to settings.
  const settings = b64(JSON.stringify({ region: "eu-west-1", bucket: "assets-bucket-name", retries: 3, flags: ["a", "b"], url: "https://cdn.example.org/assets" }));
  assert.equal(classifyVariable("APP_CONFIG_B64", settings, ".env").verdict, "config");
  assert.equal(classifyVariable("FEATURES", b64("checkout-v2,search-v3,new-header,dark-mode,beta-banner,ab-test-7"), ".env").verdict, "config");
  // Binary (a keystore) is not decoded as text here.
  assert.equal(classifyVariable("TRUSTSTORE_B64", Buffer.from([0, 1, 2, 250, 251, 252, 0, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47]).toString("base64"), ".env").reason.startsWith("base64 of"), false);
});
