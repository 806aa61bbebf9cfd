import { cpus, hostname, platform, release, totalmem, freemem, uptime, arch, type } from "node:os";
import { unsupportedOperation } from "./http-error.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// Read-only sys/ routes that clients call on connect to learn about the
// server: sys/version-history (Vault 1.10+, LIST; the UI and `vault version-history`)
// and sys/host-info (`vault debug`, monitoring). Both describe this process;
// nothing in them is secret.

/** LIST sys/version-history: one entry, the version this server reports. */
export function versionHistory(req: LogicalRequest, version: string, installed: string, buildDate: string): LogicalResponse {
  if (req.operation !== "list") throw unsupportedOperation();
  return { data: { keys: [version], key_info: { [version]: { build_date: buildDate, previous_version: null, timestamp_installed: installed } } } };
}

/** GET sys/host-info: the fields of gopsutil's structs that Vault returns, filled from node:os. */
export function hostInfo(req: LogicalRequest): LogicalResponse {
  if (req.operation !== "read") throw unsupportedOperation();
  const now = new Date();
  const total = totalmem();
  const available = freemem();
  return {
    data: {
      cpu: cpus().map((c, i) => ({ cpu: i, vendorId: "", family: "", model: "", stepping: 0, physicalId: "", coreId: "", cores: 1, modelName: c.model, mhz: c.speed, cacheSize: 0, flags: [], microcode: "" })),
      cpu_times: cpus().map((c, i) => ({ cpu: `cpu${i}`, user: c.times.user / 1000, system: c.times.sys / 1000, idle: c.times.idle / 1000, nice: c.times.nice / 1000, iowait: 0, irq: c.times.irq / 1000, softirq: 0, steal: 0, guest: 0, guestNice: 0 })),
      disk: [],
      host: {
        hostname: hostname(),
        uptime: Math.floor(uptime()),
        bootTime: Math.floor(Date.now() / 1000 - uptime()),
        procs: 0,
        os: platform(),
        platform: type().toLowerCase(),
        platformFamily: "",
        platformVersion: release(),
        kernelVersion: release(),
        kernelArch: arch(),
        virtualizationSystem: "",
        virtualizationRole: "",
        hostid: "",
      },
      memory: { total, available, used: total - available, usedPercent: total > 0 ? ((total - available) / total) * 100 : 0, free: available },
      timestamp: now.toISOString(),
    },
  };
}

/** The plugins this server has, by catalog type: what `vault plugin list` and `vault secrets enable` can use. */
export const BUILTIN_PLUGINS: Record<string, string[]> = {
  auth: ["approle", "jwt", "kubernetes", "userpass"],
  database: [],
  secret: ["cubbyhole", "kv", "transit"],
};

/** GET sys/plugins/catalog and LIST sys/plugins/catalog/:type (all builtin, version "v<server>+builtin"). */
export function pluginCatalog(req: LogicalRequest, rest: string, version: string): LogicalResponse {
  const type = rest.replace(/\/$/, "");
  if (type === "") {
    if (req.operation !== "read") throw unsupportedOperation();
    const detailed = Object.entries(BUILTIN_PLUGINS).flatMap(([t, names]) => names.map((name) => ({ builtin: true, deprecation_status: "supported", name, type: t, version: `v${version}+builtin` })));
    return { data: { ...BUILTIN_PLUGINS, detailed } };
  }
  const names = BUILTIN_PLUGINS[type];
  if (!names || req.operation !== "list") throw unsupportedOperation();
  return { data: { keys: names } };
}

/** GET sys/ha-status: this single node, active (Vault 1.11+; `vault operator members`). */
export function haStatus(req: LogicalRequest, address: string, version: string): LogicalResponse {
  if (req.operation !== "read") throw unsupportedOperation();
  return { data: { nodes: [{ hostname: hostname(), api_address: address, cluster_address: "", active_node: true, last_echo: null, version, upgrade_version: version, redundancy_zone: "" }] } };
}

/** GET sys/key-status: the barrier key term (`vault operator key-status`); sys/rotate moves it on. */
export function keyStatus(req: LogicalRequest, term: { term: number; installTime: string }): LogicalResponse {
  if (req.operation !== "read") throw unsupportedOperation();
  return { data: { term: term.term, install_time: term.installTime, encryptions: 0 } };
}
