import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { progressPrinter, style } from "./progress.js";
import { demoEnvironments } from "./demo.js";
import type { ProgressEvent } from "../plan/types.js";

const events: ProgressEvent[] = [
  { stage: "scan", step: 1, total: 1, message: "reading files" },
  { stage: "write", step: 1, total: 2, message: "writing a" },
  { stage: "write", step: 2, total: 2, message: "writing b" },
  { stage: "verify", step: 1, total: 1, message: "reading back" },
];

test("without a terminal: one line per stage, no control characters", () => {
  let out = "";
  const p = progressPrinter((t) => (out += t), false, style(false), "  ");
  for (const e of events) p.onProgress(e);
  p.done();
  assert.equal(out, "  scan      reading files\n  write     1/2 writing a\n  verify    reading back\n");
});

test("on a terminal: the stage's line is rewritten in place and kept when the stage changes", () => {
  let out = "";
  const p = progressPrinter((t) => (out += t), true, style(false), "");
  for (const e of events) p.onProgress(e);
  p.done();
  assert.equal(out, "\r\x1b[Kscan      reading files\n\r\x1b[Kwrite     1/2 writing a\r\x1b[Kwrite     2/2 writing b\n\r\x1b[Kverify    reading back\n");
});

test("demo environments come from the .env file names, development first, examples ignored", () => {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-envs-"));
  try {
    for (const f of [".env.production", ".env", ".env.example", ".env.staging", ".env.qa"]) writeFileSync(join(dir, f), "");
    assert.deepEqual(demoEnvironments(dir), ["development", "staging", "production", "qa"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
