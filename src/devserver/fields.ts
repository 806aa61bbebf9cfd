import { badRequest } from "./http-error.js";
import { parseDuration } from "./duration.js";

// Typed access to request data, with Vault's lenient conversions (Go's
// mapstructure/strconv: "true"/"1" are booleans, "5" is an int, "a,b" is a
// list). Errors name the field, never its value.

export type Data = Record<string, unknown>;

function convertError(field: string, kind: string): never {
  throw badRequest(`error converting input for field "${field}": expected ${kind}`);
}

export function has(data: Data, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, field) && data[field] !== undefined;
}

export function str(data: Data, field: string, fallback = ""): string {
  if (!has(data, field) || data[field] === null) return fallback;
  const v = data[field];
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return convertError(field, "a string");
}

/** strconv.ParseBool's accepted spellings. */
export function parseBool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== "string") return undefined;
  if (["1", "t", "T", "TRUE", "true", "True"].includes(v)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(v)) return false;
  return undefined;
}

export function bool(data: Data, field: string, fallback = false): boolean {
  if (!has(data, field) || data[field] === null || data[field] === "") return fallback;
  const b = parseBool(data[field]);
  return b === undefined ? convertError(field, "a boolean") : b;
}

export function int(data: Data, field: string, fallback = 0): number {
  if (!has(data, field) || data[field] === null || data[field] === "") return fallback;
  const v = data[field];
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return convertError(field, "an integer");
}

/** A duration field in seconds ("30m", "1h", 3600, "3600"). */
export function duration(data: Data, field: string, fallback = 0): number {
  if (!has(data, field) || data[field] === null) return fallback;
  const v = parseDuration(data[field]);
  return v === undefined ? convertError(field, "a duration") : v;
}

/** A list of strings; a comma-separated string is split (framework.TypeCommaStringSlice). */
export function strList(data: Data, field: string): string[] | undefined {
  if (!has(data, field) || data[field] === null) return undefined;
  const v = data[field];
  if (typeof v === "string") return v.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) return v.map((x) => String(x).trim()).filter((s) => s !== "");
  return convertError(field, "a list of strings");
}

/** A list of integers: [1,2], "1,2" or 1 (framework.TypeCommaIntSlice). */
export function intList(data: Data, field: string): number[] | undefined {
  if (!has(data, field) || data[field] === null) return undefined;
  const v = data[field];
  const items = typeof v === "string" ? v.split(",").filter((s) => s.trim() !== "") : Array.isArray(v) ? v : [v];
  return items.map((x) => {
    if (typeof x === "number" && Number.isInteger(x)) return x;
    if (typeof x === "string" && /^\s*-?\d+\s*$/.test(x)) return Number(x);
    return convertError(field, "a list of integers");
  });
}

/** A JSON object (framework.TypeMap). */
export function map(data: Data, field: string): Data | undefined {
  if (!has(data, field) || data[field] === null) return undefined;
  const v = data[field];
  if (typeof v === "object" && !Array.isArray(v)) return v as Data;
  return convertError(field, "a map");
}

/** A string→string map (framework.TypeKVPairs); numbers and booleans are stringified. */
export function stringMap(data: Data, field: string): Record<string, string> | undefined {
  const m = map(data, field);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === "string") out[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") out[k] = String(v);
    else convertError(field, "a map of strings");
  }
  return out;
}
