import { dataPath } from "../apply/kv-store.js";
import type { Plan, UncheckedCheck, Verification } from "../plan/types.js";

// A verify check that could not run is said, with what to do: the verdict is
// then "unchecked", never "zero-secrets".

/** What a user can do when the policy check could not run: the rights it needs, or the same check by hand. */
export function policyCheckHelp(policy: string, paths: string[]): string {
  return (
    `run vaultshift verify again with a token that may use auth/token/create (it makes a short-lived token holding only ${policy}) ` +
    `and read sys/policies/acl/${policy}, or have an operator check by hand: ` +
    `vault token create -policy=${policy} -ttl=5m, then vault token capabilities <that token> ${paths[0]}${paths.length > 1 ? ` (and the other ${paths.length - 1})` : ""} must include read`
  );
}

/** The checks a verification could not run; for one recorded before verify listed them, derived from its policy result. */
export function uncheckedOf(plan: Plan, verification: Verification | null): UncheckedCheck[] {
  if (!verification) return [];
  if (verification.unchecked) return verification.unchecked;
  if (verification.policy.checked || !verification.secrets.some((c) => c.readableByPolicy === null)) return [];
  const paths = [...new Set(plan.targets.map((t) => dataPath(t.mount, t.path)))];
  if (paths.length === 0) return [];
  return [{ check: "policy", reason: `whether the policy ${plan.policy.name} lets the app read its secrets was not checked (${verification.policy.message ?? "no reason recorded"})`, next: policyCheckHelp(plan.policy.name, paths) }];
}
