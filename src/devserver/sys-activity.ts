import { badRequest, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { has, int, str, type Data } from "./fields.js";
import type { State } from "./state.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// The client-count endpoints of the system backend, answered for an activity
// log that has never seen a client (this server counts none), as Vault 1.14
// answers them on a fresh server (vault/logical_system_activity.go,
// vault/activity_log.go, activity_log_util_common.go; api-docs/system/
// internal-counters):
// - `sys/internal/counters/config`: the community edition's defaults,
//   `enabled: "default-disabled"` (activityLogEnabledDefaultValue),
//   `default_report_months` 12, `retention_months` 24, `queries_available`
//   false; a write validates as handleActivityConfigUpdate does and is kept.
// - `sys/internal/counters/activity/monthly`: 204 while the log is disabled
//   (partialMonthClientCount returns nil); zero counts once enabled.
// - `sys/internal/counters/activity`: handleQuery finds no precomputed query
//   and carries on with the current month: 200 with zero totals, no
//   namespaces, the current month with zero counts and a placeholder
//   `{timestamp}` month (counts, namespaces, new_clients null) for each
//   earlier month of the range (modifyResponseMonths). The range defaults to
//   `default_report_months` months ending now (DefaultStartTime); both ends
//   widen to whole months; `start_time` after `end_time` is refused.

export interface ActivityConfig {
  default_report_months: number;
  retention_months: number;
  enabled: string;
}

const ENABLED = new Set(["enable", "disable", "default"]);
/** activityLogMaximumRetentionMonths. */
const MAX_RETENTION = 60;

const ZERO = { distinct_entities: 0, entity_clients: 0, non_entity_tokens: 0, non_entity_clients: 0, clients: 0 };

function configOf(state: State): ActivityConfig {
  return state.activityConfig ?? { default_report_months: 12, retention_months: 24, enabled: "default" };
}

const startOfMonth = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const endOfMonth = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1000);
const rfc3339 = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** framework.TypeTime: RFC 3339 or seconds since the epoch. */
function timeField(data: Data, field: string): Date | undefined {
  if (!has(data, field) || data[field] === "" || data[field] === null) return undefined;
  const v = data[field];
  const d = typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v)) ? new Date(Number(v) * 1000) : typeof v === "string" ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw badRequest(`error converting input ${String(v)} for field "${field}": expected RFC3339 time or seconds since the epoch`);
  return d;
}

export function activityCounters(req: LogicalRequest, state: State, rest: string): LogicalResponse | undefined {
  const config = configOf(state);
  const enabled = config.enabled === "enable";
  switch (rest.replace(/\/$/, "")) {
    case "config": {
      if (req.operation === "read") {
        return { data: { default_report_months: config.default_report_months, retention_months: config.retention_months, enabled: config.enabled === "default" ? "default-disabled" : config.enabled, queries_available: false } };
      }
      if (req.operation !== "create" && req.operation !== "update") throw unsupportedOperation();
      const next = { ...config };
      const warnings: string[] = [];
      if (has(req.data, "default_report_months")) next.default_report_months = int(req.data, "default_report_months");
      if (next.default_report_months <= 0) throw badRequest("default_report_months must be greater than 0");
      if (has(req.data, "retention_months")) next.retention_months = int(req.data, "retention_months");
      if (next.retention_months < 0) throw badRequest("retention_months must be greater than or equal to 0");
      if (next.retention_months > MAX_RETENTION) {
        next.retention_months = MAX_RETENTION;
        warnings.push(`retention_months cannot be greater than ${MAX_RETENTION}; capped to ${MAX_RETENTION}.`);
      }
      if (has(req.data, "enabled")) {
        const value = str(req.data, "enabled");
        if (!ENABLED.has(value)) throw badRequest('enabled must be one of "enable", "disable", "default"');
        next.enabled = value;
      }
      state.activityConfig = next;
      return warnings.length > 0 ? { warnings } : undefined;
    }
    case "activity/monthly":
      if (req.operation !== "read") throw unsupportedOperation();
      if (!enabled) return undefined;
      return { data: { by_namespace: [], months: [], ...ZERO } };
    case "activity": {
      if (req.operation !== "read") throw unsupportedOperation();
      const now = new Date();
      const end = timeField(req.data, "end_time") ?? now;
      const start = timeField(req.data, "start_time") ?? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - config.default_report_months + 1, 1));
      if (start.getTime() > end.getTime()) throw badRequest("start_time is later than end_time");
      const from = startOfMonth(start);
      const to = endOfMonth(end);
      const months: Data[] = [];
      // Only a range that ends in the current month computes a month (the current one, zero counts here), and the
      // months before it in the range are placeholders; a range in the past has no precomputed query and no months.
      const current = startOfMonth(to).getTime() === startOfMonth(now).getTime();
      if (current) for (let m = from; m.getTime() < startOfMonth(to).getTime(); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
        months.push({ timestamp: rfc3339(m), counts: null, namespaces: null, new_clients: null });
      }
      if (current) months.push({ timestamp: rfc3339(startOfMonth(to)), counts: { ...ZERO }, namespaces: [], new_clients: { counts: { ...ZERO }, namespaces: [] } });
      return { data: { start_time: rfc3339(from), end_time: rfc3339(to), by_namespace: [], total: { ...ZERO }, months } };
    }
    default:
      throw unsupportedPath();
  }
}
