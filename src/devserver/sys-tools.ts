import { createHash, randomBytes } from "node:crypto";
import { badRequest, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { has, int, str } from "./fields.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// sys/tools/hash and sys/tools/random (Vault's general-purpose tools; the
// default policy grants sys/tools/hash). Input to hash is base64, as in Vault.

const HASHES: Record<string, string> = {
  "sha2-224": "sha224",
  "sha2-256": "sha256",
  "sha2-384": "sha384",
  "sha2-512": "sha512",
  "sha3-224": "sha3-224",
  "sha3-256": "sha3-256",
  "sha3-384": "sha3-384",
  "sha3-512": "sha3-512",
};

function format(req: LogicalRequest, fallback: string): "hex" | "base64" {
  const f = str(req.data, "format", fallback);
  if (f !== "hex" && f !== "base64") throw badRequest(`unsupported encoding format ${JSON.stringify(f)}; must be "hex" or "base64"`);
  return f;
}

export function tools(req: LogicalRequest, rest: string): LogicalResponse {
  if (req.operation !== "create" && req.operation !== "update") throw unsupportedOperation();
  const [tool = "", ...args] = rest.split("/").filter((p) => p !== "");
  if (tool === "hash") {
    const algorithm = args[0] ?? str(req.data, "algorithm", "sha2-256");
    const node = HASHES[algorithm];
    if (!node) throw badRequest(`unsupported algorithm ${JSON.stringify(algorithm)}`);
    const input = str(req.data, "input");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input) || input.length % 4 !== 0) throw badRequest("unable to decode input as base64");
    return { data: { sum: createHash(node).update(Buffer.from(input, "base64")).digest(format(req, "hex")) } };
  }
  if (tool === "random") {
    // sys/tools/random[/:source][/:bytes]
    const last = args[args.length - 1];
    const bytes = last !== undefined && /^\d+$/.test(last) ? Number(last) : has(req.data, "bytes") ? int(req.data, "bytes") : 32;
    if (bytes < 1 || bytes > 128 * 1024) throw badRequest("the number of bytes must be between 1 and 131072");
    return { data: { random_bytes: randomBytes(bytes).toString(format(req, "base64")) } };
  }
  throw unsupportedPath();
}
