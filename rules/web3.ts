import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { HEX, B64URL, ALNUM, fake } from "./fake.js";

// Blockchain tooling: node-provider URLs with the key in the path, and wallet private keys in
// Hardhat/Truffle network settings. A leaked deployer key moves the funds of every contract it owns.
export const rules: Rule[] = [
  // Alchemy RPC endpoints carry the API key as the last path segment:
  // https://<network>.g.alchemy.com/v2/<key> (https://docs.alchemy.com/reference/api-overview).
  custom({
    id: "alchemy-api-key-url",
    description: "Alchemy API key in an RPC URL (…g.alchemy.com/v2/<key>)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.alchemy.com/reference/api-overview",
    keywords: ["alchemy.com/v2/"],
    pattern: /(?:https|wss):\/\/[a-z0-9-]{1,63}\.g\.alchemy\.com\/v2\/(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`url: "https://eth-sepolia.g.alchemy.com/v2/${fake(ALNUM, 32, "alchemy")}",`, `wss://polygon-mainnet.g.alchemy.com/v2/${fake(B64URL, 32, "alchemy2")}`],
        valid: ["https://eth-mainnet.g.alchemy.com/v2/${ALCHEMY_KEY}", "https://eth-mainnet.g.alchemy.com/v2/demo", `https://eth-mainnet.g.alchemy.com/v2/${"a".repeat(32)}`],
      };
    },
  }),
  // Hardhat / Truffle network `accounts: ["0x<64 hex>"]`: the deployer's secp256k1 private key
  // (https://hardhat.org/hardhat-runner/docs/config#json-rpc-based-networks).
  custom({
    id: "evm-private-key-accounts",
    description: "EVM wallet private key in a Hardhat/Truffle network accounts list",
    kind: "private-key",
    severity: "critical",
    docs: "https://hardhat.org/hardhat-runner/docs/config#json-rpc-based-networks",
    keywords: ["accounts"],
    pattern: /\baccounts["']?[ \t]{0,4}[:=][ \t]{0,4}\[[ \t\r\n]{0,40}["'`](?<secret>(?:0x)?[0-9a-fA-F]{64})["'`]/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`sepolia: {\n  url: process.env.RPC_URL,\n  accounts: ["0x${fake(HEX, 64, "evm")}"],\n},`, `accounts: ['${fake(HEX, 64, "evm2")}']`],
        valid: ["accounts: [process.env.DEPLOYER_KEY],", `accounts: ["0x${"0".repeat(64)}"]`],
      };
    },
  }),
];
