import type { LogicalResponse } from "./request.js";

// The JSON body of a successful response (README §3.1): request_id, lease_id,
// renewable, lease_duration, data, wrap_info, warnings, auth, plus mount_type
// as current Vault sends; some sys routes copy data to the top level (§3.5).

export function envelope(resp: LogicalResponse | undefined, requestId: string, mountType: string | undefined): { status: number; body?: unknown; text?: { body: string; contentType: string } } {
  if (resp?.raw?.text !== undefined) return { status: resp.raw.status, text: { body: resp.raw.text, contentType: resp.raw.contentType ?? "text/plain" } };
  if (resp?.raw) return { status: resp.raw.status, body: resp.raw.body };
  const hasContent = resp && (resp.data != null || resp.auth != null || resp.leaseId !== undefined || (resp.warnings != null && resp.warnings.length > 0));
  if (!hasContent) return resp?.status && resp.status !== 204 ? { status: resp.status, body: { errors: [] } } : { status: 204 };
  const body: Record<string, unknown> = {
    request_id: requestId,
    lease_id: resp.leaseId ?? "",
    renewable: resp.renewable ?? false,
    lease_duration: resp.leaseDuration ?? 0,
    data: resp.data ?? null,
    wrap_info: null,
    warnings: resp.warnings && resp.warnings.length > 0 ? resp.warnings : null,
    auth: resp.auth ?? null,
  };
  if (mountType) body.mount_type = mountType;
  if (resp.topLevel && resp.data) {
    for (const [k, v] of Object.entries(resp.data)) if (!(k in body)) body[k] = v;
  }
  return { status: resp.status ?? 200, body };
}

