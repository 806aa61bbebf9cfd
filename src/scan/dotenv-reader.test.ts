import { test } from "node:test";
import assert from "node:assert/strict";
import dotenv from "dotenv";
import { readDotenv, dotenvObject } from "./dotenv-reader.js";

const sample = [
  "# comment",
  "export DB_PASSWORD=hunter2hunter",
  "PORT=3000 # inline comment",
  "EMPTY=",
  "SINGLE='a b c'",
  'DOUBLE="line1\\nline2"',
  'MULTI="first',
  'second"',
  "SPACED = value with spaces  ",
  "DUP=one",
  "DUP=two",
  "",
].join("\n");

test("readDotenv returns the same key/value pairs as dotenv.parse", () => {
  for (const text of [sample, sample.replace(/\n/g, "\r\n"), "\ufeff" + sample]) {
    assert.deepEqual(dotenvObject(readDotenv(text)), dotenv.parse(text.replace(/^\ufeff/, "")));
  }
});

test("readDotenv keeps line numbers, columns and entry ranges", () => {
  const entries = readDotenv(sample);
  const byKey = (k: string) => entries.filter((e) => e.key === k);
  const pw = byKey("DB_PASSWORD")[0]!;
  assert.equal(pw.line, 2);
  assert.equal(pw.column, 8);
  assert.equal(pw.exported, true);
  assert.equal(sample.slice(pw.valueStart, pw.valueEnd), "hunter2hunter");
  assert.equal(sample.slice(pw.start, pw.end), "export DB_PASSWORD=hunter2hunter");
  const port = byKey("PORT")[0]!;
  assert.equal(sample.slice(port.start, port.end), "PORT=3000 # inline comment");
  const multi = byKey("MULTI")[0]!;
  assert.equal(multi.line, 7);
  assert.equal(multi.endLine, 8);
  assert.equal(multi.quote, '"');
  assert.equal(sample.slice(multi.start, multi.end), 'MULTI="first\nsecond"');
  const [d1, d2] = byKey("DUP");
  assert.equal(d1!.overridden, true);
  assert.equal(d2!.overridden, false);
});

test("readDotenv keeps offsets of CRLF files equal to the original text", () => {
  const crlf = sample.replace(/\n/g, "\r\n");
  const pw = readDotenv(crlf).find((e) => e.key === "DB_PASSWORD")!;
  assert.equal(crlf.slice(pw.valueStart, pw.valueEnd), "hunter2hunter");
  assert.equal(crlf.slice(pw.start, pw.end), "export DB_PASSWORD=hunter2hunter");
  const multi = readDotenv(crlf).find((e) => e.key === "MULTI")!;
  assert.equal(crlf.slice(multi.start, multi.end), 'MULTI="first\r\nsecond"');
});
