import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dirOf } from "./environment.js";

// Libraries that load a .env-format file of their own name themselves, whatever
// the app loaded before: TypeORM 0.2/0.3's ConnectionOptionsReader (used by
// `createConnection()` / `getConnectionOptions()` without options) loads `.env`
// from the working directory, or, when there is none, `ormconfig.env`, with
// dotenv (a name already set wins), then reads its TYPEORM_* variables
// (https://github.com/typeorm/typeorm/blob/0.2.45/docs/using-ormconfig.md).
// Such a file is read under whatever environment the app runs in: the lowest
// layer of every environment, not an environment named `ormconfig`.

interface LibraryEnvFile {
  /** The package whose presence among the directory's dependencies means it loads the file. */
  library: string;
  file: string;
  /** A file the library loads instead when it exists. */
  unless?: string;
}

const LIBRARY_ENV_FILES: readonly LibraryEnvFile[] = [{ library: "typeorm", file: "ormconfig.env", unless: ".env" }];

function dependenciesOf(root: string, dir: string): Set<string> {
  try {
    const pkg = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as Record<string, unknown>;
    return new Set(["dependencies", "devDependencies", "optionalDependencies"].flatMap((k) => (typeof pkg[k] === "object" && pkg[k] !== null ? Object.keys(pkg[k] as object) : [])));
  } catch {
    return new Set();
  }
}

/** The env files (of `envFiles`, project paths) that a dependency of their directory's package.json loads itself in every environment. */
export function libraryLoadedLayers(root: string, envFiles: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of new Set(envFiles.map(dirOf))) {
    const at = (name: string) => (dir === "" ? name : `${dir}/${name}`);
    const candidates = LIBRARY_ENV_FILES.filter((l) => envFiles.includes(at(l.file)) && (l.unless === undefined || !envFiles.includes(at(l.unless))));
    if (candidates.length === 0) continue;
    const deps = dependenciesOf(root, dir);
    for (const l of candidates) if (deps.has(l.library)) out.push(at(l.file));
  }
  return out;
}
