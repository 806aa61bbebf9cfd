import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const demoCommand: Command = {
  name: "demo",
  summary: "Migrate the bundled demo app against an in-process dev server",
  help: "Usage: vaultshift demo\n\nMigrate the bundled demo app against an in-process dev server\n",
  async run() {
    throw new VaultshiftError("`vaultshift demo` is not implemented yet.");
  },
};
