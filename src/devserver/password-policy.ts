import { randomInt } from "node:crypto";
import { VaultHttpError, badRequest, listOrNotFound, unsupportedOperation } from "./http-error.js";
import { HclSyntaxError, parseHcl, type HclItem, type HclValue } from "./hcl.js";
import { str } from "./fields.js";
import type { State } from "./state.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// sys/policies/password: password generation policies (Vault 1.5+; Vault's
// api-docs/system/policies-password.mdx and docs/concepts/password-policies.mdx,
// implemented by sdk/helper/random and vault/logical_system.go). A policy is a
// length and `rule "charset"` blocks; candidates are drawn uniformly from the
// de-duplicated union of the charsets and kept when every rule's `min-chars`
// holds. Writing a policy generates ten passwords first, as Vault does, so an
// impossible policy is refused at write rather than at first use.

export interface CharsetRule {
  charset: string[];
  minChars: number;
}

export interface PasswordPolicy {
  length: number;
  rules: CharsetRule[];
  /** The sorted, de-duplicated union of the rules' charsets: what candidates are drawn from. */
  charset: string[];
}

const MIN_LENGTH = 4;
const MAX_LENGTH = 100;
/** Vault indexes its charset with one random byte (string_generator.go maxCharsetLen). */
const MAX_CHARSET = 256;
/** Vault gives generation a one-second deadline, at write and at generate. */
const DEADLINE_MS = 1000;
const WRITE_ATTEMPTS = 10;

export class PasswordPolicyError extends Error {
  override name = "PasswordPolicyError";
}

/** Go's hashicorp/go-multierror text, as Vault returns it. */
function multiError(errors: string[]): string {
  return `${errors.length} error${errors.length === 1 ? "" : "s"} occurred:\n${errors.map((e) => `\t* ${e}`).join("\n")}\n\n`;
}

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function integer(value: HclValue | undefined, what: string): number {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new PasswordPolicyError(`failed to decode configuration: '${what}' expected type 'int', got ${typeof value === "string" ? "string" : "another type"}`);
  return value;
}

function charsetRule(fields: Record<string, HclValue>): CharsetRule {
  const charset = fields.charset;
  if (charset !== undefined && typeof charset !== "string") throw new PasswordPolicyError("unable to parse rules: unable to parse rule charset: failed to parse charset restriction: 'charset' expected a string");
  for (const key of Object.keys(fields)) {
    if (key !== "charset" && key !== "min-chars") throw new PasswordPolicyError(`unable to parse rules: unable to parse rule charset: unknown field ${JSON.stringify(key)}`);
  }
  return { charset: Array.from(charset ?? ""), minChars: integer(fields["min-chars"], "min-chars") };
}

function blockFields(body: HclItem[]): Record<string, HclValue> {
  const out: Record<string, HclValue> = {};
  for (const item of body) {
    if (item.value === undefined) throw new PasswordPolicyError(`unable to parse rules: unexpected block ${JSON.stringify(item.key)} in a rule`);
    out[item.key] = item.value;
  }
  return out;
}

/** The rules of HCL's JSON form: `"rule": [{"charset": [{...}]}]`, `"rule": {"charset": {...}}` and mixes. */
function jsonRules(value: unknown): Array<{ type: string; fields: Record<string, HclValue> }> {
  const out: Array<{ type: string; fields: Record<string, HclValue> }> = [];
  for (const entry of Array.isArray(value) ? value : [value]) {
    if (typeof entry !== "object" || entry === null) throw new PasswordPolicyError("unable to retrieve rules: a rule is not an object");
    for (const [type, body] of Object.entries(entry as Record<string, unknown>)) {
      for (const fields of Array.isArray(body) ? body : [body]) {
        if (typeof fields !== "object" || fields === null) throw new PasswordPolicyError(`unable to parse rules: rule ${type} is not an object`);
        out.push({ type, fields: fields as Record<string, HclValue> });
      }
    }
  }
  return out;
}

/** Parses and validates a policy document (HCL or JSON), as sdk/helper/random's Parse does. */
export function parsePasswordPolicy(text: string): PasswordPolicy {
  let length: number;
  let raw: Array<{ type: string; fields: Record<string, HclValue> }>;
  if (text.trim().startsWith("{")) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new PasswordPolicyError("unable to decode: the document is neither HCL nor valid JSON");
    }
    length = integer(doc.length as HclValue | undefined, "length");
    raw = doc.rule === undefined ? [] : jsonRules(doc.rule);
  } else {
    let items: HclItem[];
    try {
      items = parseHcl(text);
    } catch (error) {
      if (error instanceof HclSyntaxError) throw new PasswordPolicyError(`unable to decode: ${error.message}`);
      throw error;
    }
    length = 0;
    raw = [];
    for (const item of items) {
      if (item.key === "length" && item.value !== undefined) length = integer(item.value, "length");
      else if (item.key === "rule" && item.body !== undefined) {
        if (item.labels.length !== 1) throw new PasswordPolicyError("unable to parse rules: unable to get rule info: a rule needs one type label, as in rule \"charset\" { ... }");
        raw.push({ type: item.labels[0]!, fields: blockFields(item.body) });
      }
      // Vault's decoder ignores other top-level keys.
    }
  }
  const rules = raw.map(({ type, fields }) => {
    if (type !== "charset") throw new PasswordPolicyError(`unable to parse rules: unable to parse rule ${type}: unrecognized rule type ${type}`);
    return charsetRule(fields);
  });
  const charset = [...new Set(rules.flatMap((r) => r.charset))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const errors: string[] = [];
  const minLength = rules.reduce((sum, r) => sum + Math.max(0, r.minChars), 0);
  if (length <= 0) errors.push("length must be > 0");
  else if (length < minLength) errors.push(`specified rules require at least ${minLength} characters but ${length} is specified`);
  if (charset.length === 0) errors.push("no charset specified");
  else if (charset.some((c) => !PRINTABLE.test(c))) errors.push("non-printable character in charset");
  if (errors.length > 0) throw new PasswordPolicyError(multiError(errors));
  return { length, rules, charset };
}

function passes(candidate: string[], rule: CharsetRule): boolean {
  if (rule.minChars <= 0) return true;
  let count = 0;
  for (const c of candidate) if (rule.charset.includes(c) && ++count >= rule.minChars) return true;
  return false;
}

/** A password that passes every rule, or an error when none was found before the deadline. */
export function generatePassword(policy: PasswordPolicy, deadline = Date.now() + DEADLINE_MS): string {
  if (policy.charset.length > MAX_CHARSET) throw new PasswordPolicyError(`charset is too long: limited to ${MAX_CHARSET - 1} characters`);
  do {
    // randomInt draws without modulo bias, as Vault's rejection of bytes above the largest multiple does.
    const candidate = Array.from({ length: policy.length }, () => policy.charset[randomInt(policy.charset.length)]!);
    if (policy.rules.every((r) => passes(candidate, r))) return candidate.join("");
  } while (Date.now() < deadline);
  throw new PasswordPolicyError("timed out generating string");
}

/** A document given as base64 is decoded first, as Vault does for `policy`. */
function documentOf(value: string): string {
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    if (!decoded.includes("\uFFFD")) return decoded;
  }
  return value;
}

function policyNotFound(): VaultHttpError {
  return new VaultHttpError(404, ["policy does not exist"]);
}

/** sys/policies/password[/:name[/generate]]: `rest` is what follows `policies/password`. */
export function passwordPolicies(req: LogicalRequest, rest: string, state: State): LogicalResponse | undefined {
  const stored = (state.passwordPolicies ??= new Map());
  const parts = rest.replace(/^\/+|\/+$/g, "").split("/");
  const name = parts[0] ?? "";
  if (name === "") return listOrNotFound(req.operation, stored.keys());
  if (parts.length === 2 && parts[1] === "generate") {
    if (req.operation !== "read") throw unsupportedOperation();
    const text = stored.get(name);
    if (text === undefined) throw policyNotFound();
    let policy: PasswordPolicy;
    try {
      policy = parsePasswordPolicy(text);
    } catch {
      throw new VaultHttpError(500, ["stored password policy configuration failed to parse"]);
    }
    try {
      return { data: { password: generatePassword(policy) } };
    } catch (error) {
      throw new VaultHttpError(500, [`failed to generate password from policy: ${(error as Error).message}`]);
    }
  }
  if (parts.length !== 1) throw new VaultHttpError(404, ["1 error occurred:\n\t* unsupported path\n\n"]);
  switch (req.operation) {
    case "read": {
      const text = stored.get(name);
      if (text === undefined) throw policyNotFound();
      return { data: { policy: text } };
    }
    case "create":
    case "update": {
      const given = str(req.data, "policy");
      if (given === "") throw badRequest("missing policy");
      const text = documentOf(given);
      let policy: PasswordPolicy;
      try {
        policy = parsePasswordPolicy(text);
      } catch (error) {
        if (error instanceof PasswordPolicyError) throw badRequest(`invalid password policy: ${error.message}`);
        throw error;
      }
      if (policy.length > MAX_LENGTH || policy.length < MIN_LENGTH) throw badRequest(`passwords must be between ${MIN_LENGTH} and ${MAX_LENGTH} characters`);
      // Ten passwords under one deadline, as Vault checks that a policy is neither impossible nor too tight.
      const deadline = Date.now() + DEADLINE_MS;
      let failed = 0;
      for (let i = 0; i < WRITE_ATTEMPTS; i++) {
        try {
          generatePassword(policy, deadline);
        } catch {
          failed++;
        }
      }
      if (failed === WRITE_ATTEMPTS) throw badRequest("unable to generate password from provided policy in 1s: are the rules impossible?");
      if (failed > 0) throw badRequest(`failed to generate passwords ${failed} times out of ${WRITE_ATTEMPTS} attempts in 1s - is the policy too restrictive?`);
      stored.set(name, text);
      return undefined;
    }
    case "delete":
      stored.delete(name);
      return undefined;
    default:
      throw unsupportedOperation();
  }
}
