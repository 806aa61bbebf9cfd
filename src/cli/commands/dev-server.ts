import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const devServerCommand: Command = {
  name: "dev-server",
  summary: "Run a local Vault-compatible server for development and tests",
  help: "Usage: vaultshift dev-server\n\nRun a local Vault-compatible server for development and tests\n",
  async run() {
    throw new VaultshiftError("`vaultshift dev-server` is not implemented yet.");
  },
};
