import { test } from "node:test";
import assert from "node:assert/strict";
import { crc32 } from "node:zlib";
import { parse as parseDotenv } from "dotenv";
import { parse as parseJs } from "@babel/parser";
import { BASE62, Prng, base62, checksummedToken, fakeSecret, generators, type FakeSecret } from "./fake-secrets.js";
import { accepts, buildConfigFile, camel, insertLines, newFileKinds, snippet, type Host } from "./plant.js";

const hosts: Host[] = ["js", "env", "yaml", "json", "python", "shell", "properties"];

/** The text between two 1-based (line, column) positions, end exclusive. */
function slice(text: string, p: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = text.split(/\r?\n/);
  if (p.line === p.endLine) return (lines[p.line - 1] ?? "").slice(p.column - 1, p.endColumn - 1);
  const first = (lines[p.line - 1] ?? "").slice(p.column - 1);
  const middle = lines.slice(p.line, p.endLine - 1);
  const last = (lines[p.endLine - 1] ?? "").slice(0, p.endColumn - 1);
  return [first, ...middle, last].join("\n");
}

function shown(secret: FakeSecret, host: Host): string {
  return host === "json" ? JSON.stringify(secret.value).slice(1, -1) : secret.value;
}

test("Prng is deterministic per seed", () => {
  const a = new Prng(42);
  const b = new Prng(42);
  const c = new Prng(43);
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(seqA, Array.from({ length: 5 }, () => b.next()));
  assert.notDeepEqual(seqA, Array.from({ length: 5 }, () => c.next()));
  assert.ok(seqA.every((x) => x >= 0 && x < 1));
});

test("base62 pads and uses the 0-9A-Za-z order", () => {
  assert.equal(base62(0, 6), "000000");
  assert.equal(base62(61, 1), "z");
  assert.equal(base62(62, 2), "10");
  assert.equal(base62(10, 1), "A");
});

test("checksummed GitHub/npm tokens carry the CRC32 of their random part in the last 6 chars", () => {
  const rng = new Prng(7);
  for (let i = 0; i < 50; i++) {
    const random = rng.chars(BASE62, 30);
    const token = checksummedToken("ghp_", random);
    assert.match(token, /^ghp_[0-9A-Za-z]{36}$/);
    let decoded = 0;
    for (const ch of token.slice(-6)) decoded = decoded * 62 + BASE62.indexOf(ch);
    assert.equal(decoded, crc32(token.slice(4, -6)));
  }
});

test("every generator produces its documented format", () => {
  const formats: Record<string, RegExp> = {
    "aws-access-key-id": /^AKIA[A-Z2-7]{16}$/,
    "aws-secret-access-key": /^[A-Za-z0-9/+]{40}$/,
    "github-pat": /^ghp_[A-Za-z0-9]{36}$/,
    "github-fine-grained-pat": /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/,
    "gitlab-pat": /^glpat-[A-Za-z0-9_-]{20}$/,
    "slack-bot-token": /^xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24}$/,
    "slack-webhook": /^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}$/,
    "stripe-secret-key": /^sk_live_[A-Za-z0-9]{99}$/,
    "google-api-key": /^AIza[A-Za-z0-9_-]{35}$/,
    "openai-api-key": /^sk-proj-[A-Za-z0-9_-]{74}T3BlbkFJ[A-Za-z0-9_-]{74}$/,
    "anthropic-api-key": /^sk-ant-api03-[A-Za-z0-9_-]{93}AA$/,
    "npm-token": /^npm_[A-Za-z0-9]{36}$/,
    "sendgrid-api-key": /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/,
    "twilio-api-key": /^SK[0-9a-f]{32}$/,
    "shopify-access-token": /^shpat_[0-9a-f]{32}$/,
    "vault-token": /^hvs\.[A-Za-z0-9]{24}$/,
    "postgres-url": /^postgres:\/\/\w+:[A-Za-z0-9]{22}@[\w.-]+:5432\/\w+$/,
    "generic-password": /^\S{20}$/,
    "generic-hex-secret": /^[0-9a-f]{64}$/,
    "azure-storage-connection-string": /^DefaultEndpointsProtocol=https;AccountName=\w+;AccountKey=[A-Za-z0-9+/]{86}==;EndpointSuffix=core\.windows\.net$/,
    "rsa-private-key": /^-----BEGIN RSA PRIVATE KEY-----\n(?:[A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/]{1,64}\n-----END RSA PRIVATE KEY-----$/,
  };
  const rng = new Prng(1);
  assert.deepEqual(generators.map((g) => g.provider).sort(), Object.keys(formats).sort());
  for (const g of generators) {
    for (let i = 0; i < 5; i++) assert.match(fakeSecret(rng, g).value, formats[g.provider] as RegExp, g.provider);
  }
});

test("camel turns env names into JS identifiers", () => {
  assert.equal(camel("AWS_SECRET_ACCESS_KEY"), "awsSecretAccessKey");
  assert.equal(camel("GH_TOKEN"), "ghToken");
});

test("snippet locates the secret in every host format, single- and multi-line", () => {
  const rng = new Prng(3);
  for (const g of generators) {
    for (const host of hosts) {
      const secret = fakeSecret(rng, g);
      if (!accepts(host, secret)) continue;
      for (let i = 0; i < 4; i++) {
        const s = snippet(secret, host, rng);
        const text = s.lines.join("\n");
        const got = slice(text, { line: s.line + 1, column: s.column + 1, endLine: s.endLine + 1, endColumn: s.endColumn + 1 });
        assert.equal(got, host === "yaml" && secret.value.includes("\n") ? secret.value.replace(/\n/g, "\n  ") : shown(secret, host), `${g.provider} in ${host}`);
      }
    }
  }
});

test("insertLines: start (after a shebang), end (with or without a final newline), CRLF kept", () => {
  assert.deepEqual(insertLines("a\nb\n", ["X"], "start"), { text: "X\na\nb\n", firstLine: 1 });
  assert.deepEqual(insertLines("#!/usr/bin/env node\na\n", ["X", "Y"], "start"), { text: "#!/usr/bin/env node\nX\nY\na\n", firstLine: 2 });
  assert.deepEqual(insertLines("a\nb\n", ["X"], "end"), { text: "a\nb\nX\n", firstLine: 3 });
  assert.deepEqual(insertLines("a\nb", ["X"], "end"), { text: "a\nb\nX\n", firstLine: 3 });
  assert.deepEqual(insertLines("a\r\nb\r\n", ["X", "Y"], "end"), { text: "a\r\nb\r\nX\r\nY\r\n", firstLine: 3 });
  assert.deepEqual(insertLines("", ["X"], "end"), { text: "X\n", firstLine: 1 });
});

test("a secret appended to or prepended to a JS module keeps it parseable, at the recorded line", () => {
  const original = "#!/usr/bin/env node\nimport x from 'y';\nexport function f() {\n  return x;\n}";
  const rng = new Prng(11);
  for (const g of generators) {
    const secret = fakeSecret(rng, g);
    for (const where of ["start", "end"] as const) {
      const s = snippet(secret, "js", rng);
      const { text, firstLine } = insertLines(original, s.lines, where);
      parseJs(text, { sourceType: "module" });
      const pos = { line: firstLine + s.line, column: s.column + 1, endLine: firstLine + s.endLine, endColumn: s.endColumn + 1 };
      assert.equal(slice(text, pos), secret.value, `${g.provider} at ${where}`);
    }
  }
});

test("buildConfigFile: valid .env (dotenv reads each value back) and JSON, positions exact in every kind", () => {
  const rng = new Prng(5);
  for (let round = 0; round < 20; round++) {
    for (const kind of newFileKinds) {
      const secrets: FakeSecret[] = [];
      while (secrets.length < 3) {
        const s = fakeSecret(rng);
        if (accepts(kind.host, s) && !secrets.some((x) => x.name === s.name)) secrets.push(s);
      }
      const { text, positions } = buildConfigFile(kind.host, secrets, rng);
      assert.equal(positions.length, secrets.length);
      secrets.forEach((secret, i) => {
        const p = positions[i];
        assert.ok(p, `position ${i}`);
        const expected = kind.host === "yaml" && secret.value.includes("\n") ? secret.value.replace(/\n/g, "\n  ") : shown(secret, kind.host);
        assert.equal(slice(text, p), expected, `${secret.provider} in ${kind.path}`);
      });
      if (kind.host === "env") {
        const parsed = parseDotenv(text);
        for (const s of secrets) assert.equal(parsed[s.name], s.value);
        assert.equal(parsed.PORT, "3000");
      }
      if (kind.host === "json") {
        const parsed = JSON.parse(text) as Record<string, string>;
        for (const s of secrets) assert.equal(parsed[camel(s.name)], s.value);
      }
      if (kind.host === "shell") assert.ok(text.startsWith("#!/bin/sh\nset -eu\n"));
    }
  }
});
