// Keys written as byte arrays (`static const uint8_t AES_KEY[16] = {0x3a, …}` in an Arduino `secrets.h`,
// Zigbee2MQTT's `network_key: [131, 207, …]`). Secret scanners read strings; byte arrays under a key's
// name are mostly crypto test vectors (Go's crypto/cipher FIPS-197 vectors, rustls' key schedule tests:
// docs/detection.md "Known gaps, session 9"), so they are read only where the file or the setting says
// what the bytes are, and the published keys below stay quiet.

// Published keys: FIPS-197 Appendix A.1 and SP 800-38A's AES-128/192/256 example keys, FIPS-197 Appendix C's
// (sequential, caught below too), Zigbee's well-known trust-center link key ("ZigBeeAlliance09"), and
// Zigbee2MQTT's documented default network key (its configuration docs, `network_key: GENERATE` since 1.x).
const PUBLISHED = new Set([
  "2b7e151628aed2a6abf7158809cf4f3c",
  "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
  "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
  "5a6967426565416c6c69616e63653039",
  "01030507090b0d0f00020406080a0c0d",
]);

/** The bytes of `0x3a, 0x91, …` or `131, 207, …` (each 0-255), or null. */
export function parseByteList(list: string): number[] | null {
  const parts = list.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^(?:0[xX][0-9a-fA-F]{1,2}|\d{1,3})$/.test(p)) return null;
    const n = p.length > 1 && (p[1] === "x" || p[1] === "X") ? Number.parseInt(p.slice(2), 16) : Number.parseInt(p, 10);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

/** A 16, 24 or 32-byte key that is random: mostly distinct bytes, no arithmetic run, not a published key. */
export function isRandomByteKey(bytes: number[]): boolean {
  if (bytes.length !== 16 && bytes.length !== 24 && bytes.length !== 32) return false;
  if (new Set(bytes).size * 4 < bytes.length * 3) return false;
  let run = 1;
  for (let i = 2; i < bytes.length && run < 6; i++) run = bytes[i]! - bytes[i - 1]! === bytes[i - 1]! - bytes[i - 2]! ? run + 1 : 1;
  if (run >= 6) return false;
  return !PUBLISHED.has(bytes.map((b) => b.toString(16).padStart(2, "0")).join(""));
}
