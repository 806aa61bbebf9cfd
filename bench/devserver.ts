import { request } from "node:http";
import { FastTransport } from "../src/runtime/fast-transport.js";
import { concurrent, sequential, spawnDevServer } from "./runtime.js";
import type { BenchContext, Benchmark, Table } from "./types.js";

// Dev server throughput for KV v2 reads, measured with a bare keep-alive HTTP
// client (so the figure is the server's, not a client library's), with the
// server in its own process. Target: >= 5,000 reads/s on 2 cores.

function reader(address: string, token: string, path: string): { read: () => Promise<void>; close: () => void } {
  // The runtime's raw-socket HTTP/1.1 transport: the cheapest client at hand,
  // so that on a 2-core machine as much CPU as possible is left to the server.
  const t = new FastTransport({ address, verify: true, maxSockets: 64 });
  const read = async (): Promise<void> => {
    const r = await t.send("GET", path, { "x-vault-token": token, "x-vault-request": "true" }, undefined, 30_000);
    if (r.status !== 200) throw new Error(`status ${r.status}`);
  };
  return { read, close: () => t.close() };
}

async function devServerReads(ctx: BenchContext): Promise<Table[]> {
  const server = await spawnDevServer(ctx.root);
  const r = reader(server.address, server.token, "/v1/secret/data/bench/throughput");
  try {
    await new Promise<void>((resolve, reject) => {
      const url = new URL(server.address);
      const body = JSON.stringify({ data: { password: "bench-value", user: "bench" } });
      const req = request(
        { host: url.hostname, port: url.port, method: "POST", path: "/v1/secret/data/bench/throughput", headers: { "x-vault-token": server.token, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`write failed: ${res.statusCode}`))));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    ctx.log("concurrency 1");
    const one = await sequential(10_000, 1000, r.read);
    ctx.log("concurrency 32");
    await concurrent(2000, 32, r.read);
    const many = await concurrent(30_000, 32, r.read);
    return [
      {
        title: "Dev server: KV v2 reads per second (bare keep-alive raw-socket HTTP client, server in its own process)",
        columns: ["concurrency", "reads/s", "p50 ms", "p99 ms"],
        rows: [
          [1, Math.round(one.opsPerSec), Math.round(one.p50Ms * 1000) / 1000, Math.round(one.p99Ms * 1000) / 1000],
          [32, Math.round(many), null, null],
        ],
        notes: [`Target: >= 5,000 reads/s on 2 cores. This machine: ${ctx.cpus} CPUs (client and server share them).`],
      },
    ];
  } finally {
    r.close();
    await server.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: "devserver-kv-reads",
    description: "dev server KV v2 reads/s at concurrency 1 and 32",
    run: devServerReads,
  },
];
