import type { SecretKind } from "../scan/types.js";

// Secret or config? (owned by the engine work; the migration pipeline uses it)

export type Verdict = "secret" | "config" | "public";

export interface Classification {
  verdict: Verdict;
  /** For secrets: what kind; `browser-exposed` for a secret under NEXT_PUBLIC_/VITE_/REACT_APP_/EXPO_PUBLIC_. */
  kind?: SecretKind;
  confidence: number;
  /** In words, never containing the value: "name ends in _PASSWORD and value has 94 bits of entropy". */
  reason: string;
}

/** Classify one environment variable (from a .env file, or a name + literal). */
export function classifyVariable(name: string, value: string, file?: string): Classification {
  void name;
  void value;
  void file;
  return { verdict: "config", confidence: 0, reason: "not classified yet" };
}
