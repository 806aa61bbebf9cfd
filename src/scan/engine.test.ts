import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText, dedupe, type Candidate } from "./engine.js";
import type { Rule } from "./types.js";

// Values assembled at run time so that the repository's own scan stays clean.
const PW = ["hunter2", "hunter"].join("");
const RANDOM = ["Xk29fjQ0", "pL1mZ8aR", "t6Yw"].join("");
const DB_PW = ["S3cr3t", "Pw0rd9"].join("");

const fakeRule: Rule = {
  id: "acme-token",
  description: "Acme API token",
  kind: "api-key",
  severity: "high",
  keywords: ["acme_"],
  pattern: /\b(acme_[a-z0-9]{20})\b/,
  examples: { invalid: [], valid: [] },
};
const ACME = "acme_" + ["k3j9x0", "q7w2e5", "r8t1y4", "u6"].join("");

test(".env: secrets by name and value, config skipped, positions at the value", () => {
  const text = [`PORT=3000`, `NODE_ENV=production`, `DB_PASSWORD=${PW}`, `LOG_LEVEL=debug`, `API_URL=https://api.acme.io`, `DATABASE_URL=postgres://app:${DB_PW}@db.internal:5432/app`, `SECRET=\${OTHER}`, `EMPTY=`].join("\n");
  const { findings } = scanText({ text, file: ".env" });
  assert.deepEqual(findings.map((f) => f.name), ["DB_PASSWORD", "DATABASE_URL"]);
  const pw = findings[0]!;
  assert.equal(pw.ruleId, "dotenv-secret");
  assert.equal(pw.line, 3);
  assert.equal(pw.column, "DB_PASSWORD=".length + 1);
  assert.equal(text.slice(pw.start, pw.end), PW);
  assert.match(pw.reason, /_PASSWORD/);
  assert.equal(findings[1]!.kind, "database-credential");
});

test(".env: a single-quoted value is read literally, so '$' and '$(…)' in it do not hide a secret (scan agrees with migrate)", () => {
  const literal = ["Xk9mP2vL8q", "$HOME$(whoami)", "`id`R4nZ"].join("");
  const text = [`BACKUP_PASSPHRASE='${literal}'`, `DB_PASSWORD="${literal}"`, `API_TOKEN='\${API_TOKEN_REF}'`].join("\n");
  const { findings } = scanText({ text, file: ".env" });
  // Single quotes: every character is the value's. Double quotes: dotenv-expand reads $HOME, a reference.
  assert.deepEqual(findings.map((f) => f.name), ["BACKUP_PASSPHRASE"]);
  assert.equal(text.slice(findings[0]!.start, findings[0]!.end), literal);
});

test(".env naming variants are read as dotenv; quoted values point inside the quotes", () => {
  for (const file of [".env.local", ".env.production", ".env.development.local", "prod.env", "config/.env.staging"]) {
    const text = `DB_PASSWORD="${PW}"\n`;
    const { findings } = scanText({ text, file });
    assert.equal(findings.length, 1, file);
    assert.equal(findings[0]!.ruleId, "dotenv-secret", file);
    assert.equal(text.slice(findings[0]!.start, findings[0]!.end), PW, file);
  }
});

test(".env.example: placeholders are not findings, real-looking values are", () => {
  const text = `DB_PASSWORD=changeme\nAPI_KEY=your-api-key\nSESSION_SECRET=${RANDOM}\n`;
  const { findings } = scanText({ text, file: ".env.example" });
  assert.deepEqual(findings.map((f) => f.name), ["SESSION_SECRET"]);
});

test("browser-exposed prefixes turn a secret into a browser-exposed finding", () => {
  for (const prefix of ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "PUBLIC_", "NUXT_PUBLIC_", "GATSBY_"]) {
    const { findings } = scanText({ text: `${prefix}API_SECRET=${RANDOM}\n${prefix}API_URL=https://api.acme.io\n`, file: ".env" });
    assert.equal(findings.length, 1, prefix);
    assert.equal(findings[0]!.kind, "browser-exposed", prefix);
    assert.equal(findings[0]!.ruleId, "browser-exposed-secret", prefix);
    assert.match(findings[0]!.reason, /browser/);
  }
});

test("provider rules run on .env text whatever the name, and win over the generic finding", () => {
  const { findings } = scanText({ text: `FOO=${ACME}\nACME_SECRET=${ACME}\n`, file: ".env" }, { rules: [fakeRule] });
  assert.equal(findings.length, 2);
  for (const f of findings) assert.equal(f.ruleId, "acme-token");
});

test("provider rules run on any text; keyword pre-filter; enable/disable options", () => {
  const text = `const x = "${ACME}";\n`;
  assert.equal(scanText({ text, file: "a.txt" }, { rules: [fakeRule] }).findings[0]?.ruleId, "acme-token");
  assert.equal(scanText({ text: text.replace("acme_", "acmf_"), file: "a.txt" }, { rules: [fakeRule] }).findings.length, 0);
  assert.equal(scanText({ text, file: "a.txt" }, { rules: [fakeRule], disableRules: ["acme-token"] }).findings.length, 0);
  const generic = `password: ${PW}1\n`;
  assert.equal(scanText({ text: generic, file: "c.yml" }, { rules: [] }).findings.length, 1);
  assert.equal(scanText({ text: generic, file: "c.yml" }, { rules: [], disableRules: ["generic-password"] }).findings.length, 0);
});

test("Kubernetes Secret data: base64 values are decoded and judged, positions on the encoded value", () => {
  const encoded = Buffer.from(DB_PW + "xyz").toString("base64");
  const user = Buffer.from("orders_app").toString("base64");
  const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  username: ${user}\n  password: ${encoded}\n`;
  const { findings } = scanText({ text, file: "k8s/secret.yaml" }, { rules: [] });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.line, 7);
  assert.equal(text.slice(findings[0]!.start, findings[0]!.end), encoded);
  assert.match(findings[0]!.reason, /base64/);
});

test("sealed-secrets ciphertext is not reported", () => {
  const cipher = "AgBy8hCi8Zy9pTDLw2mWzq2Ljb9pA9f3ZvYHqN2cM4k5xR7vE1sT0uW8yQ3nB6dF9gH2jK4lP7oI5uY1tR3eW6qA8zX0cV2bN4m";
  const text = `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: ${cipher}\n`;
  assert.equal(scanText({ text, file: "sealed.yaml" }, { rules: [] }).findings.length, 0);
});

test("lockfiles and source maps get provider rules only", () => {
  const text = `"password": "${PW}1"\n`;
  assert.equal(scanText({ text, file: "package-lock.json" }, { rules: [] }).findings.length, 0);
  assert.equal(scanText({ text, file: "app.js.map" }, { rules: [] }).findings.length, 0);
  assert.equal(scanText({ text, file: "app.json" }, { rules: [] }).findings.length, 1);
});

test("private keys and URL passwords are found in any file", () => {
  const body = Array.from({ length: 6 }, (_, i) => "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun" + i).join("\n");
  const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
  const { findings } = scanText({ text: `key = """\n${pem}\n"""\nurl = "mysql://root:${DB_PW}@db:3306/x"\n`, file: "conf.py" }, { rules: [] });
  assert.deepEqual(findings.map((f) => f.kind), ["private-key", "database-credential"]);
  assert.equal(findings[0]!.line, 2);
  assert.equal(findings[0]!.endLine, 9);
});

test("dedupe keeps one finding per overlapping range: browser-exposed > provider > generic, then confidence", () => {
  const base = { kind: "api-key" as const, severity: "high" as const, reason: "r", secret: "s", name: undefined };
  const c = (ruleId: string, start: number, end: number, priority: number, confidence: number): Candidate => ({ ...base, ruleId, start, end, priority, confidence });
  const out = dedupe([c("generic", 0, 10, 1, 0.9), c("provider", 2, 8, 2, 0.8), c("other", 20, 30, 1, 0.5)]);
  assert.deepEqual(out.map((x) => x.ruleId), ["provider", "other"]);
});

test("empty and binary-looking input produce nothing and do not throw", () => {
  assert.deepEqual(scanText({ text: "", file: "a.txt" }).findings, []);
  assert.deepEqual(scanText({ text: "\u0000\u0001password=\u0000", file: "a.bin" }).findings, []);
});

test("passwords passed to well-known credential calls in C#, Java and Python", () => {
  const P = ["Xq7#", "Lm2v", "Rt9z"].join("");
  const cases: Array<[string, string]> = [
    ["Mail.cs", `var c = new NetworkCredential("svc", "${P}");`],
    ["Db.java", `Connection c = DriverManager.getConnection(url, "app", "${P}");`],
    ["mail.py", `server.login("me@acme.io", "${P}")`],
    ["api.py", `requests.get(u, auth=("ops", "${P}"))`],
  ];
  for (const [file, text] of cases) {
    const { findings } = scanText({ text, file }, { rules: [] });
    assert.equal(findings.length, 1, file);
    assert.equal(text.slice(findings[0]!.start, findings[0]!.end), P, file);
  }
  assert.equal(scanText({ text: `server.login(user, password)\nauth=("u", "password")\n`, file: "x.py" }, { rules: [] }).findings.length, 0);
});

test("known gaps closed end to end: UUID token fallbacks, concatenations in bundles, minified _authToken, public Pusher/Algolia keys", () => {
  const id = ["3c6e0b8a", "9c15", "4a0b", "8f1e", "2d4b7a9c0e13"].join("-");
  const ts = `export const config = {\n  snykToken: process.env.SNYK_TOKEN ?? "${id}",\n  tenantId: process.env.TENANT_ID ?? "${id}",\n};\n`;
  const found = scanText({ text: ts, file: "src/config.ts" }).findings;
  assert.deepEqual(found.map((f) => f.line), [2], "the token fallback, not the tenant id");

  const bundle = `!function(e){function h(s){return"Error fetching MFA token: "+s}e.x={token:"+n.token+",secret:"+n.${RANDOM}+"};this._authToken=null,this._refresh=e&&e.r||null;this._authToken=e}(window);`;
  assert.deepEqual(scanText({ text: bundle, file: "dist/app.min.js" }).findings.map((f) => f.ruleId), []);

  const hex20 = ["8f3a", "c21d", "9e4b", "07f6", "a5c1"].join("");
  const env = `PUSHER_APP_KEY=${hex20}\nPUSHER_APP_SECRET=${hex20.split("").reverse().join("")}\nALGOLIA_SEARCH_ONLY_API_KEY=${hex20}${hex20.slice(0, 12)}\n`;
  assert.deepEqual(scanText({ text: env, file: ".env" }).findings.map((f) => f.line), [2], "only the Pusher secret");
});

test("source maps: a key in sourcesContent is found at its place; nothing is looked for in mappings", () => {
  // A format made of Base64 letters only, as a VLQ run can spell it.
  const vlqRule: Rule = { ...fakeRule, id: "acme-vlq-key", keywords: ["acmekey"], pattern: /\b(ACMEKEY[A-Za-z0-9]{20})\b/ };
  const key = "ACMEKEY" + ["k3j9x0", "q7w2e5", "r8t1y4", "u6"].join("");
  const mappings = "AAAA,SAASA,EAAE;" + "AACA,GAAG,EAAEC;".repeat(20);
  const inMappings = `{"version":3,"mappings":"${mappings}${key};${mappings}","sources":["a.js"]}`;
  assert.equal(scanText({ text: inMappings, file: "app.js" }, { rules: [vlqRule] }).findings.length, 1); // any other file: found
  assert.equal(scanText({ text: inMappings, file: "app.js.map" }, { rules: [vlqRule] }).findings.length, 0);
  // Outside it, with the same offsets as in the file.
  const text = `{"version":3,"sources":["a.js"],"mappings":"${mappings}",\n"sourcesContent":["const k = \\"${key}\\";"]}`;
  const [f, ...rest] = scanText({ text, file: "app.js.map" }, { rules: [vlqRule] }).findings;
  assert.equal(rest.length, 0);
  assert.equal(f?.ruleId, "acme-vlq-key");
  assert.equal(f?.line, 2);
  assert.equal(f?.column, text.split("\n")[1]!.indexOf(key) + 1);
});

test(".env: a value starting with # (empty for dotenv, the value for python-dotenv, Compose and shells) is judged as written", () => {
  const text = `COLOR=#ff00aa\nSMTP_PASSWORD=#${RANDOM}\nDB_PASSWORD=#changeme\nAPI_TOKEN=# the token goes here\n`;
  const found = scanText({ text, file: "app/.env" }).findings;
  assert.deepEqual(found.map((f) => `${f.line}:${f.column}`), ["2:15"]);
});

test(".env: an unquoted value with a '#' inside is judged as written; what dotenv reads of it is said, not shown", () => {
  // dotenv cuts `DB_PASSWORD=<a>#<b>` at the `#` (lib/main.js LINE: `[^#\r\n]+`); python-dotenv, Compose
  // and shells need a space before a comment's `#` and read the whole word.
  const head = ["Kq7", "mZ2v"].join("");
  const text = [
    `DB_PASSWORD=${head}#${RANDOM}`,
    `API_TOKEN=abc#${RANDOM} # rotated in October`,
    `SMTP_PASSWORD=${RANDOM} # a comment after a space is a comment for every reader`,
    `HOMEPAGE_URL=https://app.example.com/#/${RANDOM}`,
    `THEME_COLOR=#ff00aa`,
    `ADMIN_PASSWORD=a#b c`,
    `SESSION_SECRET="${RANDOM}#quoted"`,
  ].join("\n");
  const found = scanText({ text, file: "app/.env" }).findings;
  assert.deepEqual(found.map((f) => `${f.line}:${f.column}-${f.endColumn}`), [
    `1:13-${13 + head.length + 1 + RANDOM.length}`,
    `2:11-${11 + 4 + RANDOM.length}`,
    `3:15-${15 + RANDOM.length}`,
    `7:17-${17 + RANDOM.length + "#quoted".length}`,
  ]);
  assert.match(found[0]!.reason, /dotenv reads only the first 7 characters of this unquoted value, up to its '#'/);
  assert.match(found[1]!.reason, /only the first 3 characters/);
  assert.doesNotMatch(found[2]!.reason, /dotenv reads/);
  for (const f of found) assert.ok(!f.reason.includes(RANDOM) && !f.reason.includes(head), "the reason shows no part of the value");
});

test("a test file's one-time link token (?token=) is the fixture's; named credential parameters and other files stay reported", () => {
  const hex = ["9f86d081884c7d659a2f", "eaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"].join("");
  const link = `const link = "https://app.local/reset?email=a%40b.c&token=${hex}";\n`;
  assert.deepEqual(scanText({ text: link, file: "tests/reset.test.js" }).findings, []);
  assert.deepEqual(scanText({ text: link, file: "spec/fixtures/mail.txt" }).findings, []);
  assert.equal(scanText({ text: link, file: "src/mailer.js" }).findings[0]?.ruleId, "url-query-credential");
  const named = `const url = "https://api.acme.io/v1/items?access_token=${hex}";\n`;
  assert.equal(scanText({ text: named, file: "tests/api.test.js" }).findings[0]?.ruleId, "url-query-credential");
});
