// The child's environment: the parent's, with the values read from Vault
// added. A variable already set wins by default, as dotenv, dotenv-cli and
// dotenvx do (and as the generated secrets module does for the names it
// exports): `vaultshift run` replaces `dotenv --`, and `DB_URL=… npm run x`
// must keep overriding one value for one run. `override` makes Vault win
// (Doppler's default; dotenvx's --overload).

export interface MergedEnvironment {
  env: NodeJS.ProcessEnv;
  /** Names read from Vault but kept from the parent environment (names only: for a notice). */
  kept: string[];
}

export function mergeEnvironment(parent: NodeJS.ProcessEnv, values: ReadonlyMap<string, string>, override: boolean): MergedEnvironment {
  const env: NodeJS.ProcessEnv = { ...parent };
  const kept: string[] = [];
  for (const [name, value] of values) {
    if (!override && parent[name] !== undefined) kept.push(name);
    else env[name] = value;
  }
  return { env, kept: kept.sort() };
}
