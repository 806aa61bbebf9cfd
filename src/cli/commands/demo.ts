import { resolve } from "node:path";
import type { Command } from "../io.js";
import { useColour } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";

const help = `Usage: vaultshift demo [--reports DIR] [--keep]

Migrate the bundled demo app (a small shop backend: CommonJS + ESM, three
environments, a hard-coded key) into an in-process Vault dev server, end to
end: scan, plan, write to Vault, rewrite the code, clean the .env files,
verify, report. The app runs before and after in every environment and must
print the same settings digest. Needs no Vault, no network, no input.

Options:
  --reports DIR   where to write the reports (default: reports)
  --keep          keep the migrated copy of the app and print its path

Exit codes: 0 the migration proved zero secrets and the app is unchanged, 1 otherwise, 2 error.
`;

export const demoCommand: Command = {
  name: "demo",
  summary: "Migrate the bundled demo app against an in-process dev server",
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { reports: { type: "string" }, keep: { type: "boolean" } }, "demo");
    const { runDemo } = await import("../../demo/demo.js");
    const result = await runDemo({
      reportsDir: resolve(io.cwd, stringOpt(values, "reports") ?? "reports"),
      keep: values.keep === true,
      write: io.stdout,
      tty: io.isTTY,
      colour: useColour(io),
    });
    return result.ok ? 0 : 1;
  },
};
