import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { HEX, B64URL, ALNUM, fake } from "./fake.js";
import { looksLikeIdentifier } from "../src/scan/entropy.js";

// BIP-39 words for the mnemonic examples (the first words of the English list).
const BIP39_WORDS = ["abandon", "ability", "able", "about", "above", "absent", "absorb", "abstract", "absurd", "abuse", "access", "accident", "account", "accuse", "achieve", "acid", "acoustic", "acquire", "across", "act", "action", "actor", "actress", "actual", "adapt", "add", "addict", "address", "adjust", "admit", "adult", "advance"];
const words = (n: number, seed: string): string => [...fake(ALNUM.slice(0, 32), n, seed)].map((c) => BIP39_WORDS[ALNUM.indexOf(c)]!).join(" ");

/**
 * 12, 15, 18, 21 or 24 lower-case words (BIP-39 sizes) not made of a few repeated ones: the published
 * test phrases `test test … junk` (Hardhat, Anvil) and `abandon … about` (BIP-39's first vector) are
 * two distinct words; a generated phrase repeats one word at most now and then.
 */
function isMnemonic(s: string): boolean {
  const list = s.split(/[ \t]+/);
  // BIP-39's lengths, and Monero's 25-word seed (24 words and a checksum word). The pattern takes every word of
  // the run, so a longer run (a sentence after `mnemonic:`) is rejected whole instead of cut to its first 24.
  if (![12, 15, 18, 21, 24, 25].includes(list.length) || s !== s.toLowerCase()) return false;
  return new Set(list).size * 3 >= list.length * 2;
}

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
  // Infura endpoints carry the project's API key as the last path segment:
  // https://<network>.infura.io/v3/<key>, wss://<network>.infura.io/ws/v3/<key>
  // (https://docs.metamask.io/services/get-started/infura/).
  custom({
    id: "infura-api-key-url",
    description: "Infura API key in an RPC URL (…infura.io/v3/<key>)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.metamask.io/services/get-started/infura/",
    keywords: ["infura.io/"],
    pattern: /(?:https|wss):\/\/[a-z0-9-]{1,63}\.infura\.io\/(?:ws\/)?v3\/(?<secret>[0-9a-f]{32})(?![0-9A-Za-z_-])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`eth_rpc_url = "https://mainnet.infura.io/v3/${fake(HEX, 32, "infura")}"`, `wss://sepolia.infura.io/ws/v3/${fake(HEX, 32, "infura2")}`],
        valid: ["https://mainnet.infura.io/v3/${INFURA_KEY}", "https://mainnet.infura.io/v3/YOUR-PROJECT-ID", `https://mainnet.infura.io/v3/${"0".repeat(32)}`],
      };
    },
  }),
  // A wallet's BIP-39 recovery phrase (12-24 words) under a name that says so: `MNEMONIC=…`,
  // `SEED_PHRASE=…`, Hardhat's `accounts: { mnemonic: "…" }`. It derives every private key of the wallet
  // (https://github.com/bitcoin/bips/blob/master/bip-0039.mediawiki).
  custom({
    id: "bip39-mnemonic",
    description: "BIP-39 wallet recovery phrase (mnemonic / seed phrase)",
    kind: "private-key",
    severity: "critical",
    docs: "https://github.com/bitcoin/bips/blob/master/bip-0039.mediawiki",
    keywords: ["mnemonic", "seed_phrase", "seed phrase", "seedphrase", "seed-phrase", "recovery_phrase", "recovery phrase", "recoveryphrase"],
    pattern: /(?:mnemonic|seed[_ -]?phrase|recovery[_ -]?phrase)\w{0,20}["']?[ \t]{0,4}(?:=>|:=|[:=])[ \t]{0,4}["'`]?(?<secret>[a-z]{3,8}(?:[ \t][a-z]{3,8}){11,32})(?![ \t]*[A-Za-z])/i,
    validate: isMnemonic,
    get examples() {
      return {
        invalid: [`MNEMONIC="${words(12, "mn")}"`, `MONERO_MNEMONIC="${words(25, "mn6")}"`, `SEED_PHRASE=${words(24, "mn2")}`, `accounts: { mnemonic: "${words(12, "mn3")}" },`],
        valid: [
          'accounts: { mnemonic: "test test test test test test test test test test test junk" }',
          'MNEMONIC="abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"',
          "MNEMONIC=${WALLET_MNEMONIC}",
          "the mnemonic: a list of words that is easy to write down and read",
          `mnemonic: ${words(26, "mn4")}`,
          `MNEMONIC="${words(13, "mn5")}"`,
        ],
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
  // QuickNode endpoints carry the token as the path segment after the endpoint's host:
  // https://<name>.<network>.quiknode.pro/<token>/ (and wss://), 32-64 hex or base62
  // (https://www.quicknode.com/docs/ethereum/endpoint-security).
  custom({
    id: "quicknode-endpoint-token",
    description: "QuickNode token in an endpoint URL (….quiknode.pro/<token>/)",
    kind: "api-key",
    severity: "high",
    docs: "https://www.quicknode.com/docs/ethereum/endpoint-security",
    keywords: [".quiknode.pro/"],
    pattern: /(?:https|wss):\/\/[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,2}\.quiknode\.pro\/(?<secret>[A-Za-z0-9]{32,64})(?![A-Za-z0-9_-])/,
    entropy: 3.3,
    get examples() {
      return {
        invalid: [`QUICKNODE_URL = "https://frosty-silent-meadow.quiknode.pro/${fake(HEX, 40, "quicknode")}/"`, `wss://snowy-bold-wave.base-mainnet.quiknode.pro/${fake(HEX, 40, "quicknode2")}/`],
        valid: ["https://docs-demo.quiknode.pro/${QUICKNODE_TOKEN}/", "https://example.quiknode.pro/abc123/", `https://x.quiknode.pro/${"0".repeat(40)}/`],
      };
    },
  }),
  // Blockfrost (Cardano and IPFS API) project ids: the network ("mainnet", "preprod", "preview",
  // "testnet", "ipfs") + 32 base62 characters, sent as the `project_id` header
  // (https://docs.blockfrost.io/#section/Authentication). The network words are common; the body must
  // look random (digits, not an identifier's camelCase humps).
  custom({
    id: "blockfrost-project-id",
    description: "Blockfrost project id (mainnet…/preprod…/preview…/ipfs… + 32)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.blockfrost.io/#section/Authentication",
    keywords: ["mainnet", "preprod", "preview", "testnet", "ipfs"],
    pattern: /(?<![A-Za-z0-9_])(?<secret>(?:mainnet|preprod|preview|testnet|ipfs)[A-Za-z0-9]{32})(?![A-Za-z0-9_])/,
    entropy: 4,
    validate: (s) => {
      const body = s.replace(/^(?:mainnet|preprod|preview|testnet|ipfs)/, "");
      return (body.match(/[0-9]/g)?.length ?? 0) >= 2 && /[A-Z]/.test(body) && /[a-z]/.test(body) && !looksLikeIdentifier(body);
    },
    get examples() {
      return {
        invalid: [`BLOCKFROST_PROJECT_ID = "mainnet${fake(ALNUM, 32, "blockfrost")}"`, `headers: { project_id: "preprod${fake(ALNUM, 32, "blockfrost2")}" }`],
        valid: ["project_id: previewXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "const previewImageSourceForTheThumbnailWidget = 1;", `mainnet${"a".repeat(32)}`],
      };
    },
  }),
  // LND macaroons are bearer credentials for a Lightning node's gRPC/REST API (admin.macaroon spends the wallet's
  // funds). Scripts and env files carry them hex-encoded (`xxd -ps -u -c 1000 admin.macaroon`, the
  // `Grpc-Metadata-macaroon` header): a version-2 macaroon whose first field is the location "lnd"
  // (`02 01 03 6c6e64`), https://docs.lightning.engineering/lightning-network-tools/lnd/macaroons.
  custom({
    id: "lnd-macaroon-hex",
    description: "LND macaroon (hex), a bearer credential for a Lightning node",
    kind: "token",
    severity: "critical",
    docs: "https://docs.lightning.engineering/lightning-network-tools/lnd/macaroons",
    keywords: ["0201036c6e64"],
    pattern: /(?<![0-9A-Fa-f])(?<secret>0201036[Cc]6[Ee]64[0-9A-Fa-f]{100,4000})(?![0-9A-Fa-f])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`MACAROON_HEX=0201036c6e6402f801030a10${fake(HEX, 32, "lnd1")}1201301a160a0761646472657373120472656164${fake(HEX, 96, "lnd2")}`],
        valid: ["0201036c6e6402f801", `0201036c6e64${"0".repeat(120)}`, "MACAROON_HEX=$(xxd -ps -u -c 1000 admin.macaroon)"],
      };
    },
  }),
];
