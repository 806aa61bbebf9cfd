import { CAP_BITS, CAPABILITIES, resolveTemplatedRule, type ParsedPolicy, type PathRule } from "./policy.js";
import type { TemplateContext } from "./policy-template.js";
import { describeParameters, mergeParameters, type ParameterRules } from "./acl-parameters.js";

// Vault's ACL evaluation (openbao/docs/concepts/policies.mdx, priority rules;
// the algorithm follows vault/acl.go AllowOperation and
// CheckAllowedFromNonExactPaths): an exact rule wins; otherwise the longest
// `*` prefix rule and every matching `+` rule compete by priority. Rules with
// the same pattern in several policies are unioned; `deny` wins over all.

export type Operation = "read" | "list" | "create" | "update" | "patch" | "delete";

/** What one pattern grants: capability bits, wrapping-TTL bounds (0 = none) and parameter constraints. */
export interface Permission {
  bits: number;
  minWrap: number;
  maxWrap: number;
  params?: ParameterRules;
}

interface WildcardRule extends Permission {
  pattern: string; // as written, with a trailing * when it is a prefix
  parts: string[];
  isPrefix: boolean;
  firstWildcard: number;
  plusCount: number;
}

interface Candidate extends Permission {
  pattern: string;
  isPrefix: boolean;
  firstWildcard: number;
  plusCount: number;
}

const NONE: Permission = { bits: 0, minWrap: 0, maxWrap: 0 };

/** Same pattern in several policies: capabilities unioned (deny wins); the lowest wrapping bounds win (policies.mdx). */
function merge(a: Permission | undefined, b: Permission): Permission {
  const union = (a?.bits ?? 0) | b.bits;
  const lowest = (x: number, y: number) => (x === 0 ? y : y === 0 ? x : Math.min(x, y));
  const params = mergeParameters(a?.params, b.params);
  return {
    bits: union & CAP_BITS.deny ? CAP_BITS.deny : union,
    minWrap: lowest(a?.minWrap ?? 0, b.minWrap),
    maxWrap: lowest(a?.maxWrap ?? 0, b.maxWrap),
    ...(params ? { params } : {}),
  };
}

/** Is `a` lower priority than `b`? (policies.mdx, "priority" list) */
function lower(a: Candidate, b: Candidate): boolean {
  if (a.firstWildcard !== b.firstWildcard) return a.firstWildcard < b.firstWildcard;
  if (a.isPrefix !== b.isPrefix) return a.isPrefix;
  if (a.plusCount !== b.plusCount) return a.plusCount > b.plusCount;
  if (a.pattern.length !== b.pattern.length) return a.pattern.length < b.pattern.length;
  return a.pattern < b.pattern;
}

export class Acl {
  readonly root: boolean;
  private readonly exact = new Map<string, Permission>();
  private readonly prefixes = new Map<string, Permission>();
  private prefixList: string[] = [];
  private readonly wildcards: WildcardRule[] = [];

  /** `identity`: the token's entity and groups, for templated paths; without it those paths grant nothing. */
  constructor(policies: ParsedPolicy[], root = false, identity?: TemplateContext) {
    this.root = root;
    const wild = new Map<string, WildcardRule>();
    const add = (rule: PathRule) => {
      const perm: Permission = { bits: rule.bits, minWrap: rule.minWrap, maxWrap: rule.maxWrap, ...(rule.params ? { params: rule.params } : {}) };
      if (rule.hasSegmentWildcard) {
        const pattern = rule.path + (rule.isPrefix ? "*" : "");
        const existing = wild.get(pattern);
        if (existing) Object.assign(existing, merge(existing, perm));
        else {
          wild.set(pattern, {
            pattern,
            parts: rule.path.split("/"),
            isPrefix: rule.isPrefix,
            firstWildcard: pattern.indexOf("+"),
            plusCount: rule.path.split("/").filter((p) => p === "+").length,
            ...perm,
          });
        }
      } else if (rule.isPrefix) this.prefixes.set(rule.path, merge(this.prefixes.get(rule.path), perm));
      else this.exact.set(rule.path, merge(this.exact.get(rule.path), perm));
    };
    // A templated path ({{identity.entity.id}} …) is filled in from the token's entity and groups; one that
    // cannot be (no entity, a missing key) is skipped, as Vault's parsePaths skips it.
    for (const p of policies) {
      for (const r of p.rules) {
        if (r.template === undefined) add(r);
        else if (identity) {
          const resolved = resolveTemplatedRule(r, identity);
          if (resolved) add(resolved);
        }
      }
    }
    this.wildcards.push(...wild.values());
    this.prefixList = [...this.prefixes.keys()].sort((a, b) => b.length - a.length);
  }

  /** The capability bits that apply to `path` (0 = nothing granted). */
  bitsFor(path: string, list = false): number {
    return this.permissionFor(path, list).bits;
  }

  /** The permission of the one pattern that governs `path`. */
  permissionFor(path: string, list = false): Permission {
    const exact = this.exact.get(path);
    if (exact !== undefined) return exact;
    if (list && path.endsWith("/")) {
      const bare = this.exact.get(path.slice(0, -1));
      if (bare !== undefined) return bare;
    }
    let best: Candidate | undefined;
    for (const prefix of this.prefixList) {
      if (path.startsWith(prefix)) {
        best = { pattern: prefix, isPrefix: true, firstWildcard: prefix.length, plusCount: 0, ...this.prefixes.get(prefix)! };
        break;
      }
    }
    if (this.wildcards.length > 0) {
      const parts = path.split("/");
      for (const w of this.wildcards) {
        if (parts.length < w.parts.length) continue;
        if (!w.isPrefix && parts.length !== w.parts.length) continue;
        let ok = true;
        for (let i = 0; i < w.parts.length && ok; i++) {
          const rule = w.parts[i]!;
          const seg = parts[i]!;
          ok = rule === "+" || rule === seg || (w.isPrefix && i === w.parts.length - 1 && seg.startsWith(rule));
        }
        if (ok && (!best || lower(best, w))) best = w;
      }
    }
    return best ?? NONE;
  }

  allows(path: string, op: Operation): boolean {
    if (this.root) return true;
    const bits = this.bitsFor(path, op === "list");
    if (bits & CAP_BITS.deny) return false;
    return (bits & CAP_BITS[op]) !== 0;
  }

  /** Sudo on top of the operation's capability (root-protected paths). */
  hasSudo(path: string, op: Operation): boolean {
    if (this.root) return true;
    const bits = this.bitsFor(path, op === "list");
    return (bits & CAP_BITS.deny) === 0 && (bits & CAP_BITS.sudo) !== 0;
  }

  /** What sys/capabilities-self reports: ["root"], ["deny"] or the granted names, sorted. */
  capabilities(path: string): string[] {
    if (this.root) return ["root"];
    const bits = this.bitsFor(path);
    if (bits === 0 || bits & CAP_BITS.deny) return ["deny"];
    return CAPABILITIES.filter((c) => bits & CAP_BITS[c]).sort();
  }

  /**
   * sys/internal/ui/resultant-acl: every exact and `*` prefix rule with its capabilities, as Vault's
   * pathInternalUIResultantACL walks exactRules and prefixRules (`+` patterns are not walked there either).
   * Capability names in Vault's order; a rule with deny, or with nothing, shows ["deny"]; wrapping bounds in seconds;
   * parameter constraints as written (lower-cased names).
   */
  resultant(): { exact_paths: Record<string, unknown>; glob_paths: Record<string, unknown> } {
    const order = ["create", "delete", "list", "patch", "read", "sudo", "update"] as const;
    const describe = (p: Permission) => {
      let caps: string[] = order.filter((c) => p.bits & CAP_BITS[c]);
      if (p.bits & CAP_BITS.deny || caps.length === 0) caps = ["deny"];
      const out: Record<string, unknown> = { capabilities: caps };
      if (p.minWrap !== 0) out.min_wrapping_ttl = p.minWrap;
      if (p.maxWrap !== 0) out.max_wrapping_ttl = p.maxWrap;
      return { ...out, ...describeParameters(p.params) };
    };
    const exact: Record<string, unknown> = {};
    const glob: Record<string, unknown> = {};
    // Object keys here are policy paths a user wrote; define them as own data properties so "__proto__" stays a path.
    const put = (target: Record<string, unknown>, k: string, v: unknown) => Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
    for (const k of [...this.exact.keys()].sort()) put(exact, k, describe(this.exact.get(k)!));
    for (const k of [...this.prefixes.keys()].sort()) put(glob, k, describe(this.prefixes.get(k)!));
    return { exact_paths: exact, glob_paths: glob };
  }

  /** True if the token may do anything at all under `prefix` (sys/internal/ui/mounts visibility). */
  anyUnder(prefix: string): boolean {
    if (this.root) return true;
    const granted = (bits: number) => bits !== 0 && (bits & CAP_BITS.deny) === 0;
    for (const [p, b] of this.exact) if (p.startsWith(prefix) && granted(b.bits)) return true;
    for (const [p, b] of this.prefixes) if ((p.startsWith(prefix) || prefix.startsWith(p)) && granted(b.bits)) return true;
    for (const w of this.wildcards) {
      const fixed = w.pattern.slice(0, w.firstWildcard);
      if ((fixed.startsWith(prefix) || prefix.startsWith(fixed)) && granted(w.bits)) return true;
    }
    return false;
  }
}
