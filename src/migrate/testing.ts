import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { startDevServer, type DevServer } from "../devserver/index.js";

// Helpers for the pipeline's tests: fixture copies in temp dirs, a private
// state directory, byte snapshots of a tree, raw reads of the dev server
// (tests check Vault with their own requests, not with the code under test).

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/", import.meta.url));

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `vaultshift-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One in-process dev server for the test file: started before its tests,
 * closed after them (then `cleanup` runs). The getter throws outside a test.
 */
export function fileDevServer(cleanup: () => void): () => DevServer {
  let server: DevServer | undefined;
  before(async () => {
    server = await startDevServer({ port: 0 });
  });
  after(async () => {
    await server?.close();
    cleanup();
  });
  return () => {
    if (!server) throw new Error("the dev server starts in before(); use it inside a test");
    return server;
  };
}

/** A fresh directory under `dir` holding `files` (path → text), subdirectories made as needed. */
export function writeTree(dir: string, files: Record<string, string>): string {
  const root = join(dir, String(Math.random()).slice(2));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** A copy of fixtures/<name> in a temp dir (tests never mutate the fixture itself). */
export function copyFixture(name: string, into: string): string {
  const dest = join(into, name);
  cpSync(join(FIXTURES, name), dest, { recursive: true });
  return dest;
}

export interface PipelineCase {
  root: string;
  env: { VAULTSHIFT_STATE_DIR: string; HOME: string };
  stateDir: string;
  vault: { address: string; token: string };
  /** The copy's bytes before anything ran. */
  original: Map<string, Buffer>;
  /** 1, 2, 3… per test file (for unique app names). */
  n: number;
}

/**
 * What every pipeline test file needs: one in-process dev server for the file
 * (started before, closed after), a temp dir, and per test a fresh copy of a
 * fixture with its own state directory and HOME.
 */
export function pipelineCases(prefix: string, fixture = "pipeline-basic") {
  const tmp = tempDir(prefix);
  const devServer = fileDevServer(tmp.remove);
  let n = 0;
  return {
    tmp,
    get server(): DevServer {
      return devServer();
    },
    next(): PipelineCase {
      const base = join(tmp.dir, `case-${++n}`);
      const root = copyFixture(fixture, base);
      const env = { VAULTSHIFT_STATE_DIR: join(base, "state"), HOME: base };
      const s = this.server;
      return { root, env, stateDir: env.VAULTSHIFT_STATE_DIR, vault: { address: s.address, token: s.rootToken }, original: snapshot(root), n };
    },
  };
}

/** Every file under `root` (relative path → bytes). */
export function snapshot(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(root, full), readFileSync(full));
    }
  };
  walk(root);
  return out;
}

/** All text under a directory, concatenated (to look for canaries). */
export function allText(root: string): string {
  return [...snapshot(root).values()].map((b) => b.toString("utf8")).join("\n");
}

/** The CANARY values planted in a fixture (every value containing CANARY in its files). */
export function canaries(root: string): string[] {
  const found = new Set<string>();
  for (const text of [...snapshot(root).values()].map((b) => b.toString("utf8"))) {
    for (const m of text.matchAll(/[A-Za-z0-9_:/@.-]*CANARY[A-Za-z0-9_]*/g)) found.add(m[0]);
  }
  return [...found].flatMap((c) => [c, ...c.split(/[:/@]/).filter((p) => p.includes("CANARY"))]);
}

export interface RawVault {
  get(path: string): Promise<{ status: number; body: any }>;
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export function rawVault(address: string, token: string): RawVault {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${address}/v1/${path}`, {
      method,
      headers: { "X-Vault-Token": token, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(5000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (path) => send("GET", path), send };
}
