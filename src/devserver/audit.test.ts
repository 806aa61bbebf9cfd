import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller } from "./test-support.js";

// The file audit device (openbao/docs/audit/index.mdx, audit/file.mdx,
// api/system/audit.mdx, api/system/audit-hash.mdx; README §12).

const CANARY = "CANARY_audit_secret_4b2f9d";

describe("file audit device", () => {
  let s: DevServer;
  let dir: string;
  let log: string;
  const call = apiCaller(() => s);
  const lines = (file = log) => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "vaultshift-audit-"));
    log = join(dir, "audit.log");
    s = await startDevServer({ port: 0, auditLog: log });
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("--audit-log enables a file device listed under sys/audit with a trailing slash; the file is 0600", async () => {
    const r = await call("GET", "sys/audit");
    assert.equal(r.status, 200);
    assert.equal(r.body.data["file/"].type, "file");
    assert.equal(r.body.data["file/"].options.file_path, log);
    assert.equal(r.body["file/"].type, "file", "copied to the top level");
    assert.equal(statSync(log).mode & 0o777, 0o600);
  });

  test("a request and its response are two JSON lines sharing request.id; strings are HMAC'd, numbers and booleans kept", async () => {
    const w = await call("POST", "secret/data/audited", { data: { password: CANARY, port: 5432, tls: true } });
    assert.equal(w.status, 200);
    const all = lines();
    const reqLine = all.find((l) => l.type === "request" && l.request.path === "secret/data/audited");
    assert.ok(reqLine, "request line written");
    const respLine = all.find((l) => l.type === "response" && l.request.id === reqLine.request.id);
    assert.ok(respLine, "response line shares request.id");
    assert.match(reqLine.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/);
    assert.equal(reqLine.request.operation, "create");
    assert.equal(reqLine.request.mount_type, "kv");
    assert.equal(reqLine.request.remote_address, "127.0.0.1");
    const hashed = reqLine.request.data.data;
    assert.match(hashed.password, /^hmac-sha256:[0-9a-f]{64}$/);
    assert.equal(hashed.port, 5432);
    assert.equal(hashed.tls, true);
    assert.match(reqLine.auth.client_token, /^hmac-sha256:/);
    assert.match(reqLine.request.client_token, /^hmac-sha256:/);
    assert.match(reqLine.auth.accessor, /^hmac-sha256:/, "hmac_accessor defaults to true");
    assert.deepEqual(reqLine.auth.policies, ["root"]);
    assert.equal(respLine.response.data.version, 1);
    assert.match(respLine.response.data.created_time, /^hmac-sha256:/, "response strings are hashed too");
    const text = readFileSync(log, "utf8");
    assert.ok(!text.includes(CANARY), "the secret never appears in the log");
    assert.ok(!text.includes(s.rootToken), "the token never appears in the log");
  });

  test("sys/audit-hash computes the same HMAC as the log, keyed by the device's salt", async () => {
    const h = await call("POST", "sys/audit-hash/file", { input: CANARY });
    assert.equal(h.status, 200);
    assert.match(h.body.data.hash, /^hmac-sha256:[0-9a-f]{64}$/);
    assert.equal(h.body.hash, h.body.data.hash, "also at the top level");
    const reqLine = lines().find((l) => l.type === "request" && l.request.path === "secret/data/audited")!;
    assert.equal(reqLine.request.data.data.password, h.body.data.hash);
    assert.notEqual(h.body.data.hash, `hmac-sha256:${createHmac("sha256", "").update(CANARY).digest("hex")}`, "a salt is used");
    assert.equal((await call("POST", "sys/audit-hash/nope", { input: "x" })).status, 400);
  });

  test("reads, denied requests and logins are logged; sys/health is not", async () => {
    await call("GET", "secret/data/audited");
    await call("GET", "secret/data/audited", undefined, "hvs.bogus");
    await fetch(`${s.address}/v1/sys/health`).then((r) => r.text());
    const all = lines();
    assert.ok(all.some((l) => l.type === "request" && l.request.operation === "read" && l.request.path === "secret/data/audited"));
    assert.ok(all.some((l) => l.error && /permission denied/.test(l.error)));
    assert.ok(!all.some((l) => l.request?.path === "sys/health"), "sys/health is not audited");
  });

  test("a second device with log_raw and hmac_accessor=false; disabling stops it", async () => {
    const raw = join(dir, "raw.log");
    assert.equal((await call("PUT", "sys/audit/raw", { type: "file", options: { file_path: raw, log_raw: true, hmac_accessor: false } })).status, 204);
    const tok = (await call("POST", "auth/token/create", { ttl: "5m" })).body.auth;
    await call("GET", "auth/token/lookup-self", undefined, tok.client_token);
    const entry = lines(raw).find((l) => l.type === "request" && l.request.path === "auth/token/lookup-self")!;
    assert.equal(entry.auth.client_token, tok.client_token, "log_raw keeps values");
    assert.equal(entry.auth.accessor, tok.accessor);
    assert.equal((await call("DELETE", "sys/audit/raw")).status, 204);
    const before = readFileSync(raw, "utf8").length;
    await call("GET", "sys/mounts");
    assert.equal(readFileSync(raw, "utf8").length, before);
    assert.equal((await call("GET", "sys/audit")).body.data["raw/"], undefined);
  });

  test("a device without file_path or of an unknown type is refused with 400", async () => {
    assert.equal((await call("PUT", "sys/audit/x", { type: "file", options: {} })).status, 400);
    assert.equal((await call("PUT", "sys/audit/y", { type: "socket", options: { address: "127.0.0.1:9" } })).status, 400);
  });
});
