import { badRequest, unsupportedOperation } from "./http-error.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";
import type { CorsConfig, State } from "./state.js";

// sys/config/cors and what it turns on (vault/cors.go, http/cors.go
// wrapCORSHandler): with CORS enabled, a request with an Origin header from an
// allowed origin gets Access-Control-Allow-Origin and Vary; one from another
// origin gets 403 "origin not allowed"; a preflight (OPTIONS) gets the allowed
// methods and headers and an empty 200. Without an Origin header (CLI, SDKs)
// nothing changes. The route is root-protected (core.ts SUDO_PATHS) and its
// data is copied to the top level (README §3.5).

/** Headers Vault always allows (vault/cors.go StdAllowedHeaders). */
export const STD_ALLOWED_HEADERS = [
  "Content-Type",
  "X-Requested-With",
  "X-Vault-AWS-IAM-Server-ID",
  "X-Vault-MFA",
  "X-Vault-No-Request-Forwarding",
  "X-Vault-Wrap-Format",
  "X-Vault-Wrap-TTL",
  "X-Vault-Policy-Override",
  "Authorization",
  "X-Vault-Token",
];

/** Methods a preflight may ask for (http/cors.go allowedMethods). */
export const CORS_ALLOWED_METHODS = ["DELETE", "GET", "OPTIONS", "POST", "PUT", "LIST"];

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(",") : [];
  return items.map((s) => s.trim()).filter((s) => s !== "");
}

export function corsConfig(req: LogicalRequest, state: State): LogicalResponse | undefined {
  switch (req.operation) {
    case "read": {
      const c = state.cors;
      if (!c?.enabled) return { data: { enabled: false } };
      return { data: { enabled: true, allowed_origins: c.allowedOrigins, allowed_headers: c.allowedHeaders } };
    }
    case "create":
    case "update": {
      const origins = list(req.data.allowed_origins);
      if (origins.length === 0) throw badRequest("at least one origin or the wildcard must be provided.");
      if (origins.includes("*") && origins.length > 1) throw badRequest("to allow all origins the '*' must be the only value for allowed_origins");
      const headers = [...STD_ALLOWED_HEADERS];
      for (const h of list(req.data.allowed_headers)) if (!headers.includes(h)) headers.push(h);
      state.cors = { enabled: true, allowedOrigins: origins, allowedHeaders: headers };
      return undefined;
    }
    case "delete":
      state.cors = { enabled: false, allowedOrigins: [], allowedHeaders: [] };
      return undefined;
    default:
      throw unsupportedOperation();
  }
}

export type CorsDecision =
  | { kind: "pass" }
  | { kind: "forbidden" }
  | { kind: "preflight-refused" }
  | { kind: "preflight"; headers: Record<string, string> }
  | { kind: "allow"; headers: Record<string, string> };

/** What http/cors.go does with a request, before any route is looked at. */
export function corsDecision(config: CorsConfig | undefined, method: string, origin: string | undefined, requestMethod: string | undefined): CorsDecision {
  if (!config?.enabled || !origin) return { kind: "pass" };
  const all = config.allowedOrigins.length === 1 && config.allowedOrigins[0] === "*";
  if (!all && !config.allowedOrigins.includes(origin)) return { kind: "forbidden" };
  if (method === "OPTIONS" && !CORS_ALLOWED_METHODS.includes(requestMethod ?? "")) return { kind: "preflight-refused" };
  const headers: Record<string, string> = { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
  if (method === "OPTIONS") {
    return {
      kind: "preflight",
      headers: { ...headers, "Access-Control-Allow-Methods": CORS_ALLOWED_METHODS.join(","), "Access-Control-Allow-Headers": config.allowedHeaders.join(","), "Access-Control-Max-Age": "300" },
    };
  }
  return { kind: "allow", headers };
}
