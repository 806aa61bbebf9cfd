import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Plan, apply, verify and report in one go",
  help: "Usage: vaultshift migrate\n\nPlan, apply, verify and report in one go\n",
  async run() {
    throw new VaultshiftError("`vaultshift migrate` is not implemented yet.");
  },
};
