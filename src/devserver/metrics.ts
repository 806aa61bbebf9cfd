import type { LogicalRequest, LogicalResponse } from "./request.js";
import type { State, TokenEntry } from "./state.js";
import { unsupportedOperation } from "./http-error.js";

// sys/metrics: Vault's telemetry endpoint (vault/logical_system.go handleMetrics
// and helper/metricsutil). JSON is go-metrics' in-memory summary
// ({Timestamp, Gauges, Points, Counters, Samples}); `?format=prometheus`, or an
// Accept header of application/openmetrics-text or one naming prometheus, is
// the Prometheus text exposition format. Names are Vault's, without the
// hostname part (as with `disable_hostname = true`, what Prometheus setups
// use). Only what this server really measures is reported: seal state, token
// and lease counts, the mount tables, memory, requests handled and tokens
// issued. The JSON summary is go-metrics' InmemSink as Vault configures it
// (10-second intervals kept for a minute; DisplayMetrics shows the last
// finished interval, or the current one when it is the only one), so counters
// and samples there cover one interval; the Prometheus text is cumulative, as
// Vault's Prometheus sink is. Nothing in them is a secret or a path a user
// chose.

type Labels = Record<string, string>;

interface Sampled {
  count: number;
  sum: number;
  sumSq: number;
  min: number;
  max: number;
}

/** Vault's metricsutil.TTLBucket: the creation_ttl label of vault.token.creation. */
const TTL_BUCKETS: Array<[number, string]> = [
  [60, "1m"],
  [600, "10m"],
  [1200, "20m"],
  [3600, "1h"],
  [7200, "2h"],
  [86400, "1d"],
  [172800, "2d"],
  [604800, "7d"],
  [2592000, "30d"],
];

export function ttlBucket(seconds: number): string {
  // A token without a TTL (root) never expires: Vault's bucket for it is the overflow one.
  if (seconds <= 0) return "+Inf";
  for (const [limit, label] of TTL_BUCKETS) if (seconds <= limit) return label;
  return "+Inf";
}

/** Labels sorted by name, as Go marshals a map and Prometheus prints them. */
const sorted = (labels: Labels): Labels => Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));

const key = (name: string, labels: Labels) => `${name}\n${JSON.stringify(Object.entries(labels).sort())}`;

/** Aggregates by metric name and labels. */
type Aggregates = Map<string, { name: string; labels: Labels; s: Sampled }>;

/** One go-metrics IntervalMetrics: what was counted and timed from `start` for one interval. */
interface Interval {
  start: number;
  counters: Aggregates;
  samples: Aggregates;
}

/** go-metrics AggregateSample.Ingest. */
function ingest(map: Aggregates, name: string, labels: Labels, value: number): void {
  const k = key(name, labels);
  let e = map.get(k);
  if (!e) {
    e = { name, labels: sorted(labels), s: { count: 0, sum: 0, sumSq: 0, min: value, max: value } };
    map.set(k, e);
  }
  const s = e.s;
  s.count++;
  s.sum += value;
  s.sumSq += value * value;
  s.min = Math.min(s.min, value);
  s.max = Math.max(s.max, value);
}

export interface MetricsClock {
  /** Interval length in ms (Vault: 10 s) and how many are kept (Vault: a minute's worth, 6). */
  intervalMs?: number;
  retain?: number;
  now?: () => number;
}

export class Metrics {
  /** Since the start of the process: what the Prometheus text reports. */
  private readonly counters = new Map<string, { name: string; labels: Labels; value: number }>();
  private readonly samples: Aggregates = new Map();
  /** The in-memory sink's intervals, oldest first: what the JSON summary reports. */
  private readonly intervals: Interval[] = [];
  private readonly intervalMs: number;
  private readonly retain: number;
  private readonly now: () => number;

  constructor(clock: MetricsClock = {}) {
    this.intervalMs = clock.intervalMs ?? 10_000;
    this.retain = clock.retain ?? 6;
    this.now = clock.now ?? Date.now;
  }

  /** go-metrics InmemSink.getInterval: the interval the current time falls in (start truncated to the interval), created on demand; old ones dropped. */
  private current(): Interval {
    const start = Math.floor(this.now() / this.intervalMs) * this.intervalMs;
    const last = this.intervals[this.intervals.length - 1];
    if (last && last.start === start) return last;
    const created: Interval = { start, counters: new Map(), samples: new Map() };
    this.intervals.push(created);
    while (this.intervals.length > this.retain) this.intervals.shift();
    return created;
  }

  increment(name: string, labels: Labels = {}, by = 1): void {
    const k = key(name, labels);
    const c = this.counters.get(k);
    if (c) c.value += by;
    else this.counters.set(k, { name, labels: sorted(labels), value: by });
    ingest(this.current().counters, name, labels, by);
  }

  /** One observation of a timing in milliseconds (go-metrics MeasureSince). */
  observe(name: string, ms: number, labels: Labels = {}): void {
    ingest(this.samples, name, labels, ms);
    ingest(this.current().samples, name, labels, ms);
  }

  /** A token was issued: vault.token.creation with Vault's labels. */
  tokenCreated(t: TokenEntry, state: State): void {
    let best = "";
    let method = "";
    if (t.path.startsWith("auth/")) {
      const rest = `${t.path.slice(5)}/`;
      for (const [p, m] of state.auth) {
        if (rest.startsWith(p) && p.length > best.length) {
          best = p;
          method = m.type;
        }
      }
    }
    const mountPoint = best === "" ? "" : `auth/${best}`;
    this.increment("vault.token.creation", {
      auth_method: method,
      mount_point: mountPoint,
      creation_ttl: ttlBucket(t.creationTtl),
      token_type: t.type ?? "service",
      namespace: "root",
    });
  }

  private gauges(state: State, sealed: boolean): Array<{ name: string; labels: Labels; value: number }> {
    const now = Date.now();
    let tokens = 0;
    let leases = 0;
    for (const t of state.tokens.values()) {
      if (t.expireTime !== 0 && t.expireTime <= now) continue;
      tokens++;
      if (t.expireTime !== 0 && t.type !== "batch") leases++;
    }
    const mem = process.memoryUsage();
    return [
      { name: "vault.core.active", labels: {}, value: 1 },
      { name: "vault.core.unsealed", labels: {}, value: sealed ? 0 : 1 },
      { name: "vault.core.mount_table.num_entries", labels: { type: "logical", local: "false" }, value: [...state.mounts.values()].filter((m) => !m.local).length },
      { name: "vault.core.mount_table.num_entries", labels: { type: "logical", local: "true" }, value: [...state.mounts.values()].filter((m) => m.local).length },
      { name: "vault.core.mount_table.num_entries", labels: { type: "auth", local: "false" }, value: [...state.auth.values()].filter((m) => !m.local).length },
      { name: "vault.expire.num_leases", labels: {}, value: leases },
      { name: "vault.token.count", labels: { namespace: "root" }, value: tokens },
      { name: "vault.runtime.alloc_bytes", labels: {}, value: mem.heapUsed },
      { name: "vault.runtime.sys_bytes", labels: {}, value: mem.rss },
    ];
  }

  /**
   * go-metrics' MetricsSummary, as Vault's sys/metrics returns it without a format (InmemSink.DisplayMetrics): the
   * last finished interval when there is one, else the current one; Timestamp is that interval's start; Rate is
   * Sum per second of the interval. Gauges are read now (Vault's collectors set them every second or so).
   */
  summary(state: State, sealed: boolean): Record<string, unknown> {
    this.current(); // Data() forces the current interval into existence first
    const n = this.intervals.length;
    const shown = this.intervals[n === 1 ? 0 : n - 2]!;
    const seconds = this.intervalMs / 1000;
    const sampled = (name: string, labels: Labels, s: Sampled) => {
      const mean = s.count > 0 ? s.sum / s.count : 0;
      const variance = s.count > 1 ? (s.sumSq - (s.sum * s.sum) / s.count) / (s.count - 1) : 0;
      return { Name: name, Count: s.count, Rate: s.sum / seconds, Sum: s.sum, Min: s.min, Max: s.max, Mean: mean, Stddev: Math.sqrt(Math.max(variance, 0)), Labels: labels };
    };
    return {
      Timestamp: goTime(new Date(shown.start)),
      Gauges: this.gauges(state, sealed).map((g) => ({ Name: g.name, Value: g.value, Labels: sorted(g.labels) })),
      Points: [],
      Counters: [...shown.counters.values()].map((c) => sampled(c.name, c.labels, c.s)),
      Samples: [...shown.samples.values()].map((e) => sampled(e.name, e.labels, e.s)),
    };
  }

  /** The Prometheus text exposition format (version 0.0.4), as Vault's prometheus sink renders these metrics. */
  prometheus(state: State, sealed: boolean): string {
    const families = new Map<string, { type: string; lines: string[] }>();
    const add = (name: string, type: string, line: string) => {
      const f = families.get(name) ?? { type, lines: [] };
      f.lines.push(line);
      families.set(name, f);
    };
    for (const g of this.gauges(state, sealed)) add(promName(g.name), "gauge", `${promName(g.name)}${promLabels(g.labels)} ${g.value}`);
    for (const c of this.counters.values()) add(promName(c.name), "counter", `${promName(c.name)}${promLabels(c.labels)} ${c.value}`);
    for (const e of this.samples.values()) {
      const n = promName(e.name);
      add(n, "summary", `${n}_sum${promLabels(e.labels)} ${e.s.sum}`);
      add(n, "summary", `${n}_count${promLabels(e.labels)} ${e.s.count}`);
    }
    let out = "";
    for (const name of [...families.keys()].sort()) {
      const f = families.get(name)!;
      out += `# HELP ${name} ${name}\n# TYPE ${name} ${f.type}\n${f.lines.join("\n")}\n`;
    }
    return out;
  }
}

/** Go's time.Time String() of a UTC time rounded to the second: "2026-11-23 14:05:00 +0000 UTC". */
function goTime(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace("T", " ")} +0000 UTC`;
}

function promName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_:]/g, "_");
}

function promLabels(labels: Labels): string {
  const entries = Object.entries(sorted(labels));
  if (entries.length === 0) return "";
  return `{${entries.map(([k, v]) => `${promName(k)}="${v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"')}"`).join(",")}}`;
}

const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/**
 * GET sys/metrics. The format comes from `format`, else from the Accept header (metricsutil.FormatFromRequest);
 * an unknown one is 400 with a plain-text body, as Vault answers.
 */
export function handleMetrics(req: LogicalRequest, metrics: Metrics, state: State, sealed: boolean): LogicalResponse {
  if (req.operation !== "read") throw unsupportedOperation();
  let format = typeof req.data.format === "string" ? req.data.format : "";
  if (format === "") {
    const accept = req.headers.accept;
    const values = Array.isArray(accept) ? accept : accept ? [accept] : [];
    if (values[0]?.startsWith("application/openmetrics-text") || values.some((v) => v.includes("prometheus"))) format = "prometheus";
  }
  if (format === "prometheus") return { raw: { status: 200, text: metrics.prometheus(state, sealed), contentType: PROMETHEUS_CONTENT_TYPE } };
  if (format === "") return { raw: { status: 200, body: metrics.summary(state, sealed) } };
  // Vault puts the requested format in the message; a format name is not a secret, but keep it short and printable.
  const shown = format.slice(0, 40).replace(/[^\w.\-+]/g, "?");
  return { raw: { status: 400, text: `metric response format "${shown}" unknown`, contentType: "text/plain" } };
}
