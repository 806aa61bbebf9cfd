import { BlockList, isIP } from "node:net";

// CIDR bindings (AppRole `secret_id_bound_cidrs`, `cidr_list`): is the
// client's address inside one of the blocks? node's BlockList does the
// matching for IPv4 and IPv6; IPv4-mapped IPv6 addresses are compared as IPv4.

export function parseCidrs(cidrs: string[]): BlockList | undefined {
  if (cidrs.length === 0) return undefined;
  const list = new BlockList();
  for (const c of cidrs) {
    const [addr = "", bits] = c.trim().split("/");
    const family = isIP(addr);
    if (family === 0) throw new Error(`invalid CIDR block "${c}"`);
    const type = family === 6 ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) throw new Error(`invalid CIDR block "${c}"`);
    list.addSubnet(addr, prefix, type);
  }
  return list;
}

export function addressAllowed(address: string, cidrs: string[]): boolean {
  const list = parseCidrs(cidrs);
  if (!list) return true;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return list.check(v4, "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 6 ? "ipv6" : "ipv4");
}
