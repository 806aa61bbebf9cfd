import type { Command } from "../io.js";
import { VaultshiftError } from "../../errors.js";

export const planCommand: Command = {
  name: "plan",
  summary: "Decide where each secret goes; write a reviewable plan without secret values",
  help: "Usage: vaultshift plan\n\nDecide where each secret goes; write a reviewable plan without secret values\n",
  async run() {
    throw new VaultshiftError("`vaultshift plan` is not implemented yet.");
  },
};
