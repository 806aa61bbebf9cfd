import { createHmac } from "node:crypto";
import { chmodSync, closeSync, openSync, writeSync } from "node:fs";
import { timestamp, uuid } from "./ids.js";
import { badRequest, VaultHttpError } from "./http-error.js";
import type { AuditDeviceEntry, MountEntry, State, TokenEntry } from "./state.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// File audit devices (openbao/docs/audit/index.mdx, audit/file.mdx; entry
// layout README §12.4 from Vault's audit/format.go): one JSON object per line,
// a "request" line before the work and a "response" line after it, sharing
// request.id. Strings in data, tokens and accessors are replaced by
// "hmac-sha256:<hex>" keyed by the device's salt; numbers and booleans stay.

/** Paths never audited (vault-1.14/docs/audit/index.mdx). */
const NON_AUDITED = /^sys\/(init|seal-status|seal|unseal|leader|health|step-down|rekey(-recovery-key)?\/.*|internal\/ui\/feature-flags|storage\/raft\/(bootstrap|join))$/;

export function isAudited(path: string): boolean {
  return !NON_AUDITED.test(path);
}

export function hmacOf(salt: string, value: string): string {
  return `hmac-sha256:${createHmac("sha256", salt).update(value).digest("hex")}`;
}

function hashValue(salt: string, value: unknown, nonHmacKeys: Set<string>): unknown {
  if (typeof value === "string") return hmacOf(salt, value);
  if (Array.isArray(value)) return value.map((v) => hashValue(salt, v, nonHmacKeys));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: nonHmacKeys.has(k) ? v : hashValue(salt, v, nonHmacKeys), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

interface OpenDevice {
  entry: AuditDeviceEntry;
  fd: number | "stdout" | "discard";
}

export interface AuditRecord {
  req: LogicalRequest;
  token: TokenEntry | undefined;
  mount: MountEntry | undefined;
  response?: LogicalResponse | undefined;
  error?: string;
}

export class AuditBroker {
  private devices = new Map<string, OpenDevice>();

  constructor(private readonly state: State) {
    for (const entry of state.audit.values()) this.devices.set(entry.path, { entry, fd: this.open(entry) });
  }

  get enabled(): boolean {
    return this.devices.size > 0;
  }

  private open(entry: AuditDeviceEntry): OpenDevice["fd"] {
    const file = entry.options.file_path!;
    if (file === "stdout") return "stdout";
    if (file === "discard") return "discard";
    const mode = parseInt(entry.options.mode ?? "0600", 8) & 0o666; // never executable (CVE-2025-6000)
    try {
      const fd = openSync(file, "a", mode || 0o600);
      if (mode !== 0) chmodSync(file, mode);
      return fd;
    } catch (error) {
      throw badRequest(`sanity check failed; unable to open "${file}" for writing: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }

  enable(path: string, type: string, description: string, options: Record<string, string>, local: boolean): void {
    if (type !== "file") throw badRequest(`unknown backend type: "${type}"`);
    if (!options.file_path) throw badRequest("file_path is required");
    const key = path.endsWith("/") ? path : `${path}/`;
    if (this.state.audit.has(key)) throw badRequest(`path already in use`);
    const format = options.format ?? "json";
    if (format !== "json") throw badRequest(`unknown format type "${format}"`);
    const entry: AuditDeviceEntry = { path: key, type, description, options: { ...options }, local, salt: uuid() };
    const fd = this.open(entry);
    this.state.audit.set(key, entry);
    this.devices.set(key, { entry, fd });
  }

  disable(path: string): void {
    const key = path.endsWith("/") ? path : `${path}/`;
    const dev = this.devices.get(key);
    if (dev && typeof dev.fd === "number") closeSync(dev.fd);
    this.devices.delete(key);
    this.state.audit.delete(key);
  }

  close(): void {
    for (const dev of this.devices.values()) if (typeof dev.fd === "number") closeSync(dev.fd);
    this.devices.clear();
  }

  hash(path: string, input: string): string {
    const key = path.endsWith("/") ? path : `${path}/`;
    const dev = this.devices.get(key);
    if (!dev) throw badRequest("unknown audit backend");
    return hmacOf(dev.entry.salt, input);
  }

  log(kind: "request" | "response", rec: AuditRecord): void {
    if (this.devices.size === 0 || !isAudited(rec.req.path)) return;
    let wrote = 0;
    for (const dev of this.devices.values()) {
      const line = this.format(dev.entry, kind, rec);
      try {
        if (dev.fd === "stdout") process.stdout.write(line);
        else if (typeof dev.fd === "number") writeSync(dev.fd, line);
        wrote++;
      } catch {
        // another device may still succeed; if none does the request fails below
      }
    }
    // "If no enabled device can write a request's entry, the request fails" (audit/index.mdx).
    if (wrote === 0) throw new VaultHttpError(500, ["internal error"]);
  }

  private format(entry: AuditDeviceEntry, kind: "request" | "response", rec: AuditRecord): string {
    const raw = entry.options.log_raw === "true";
    const hmacAccessor = entry.options.hmac_accessor !== "false";
    const h = (s: string) => (raw || s === "" ? s : hmacOf(entry.salt, s));
    const ha = (s: string) => (hmacAccessor ? h(s) : s);
    const cfg = rec.mount?.config;
    const reqKeys = new Set(cfg?.audit_non_hmac_request_keys ?? []);
    const respKeys = new Set(cfg?.audit_non_hmac_response_keys ?? []);
    const data = (d: unknown, keys: Set<string>) => (raw ? d : hashValue(entry.salt, d, keys));
    const { req, token } = rec;
    const auth: Record<string, unknown> = {};
    if (token) {
      auth.client_token = h(token.id);
      auth.accessor = ha(token.accessor);
      auth.display_name = token.displayName;
      auth.policies = token.policies;
      auth.token_policies = token.policies;
      if (token.meta) auth.metadata = token.meta;
      auth.token_type = "service";
      if (token.creationTtl) auth.token_ttl = token.creationTtl;
      auth.token_issue_time = new Date(token.creationTime).toISOString().replace(/\.\d{3}Z$/, "Z");
      if (token.numUses) auth.remaining_uses = token.numUses;
    }
    const request: Record<string, unknown> = {
      id: req.id,
      operation: req.operation,
      mount_type: rec.mount?.type,
      mount_accessor: rec.mount?.accessor,
      mount_point: rec.mount ? req.mountPoint : undefined,
      client_token: req.clientToken ? h(req.clientToken) : undefined,
      client_token_accessor: token ? ha(token.accessor) : undefined,
      namespace: { id: "root" },
      path: req.path,
      data: Object.keys(req.data).length > 0 ? data(req.data, reqKeys) : undefined,
      remote_address: req.remoteAddress,
      remote_port: req.remotePort,
    };
    const line: Record<string, unknown> = { time: timestamp(), type: kind, auth, request };
    if (kind === "response") {
      const resp = rec.response;
      const response: Record<string, unknown> = { mount_type: rec.mount?.type, mount_accessor: rec.mount?.accessor, mount_point: rec.mount ? req.mountPoint : undefined };
      if (resp?.auth) {
        response.auth = {
          client_token: h(resp.auth.client_token),
          accessor: ha(resp.auth.accessor),
          display_name: undefined,
          policies: resp.auth.policies,
          token_policies: resp.auth.token_policies,
          metadata: resp.auth.metadata ?? undefined,
          token_type: resp.auth.token_type,
          token_ttl: resp.auth.lease_duration,
        };
      }
      let respData = resp?.data ?? undefined;
      if (respData && req.operation === "list" && entry.options.elide_list_responses === "true") {
        respData = { ...respData };
        if (Array.isArray(respData.keys)) respData.keys = respData.keys.length;
        if (respData.key_info && typeof respData.key_info === "object") respData.key_info = Object.keys(respData.key_info).length;
      }
      if (respData) response.data = data(respData, respKeys);
      if (resp?.warnings && resp.warnings.length > 0) response.warnings = resp.warnings;
      line.response = response;
    }
    if (rec.error) line.error = rec.error;
    return `${entry.options.prefix ?? ""}${JSON.stringify(line)}\n`;
  }
}
