import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeFile, encodeText } from "./text-encoding.js";
import { cleanEnvFile } from "../apply/env-cleaner.js";
import { collectCandidates } from "../classify/candidates.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("text-encoding");
after(() => tmp.remove());

const utf16be = (text: string): Buffer => Buffer.from("\ufeff" + text, "utf16le").swap16();

test("each encoding decodes to the text dotenv reads and encodes back to the same bytes", () => {
  const text = "# Zugangsdaten für die API\r\nPORT=3000\r\nDB_PASSWORD=Grün7xQ2mLp9\r\n";
  const cases: [Buffer, string][] = [
    [Buffer.from(text, "utf8"), "utf8"],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "utf16le"],
    [utf16be(text), "utf16be"],
    [Buffer.from(text, "latin1"), "latin1"],
  ];
  for (const [bytes, encoding] of cases) {
    const decoded = decodeFile(bytes);
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.text.replace(/^\ufeff/, ""), text, encoding);
    assert.ok(encodeText(decoded.text, decoded.encoding).equals(bytes), `${encoding} round trip`);
  }
});

test("a cleaned UTF-16BE .env stays UTF-16BE with its BOM and CRLF, without the migrated line", () => {
  const bytes = utf16be("A=1\r\nAPI_TOKEN=Vb7mQ2xL9pK4wZ8n\r\nB=2\r\n");
  const { text, encoding } = decodeFile(bytes);
  const cleaned = encodeText(cleanEnvFile(text, ["API_TOKEN"]), encoding);
  assert.ok(cleaned.equals(utf16be("A=1\r\nB=2\r\n")), cleaned.toString("hex"));
});

test("secrets are found in UTF-16 .env files; a non-ASCII secret of a Latin-1 file is moved as Latin-1 reads it, and said", () => {
  const root = writeTree(tmp.dir, { "package.json": "{}" });
  writeFileSync(join(root, ".env"), utf16be("PORT=3000\nSTRIPE_SECRET_KEY=rk_9fQ2mLx7Vb4Nw8Kc3Zt6\n"));
  writeFileSync(join(root, ".env.production"), Buffer.from("PORT=80\nSMTP_PASSWORD=Mot2passé9Qx7Lm\nAPI_SECRET=Zq8Lm3Vx7Kw2Np5R\n", "latin1"));
  const c = collectCandidates(root);
  assert.deepEqual(c.secrets.map((s) => `${s.source.file}:${s.name}`).sort(), [".env.production:API_SECRET", ".env.production:SMTP_PASSWORD", ".env:STRIPE_SECRET_KEY"]);
  assert.equal(c.secrets.find((s) => s.name === "SMTP_PASSWORD")!.value, "Mot2passé9Qx7Lm");
  // Only the value with letters outside ASCII is named; the message never holds it.
  const warned = c.warnings.filter((w) => w.code === "env-encoding");
  assert.deepEqual(warned.map((w) => `${w.file}:${w.line}`), [".env.production:2"]);
  assert.doesNotMatch(warned[0]!.message, /passé/);
  assert.match(warned[0]!.message, /encoding: "latin1"/);
});
