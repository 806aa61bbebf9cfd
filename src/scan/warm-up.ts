import type { EngineOptions } from "./engine.js";
import { mark } from "./timeline.js";

// Loads the engine and compiles its rule set while git is still writing a
// history (`scan --history` / `--since`), instead of after it exits. Loading
// takes ~30-40 ms of the main thread; done in one go it would leave git's
// stdout unread, and git stops once the pipe (64 KiB on Linux, pipe(7)) is
// full. So the rule files are loaded one per event-loop turn, and the pipe is
// drained between them. In the scan bundle each import() is synchronous and
// loads just that module; as ES modules they load asynchronously anyway.

/** The rule families, in rules/index.ts order (a test checks the two agree). */
export const RULE_FILES = [
  "aws", "gcp", "azure", "github", "gitlab", "atlassian", "registries", "payments", "messaging", "ai",
  "observability", "secret-managers", "private-keys", "database-urls", "credential-files", "cli-arguments",
  "auth-headers", "cloud-misc", "saas", "network", "services", "web3", "windows-admin", "embedded", "saas-platforms",
  "research-data",
  "trufflehog-formats",
  "payments-enterprise",
];

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Never rejects: a module that fails to load fails again, with its own error,
 * where the scan really imports it.
 */
export async function warmEngine(engine: EngineOptions): Promise<void> {
  try {
    for (const name of RULE_FILES) {
      await import(`../../rules/${name}.js`);
      await turn();
    }
    const { scanText } = await import("./engine.js");
    await turn();
    // The first scan compiles the rule set for these options (cached by rule-set.ts).
    scanText({ file: "warm-up.txt", text: "" }, engine);
    mark("engine loaded");
  } catch {
    // reported by the real import
  }
}
