import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const scanCommand: Command = {
  name: "scan",
  summary: "Scan files for secrets (working tree, --staged, --since, --history, stdin)",
  help: "Usage: vaultshift scan\n\nScan files for secrets (working tree, --staged, --since, --history, stdin)\n",
  async run() {
    throw new VaultshiftError("`vaultshift scan` is not implemented yet.");
  },
};
