import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { VaultConfigError } from "./errors.js";
import { FastTransport } from "./fast-transport.js";
import { TransportFailure } from "./transport.js";

const servers: Server[] = [];
const sockets = new Set<Socket>();
const transports: FastTransport[] = [];
after(async () => {
  for (const t of transports) t.close();
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A TCP server that answers each request with `answer(n)`: `pieces` are latin1 strings (one char = one byte), written with short pauses. */
async function rawServer(answer: (n: number, request: string) => { pieces: string[]; close?: boolean }): Promise<string> {
  let n = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buf = "";
    socket.setEncoding("latin1");
    socket.on("data", async (d: string) => {
      buf += d;
      for (;;) {
        const end = buf.indexOf("\r\n\r\n");
        if (end < 0) return;
        const len = Number(/content-length: (\d+)/i.exec(buf.slice(0, end))?.[1] ?? 0);
        if (buf.length < end + 4 + len) return;
        const request = buf.slice(0, end + 4 + len);
        buf = buf.slice(end + 4 + len);
        const a = answer(n++, request);
        for (const p of a.pieces) {
          socket.write(Buffer.from(p, "latin1"));
          await new Promise((r) => setTimeout(r, 2));
        }
        if (a.close) socket.end();
      }
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function transport(address: string, maxSockets = 8): FastTransport {
  const t = new FastTransport({ address, verify: true, maxSockets });
  transports.push(t);
  return t;
}

const json = JSON.stringify({ data: { k: "välue ✓" } });

test("Content-Length bodies, split across packets and across a multi-byte character, on one kept-alive socket", async () => {
  const bytes = Buffer.from(json);
  const cut = bytes.indexOf(Buffer.from("✓")) + 1; // inside the 3-byte character
  const address = await rawServer(() => ({
    pieces: [`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n` + bytes.subarray(0, cut).toString("latin1"), bytes.subarray(cut).toString("latin1")],
  }));
  const t = transport(address);
  for (let i = 0; i < 3; i++) {
    const r = await t.send("GET", "/v1/secret/data/x", { "x-vault-token": "t" }, undefined, 2000);
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { data: { k: "välue ✓" } });
  }
  assert.equal(sockets.size, 1, "the three requests shared one connection");
});

test("chunked bodies with extensions and trailers, an interim 100 answer, and headers", async () => {
  const half = Math.floor(json.length / 2);
  const address = await rawServer(() => ({
    pieces: [
      "HTTP/1.1 100 Continue\r\n\r\n",
      "HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\nRetry-After: 7\r\nLocation: /v1/elsewhere\r\n\r\n",
      `${Buffer.byteLength(json.slice(0, half)).toString(16)};ext=1\r\n${json.slice(0, half)}\r\n`,
      `${Buffer.byteLength(json.slice(half)).toString(16)}\r\n${json.slice(half)}\r\n0\r\nX-Trailer: y\r\n\r\n`,
    ].map((p) => Buffer.from(p).toString("latin1")),
  }));
  const r = await transport(address).send("GET", "/v1/x", {}, undefined, 2000);
  assert.deepEqual([r.status, r.retryAfter, r.location], [429, "7", "/v1/elsewhere"]);
  assert.deepEqual(JSON.parse(r.body), { data: { k: "välue ✓" } });
});

test("a body delimited by connection close, and Connection: close, end the socket after the answer", async () => {
  const address = await rawServer((n) =>
    n % 2 === 0 ? { pieces: ['HTTP/1.1 200 OK\r\n\r\n{"a":', "1}"], close: true } : { pieces: ["HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"], close: true },
  );
  const t = transport(address);
  const a = await t.send("GET", "/v1/a", {}, undefined, 2000);
  assert.equal(a.body, '{"a":1}');
  const b = await t.send("DELETE", "/v1/b", {}, undefined, 2000);
  assert.deepEqual([b.status, b.body], [204, ""]);
  const c = await t.send("GET", "/v1/c", {}, undefined, 2000);
  assert.equal(c.body, '{"a":1}');
});

test("requests beyond maxSockets wait for a free connection", async () => {
  let concurrent = 0;
  let peak = 0;
  const server = createHttpServer((req, res) => {
    concurrent++;
    peak = Math.max(peak, concurrent);
    setTimeout(() => {
      concurrent--;
      res.end("{}");
    }, 10);
  });
  servers.push(server as unknown as Server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  after(() => server.closeAllConnections());
  const t = transport(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 2);
  const all = await Promise.all(Array.from({ length: 8 }, () => t.send("GET", "/v1/x", {}, undefined, 5000)));
  assert.ok(all.every((r) => r.status === 200));
  assert.equal(peak, 2);
});

test("the request line, Host, headers and body are sent as given", async () => {
  let seen = "";
  const address = await rawServer((_, request) => {
    seen = request;
    return { pieces: ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"] };
  });
  await transport(address.replace(/$/, "/proxy")).send("POST", "/v1/secret/data/x", { "x-vault-token": "tok", "content-type": "application/json" }, '{"data":{"k":"ü"}}', 2000);
  const [head, body] = seen.split("\r\n\r\n");
  const lines = head!.split("\r\n");
  assert.equal(lines[0], "POST /proxy/v1/secret/data/x HTTP/1.1");
  assert.ok(lines.includes(`Host: ${new URL(address).host}`));
  assert.ok(lines.includes("x-vault-token: tok"));
  assert.ok(lines.includes(`content-length: ${Buffer.byteLength('{"data":{"k":"ü"}}')}`));
  assert.equal(Buffer.from(body!, "latin1").toString("utf8"), '{"data":{"k":"ü"}}');
});

test("a header value with a line break is refused without echoing it", async () => {
  const t = transport("http://127.0.0.1:9");
  await assert.rejects(t.send("GET", "/v1/x", { "x-vault-token": "abc\r\nX-Evil: CANARY_inject" }, undefined, 1000), (e: unknown) => e instanceof VaultConfigError && !e.message.includes("CANARY"));
});

test("a malformed answer and a connection dropped mid-body are TransportFailures", async () => {
  const bad = await rawServer(() => ({ pieces: ["SMTP ready\r\n\r\n"] }));
  await assert.rejects(transport(bad).send("GET", "/v1/x", {}, undefined, 2000), (e: unknown) => e instanceof TransportFailure && e.code === "EPROTO");
  const cut = await rawServer(() => ({ pieces: ["HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial"], close: true }));
  await assert.rejects(transport(cut).send("GET", "/v1/x", {}, undefined, 2000), (e: unknown) => e instanceof TransportFailure && !e.notSent);
});

test("a TLS handshake that never completes times out, and the half-open socket is dropped", async () => {
  const mine = new Set<Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
    mine.add(socket);
    socket.resume(); // read (and ignore) the ClientHello, so that the client's close is seen
    socket.on("close", () => {
      sockets.delete(socket);
      mine.delete(socket);
    });
  });
  servers.push(silent);
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const t = new FastTransport({ address: `https://127.0.0.1:${(silent.address() as AddressInfo).port}`, verify: false, maxSockets: 4 });
  transports.push(t);
  const t0 = Date.now();
  await assert.rejects(t.send("GET", "/v1/x", {}, undefined, 150), (e: unknown) => e instanceof TransportFailure && e.timedOut);
  assert.ok(Date.now() - t0 < 2000);
  const deadline = Date.now() + 2000;
  while (mine.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.equal(mine.size, 0, "the client closed the connection it could not use");
});
