import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Candidate, CandidateSet } from "../classify/candidates.js";
import { convictLeaves } from "../apply/convict-schema-editor.js";
import { upperSnakeOfPath } from "../map/config-env-names.js";
import { BASE_LAYER_ENVIRONMENT } from "../map/environment.js";
import { judge } from "../scan/judge.js";
import { configEnvWarning, type ConfigSecrets } from "./config-secrets.js";

// Secrets typed in as a convict schema's `default` (`password: { format: String,
// default: '…', env: 'DB_PASSWORD' }`): the value moves to the leaf's env
// variable, which convict reads over the default and over any loaded file; a
// leaf without `env` gets one (its path in upper snake case: stripe.secretKey →
// STRIPE_SECRET_KEY). The default becomes '' in the schema, Vault holds the
// value, and `vaultshift run` sets the variable (no secrets module loaded by
// the schema). A literal the scanner found there stops being a literal to
// rewrite; one it missed (the key `default` names nothing) is judged by the
// leaf's variable name and path, as a .env entry of that name would be.

/**
 * Move the secret defaults of the app's convict schemas out of `found.secrets` into `into`
 * (candidates set in the environment, edits emptying the default, a `config-env` warning per file).
 */
export function takeConvictDefaults(root: string, found: CandidateSet, into: ConfigSecrets): void {
  for (const file of found.sourceFiles) {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    if (!text.includes("convict")) continue;
    const leaves = convictLeaves(file, text) ?? [];
    const taken = new Set(leaves.flatMap((l) => (l.env !== undefined ? [l.env] : [])));
    const names: string[] = [];
    const added: string[] = [];
    for (const leaf of leaves) {
      if (leaf.value === undefined || leaf.value === "" || leaf.envUnreadable) continue;
      const name = leaf.env ?? upperSnakeOfPath(leaf.path);
      // A name another leaf reads already would set both: the default stays a literal then.
      if (leaf.env === undefined && (taken.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))) continue;
      const isPlace = (c: Candidate) => c.source.type === "literal" && c.source.file === file && c.source.line === leaf.line && c.value === leaf.value;
      const literal = found.secrets.find(isPlace);
      const judged = literal ? undefined : judge(name, leaf.value, "code");
      if (!literal && !judged?.secret) continue;
      const path = leaf.path.join(".");
      into.candidates.push({
        source: { type: "config", file, line: leaf.line, column: leaf.column, name, keyPath: ["convict", ...leaf.path] },
        name,
        value: leaf.value,
        environment: BASE_LAYER_ENVIRONMENT,
        kind: literal?.kind ?? (judged?.secret ? judged.kind : "generic-secret"),
        confidence: literal?.confidence ?? (judged?.secret ? judged.confidence : 0.5),
        reason: `${literal ? literal.reason : judged!.reason}; the default of ${path} in the convict schema of ${file}: convict reads ${name} over the default and over loaded files${leaf.env === undefined ? ` (env: "${name}" is added to the leaf)` : ""}`,
      });
      found.secrets = found.secrets.filter((c) => !isPlace(c));
      into.edits.push({ file, keyPath: ["convict", ...leaf.path], how: "drop-default", envName: name });
      taken.add(name);
      names.push(name);
      if (leaf.env === undefined) added.push(`${path} → ${name}`);
    }
    if (names.length > 0) {
      const one = names.length === 1;
      into.warnings.push(configEnvWarning(file, names, `convict reads ${one ? "it" : "them"} from the environment instead (the schema's default${one ? " becomes" : "s become"} ''${added.length > 0 ? `; env names added to the schema: ${added.join(", ")}` : ""})`));
    }
  }
}
