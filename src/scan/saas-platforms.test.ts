import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { analyzeName } from "./secret-name.js";

// Session 22 (blind corpus 22, the indie SaaS and full-stack platform estate). Secrets are built at run time so
// that scanning the repository does not report this file.
const HEX40 = ["6c46a1", "9b03e7", "55d2c8", "0f1a4b", "7e93d6", "2a8c5f", "11b4"].join("");
const HEX32 = ["5ca7e1", "9b03e7", "55d2c8", "0f1a4b", "7e93d6", "2a"].join("");
const B64 = ["SVOKq2Lm", "Zx9R4tV7", "bN3cW6yH", "1Qz7rLx2"].join("");
const TOKEN = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1", "pD5sJ0uG", "Qz7rLx2V", "w9Kpm4T"].join("");
const PW = ["Qz7", "rLx", "2Vw", "9Kp", "m4T"].join("");

function secretsIn(file: string, text: string): string[] {
  return scanText({ file, text }).findings.map((f) => f.secret);
}

test("an Arctic OAuth provider's client secret is its second argument (third after an issuer)", () => {
  const code = (call: string) => `import { GitHub, GitLab } from "arctic";\nexport const provider = ${call};\n`;
  assert.deepEqual(secretsIn("src/auth.ts", code(`new GitHub("Ov23liAbCdEfGh1234", "${HEX40}", null)`)), [HEX40]);
  assert.deepEqual(secretsIn("src/auth.ts", code(`new arctic.GitLab("https://gitlab.example.org", "app-id-1", "${HEX40}", "https://app.example.org/cb")`)), [HEX40]);
  // Not a secret: the client id alone, a secret read from the environment.
  assert.deepEqual(secretsIn("src/auth.ts", code(`new GitHub("Ov23liAbCdEfGh1234", process.env.GITHUB_CLIENT_SECRET!, null)`)), []);
});

test("a webhook signing secret given to new Webhook() or Polar's validateEvent()", () => {
  assert.deepEqual(secretsIn("src/index.ts", `import { Webhook } from "standardwebhooks";\nconst wh = new Webhook("${B64}");\n`), [B64]);
  assert.deepEqual(secretsIn("src/polar.ts", `import { validateEvent } from "@polar-sh/sdk/webhooks";\nexport const verify = (b: string, h: Record<string, string>) => validateEvent(b, h, "${TOKEN}");\n`), [TOKEN]);
  // Not a secret: the secret from the environment, the body and headers.
  assert.deepEqual(secretsIn("src/index.ts", `import { Webhook } from "svix";\nconst wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET ?? "");\n`), []);
  assert.deepEqual(secretsIn("src/polar.ts", `validateEvent(body, headers, env.POLAR_WEBHOOK_SECRET);\n`), []);
});

test("`-u URL` names a server, `-u user:password` a credential", () => {
  assert.deepEqual(secretsIn("docker-compose.yml", `services:\n  inngest:\n    command: "inngest dev -u http://host.docker.internal:3000/api/inngest"\n`), []);
  assert.deepEqual(secretsIn("deploy.sh", `curl -u deploy:${PW} https://ci.example.org/api/deploy\n`), [PW]);
});

test("Algolia's lite client takes the search-only key; the full client's key is still read", () => {
  assert.deepEqual(secretsIn("src/lib/algolia.ts", `import { liteClient } from "algoliasearch/lite";\nexport const search = liteClient("LATENCY01", "${HEX32}");\n`), []);
  assert.deepEqual(secretsIn("src/lib/mail.ts", `import { createMailClient } from "mailer";\nexport const mail = createMailClient("acme", "${HEX32}");\n`), [HEX32]);
});

test("a Storefront publicAccessToken is public by name; a private or prefixed one is not", () => {
  assert.equal(analyzeName("publicAccessToken").strength, "none");
  assert.notEqual(analyzeName("privateAccessToken").strength, "none");
  assert.notEqual(analyzeName("accessToken").strength, "none");
  // `NEXT_PUBLIC_`, SvelteKit's `PUBLIC_`: a framework's browser prefix, not the vendor's word for the token.
  assert.notEqual(analyzeName("NEXT_PUBLIC_ACCESS_TOKEN").strength, "none");
  assert.notEqual(analyzeName("PUBLIC_ACCESS_TOKEN").strength, "none");
});

test("LiveKit's API key is the key pair's name, in every access token it signs; its API secret is the secret", () => {
  assert.deepEqual(secretsIn("src/livekit.ts", `const LIVEKIT_API_KEY = "APIx7Kq2LmZ9R4t";\nconst LIVEKIT_API_SECRET = "${TOKEN}";\n`), [TOKEN]);
  assert.equal(analyzeName("LIVEKIT_API_KEY").strength, "none");
  assert.notEqual(analyzeName("LIVEKIT_API_SECRET").strength, "none");
});
