import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// ink and react (~40 ms of start-up) load only when `vaultshift migrate` opens
// the session: its dynamic import() is the one way in. Here the static import
// graph (import/export … from) of the CLI's entry points is walked in dist/.

const DIST = fileURLToPath(new URL("../../", import.meta.url));

function staticPackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?["']([^"']+)["']/gm)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) {
        const target = join(dirname(file), spec);
        if (existsSync(target)) todo.push(target);
      } else if (!spec.startsWith("node:")) packages.add(spec.split("/")[0]!.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  }
  return packages;
}

test("the walker sees ink and react behind the session's entry (so the checks below can fail)", () => {
  const p = staticPackages(join(DIST, "src/tui/run.js"));
  assert.ok(p.has("ink") && p.has("react"), [...p].join(", "));
});

for (const entry of ["src/cli/process.js", "src/cli/main.js", "src/cli/commands/migrate.js", "src/cli/commands/scan.js", "src/index.js"]) {
  test(`${entry} does not load ink or react statically`, () => {
    const p = staticPackages(join(DIST, entry));
    assert.ok(!p.has("ink") && !p.has("react") && !p.has("react/jsx-runtime"), `${entry} reaches ${[...p].join(", ")}`);
  });
}
