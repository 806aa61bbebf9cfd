import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const applyCommand: Command = {
  name: "apply",
  summary: "Carry out a plan: write to Vault, rewrite code, clean .env files",
  help: "Usage: vaultshift apply\n\nCarry out a plan: write to Vault, rewrite code, clean .env files\n",
  async run() {
    throw new VaultshiftError("`vaultshift apply` is not implemented yet.");
  },
};
