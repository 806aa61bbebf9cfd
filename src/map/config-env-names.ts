import { isEnvironmentWord, environmentOf, BASE_LAYER_ENVIRONMENT } from "./environment.js";
import { lowerSnake } from "./group.js";
import type { ConfigLoad } from "../classify/config-loaders.js";

// The environment variable through which a config file's loader reads the
// value at a JSON path, when it reads one (src/classify/config-loaders.ts says
// which loader): the name the migration sets at run time (`vaultshift run`,
// the secrets module) once the value has left the file. Either a name, or why
// there is none, in words a user can act on.

/** A name a POSIX shell can export (`vaultshift run` sets only these). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `["database", "connection", "password"]` → `DATABASE_CONNECTION_PASSWORD`. */
export function upperSnakeOfPath(keyPath: readonly string[]): string {
  return keyPath.map((k) => lowerSnake(k)).filter(Boolean).join("_").toUpperCase();
}

/**
 * The environment a config file's secrets belong to: its name's environment word
 * (`config.production.json`, node-config's `config/production.json` → production),
 * else every environment (`config.json`, `settings.json`, node-config's `default.json`).
 */
export function configFileEnvironment(file: string): string {
  const base = (file.split("/").pop() ?? file).toLowerCase().replace(/\.(json|ya?ml)$/, "");
  const word = base.split(/[.-]/).find((w) => w !== "local" && isEnvironmentWord(w));
  return word !== undefined ? environmentOf(`.env.${word}`) : BASE_LAYER_ENVIRONMENT;
}

export type EnvNameResult = { name: string } | { refused: string };

/**
 * The variable for `keyPath` under `load`. `mapped`: node-config's existing mapping for
 * that path in custom-environment-variables.json, which is kept.
 */
export function configEnvName(load: ConfigLoad, keyPath: readonly string[], mapped?: string): EnvNameResult {
  const path = keyPath.join(".");
  switch (load.how) {
    case "nconf": {
      if (load.filtered) return { refused: `nconf reads the environment there (${load.by}) through a whitelist, match or transform vaultshift cannot follow, so no name is sure to reach ${path}` };
      if (load.separator === "" && keyPath.length > 1) return { refused: `nconf reads the environment there (${load.by}) without a separator (.env() instead of .env('__')), so no variable can set the nested key ${path}` };
      if (keyPath.some((k) => !/^[A-Za-z0-9_]+$/.test(k) || (load.separator !== "" && k.includes(load.separator)))) return { refused: `a key of ${path} holds a character no environment variable name can carry through nconf's separator "${load.separator}"` };
      if (load.lowerCase && keyPath.some((k) => k !== k.toLowerCase())) return { refused: `nconf lower-cases every variable name there (lowerCase: true, ${load.by}), so no variable reaches the mixed-case key ${path}` };
      return { name: keyPath.join(load.separator) };
    }
    case "node-config": {
      if (mapped !== undefined) return { name: mapped };
      const name = upperSnakeOfPath(keyPath);
      return ENV_NAME.test(name) ? { name } : { refused: `no environment variable name can be made from ${path}` };
    }
    case "rc": {
      if (keyPath.some((k) => !/^[A-Za-z0-9_]+$/.test(k) || k.includes("__"))) return { refused: `a key of ${path} holds a character no environment variable name can carry through rc's "__" separator` };
      return { name: `${load.appname}_${keyPath.join("__")}` };
    }
    case "convict": {
      const name = load.envs[path];
      return name !== undefined ? { name } : { refused: `convict's schema (${load.by}) names no environment variable (env) for ${path}: add env: "${upperSnakeOfPath(keyPath)}" to that leaf of the schema, then plan again` };
    }
    case "substitution": {
      const name = upperSnakeOfPath(keyPath);
      return ENV_NAME.test(name) ? { name } : { refused: `no environment variable name can be made from ${path}` };
    }
    default:
      return { refused: "its loader takes no value from the environment" };
  }
}
