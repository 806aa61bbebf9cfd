import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const verifyCommand: Command = {
  name: "verify",
  summary: "Read every migrated secret back and re-scan the tree",
  help: "Usage: vaultshift verify\n\nRead every migrated secret back and re-scan the tree\n",
  async run() {
    throw new VaultshiftError("`vaultshift verify` is not implemented yet.");
  },
};
