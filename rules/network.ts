import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, B64, BASE32, HEX, fake } from "./fake.js";
import { isRandomByteKey, parseByteList } from "../src/scan/byte-key.js";

// A variable or member chain (`read_psk`, `settings.wifi_psk`, `storedWifiPsk`): lower-case words joined by `_`/`.`,
// or lower camel case; no digit. Each camel-case word opens with its capital, so the pattern cannot backtrack.
const IDENTIFIER = /^[a-z]+(?:(?:[_.][a-z]+)+|(?:[A-Z][a-z]+)+)$/;

const pw = (seed: string): string => fake(ALNUM, 16, seed);

// Cisco IOS "type 7" passwords are not hashes: each byte is XORed with a fixed
// 53-byte key, starting at the offset the first two decimal digits give
// (`password 7 0822455D0A16` decodes to "cisco"). Any copy of a running-config
// therefore discloses the password; Cisco's own advisory calls the scheme
// reversible (https://www.cisco.com/c/en/us/support/docs/security-vpn/remote-authentication-dial-user-service-radius/107614-64.html).
const XLAT = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";

/** The clear text of a type 7 string, or null if it is not well formed. */
export function decodeCiscoType7(s: string): string | null {
  if (s.length < 4 || s.length % 2 !== 0 || !/^\d\d[0-9A-Fa-f]+$/.test(s)) return null;
  const seed = Number(s.slice(0, 2));
  if (seed > 52) return null;
  let out = "";
  for (let i = 2; i < s.length; i += 2) out += String.fromCharCode(parseInt(s.slice(i, i + 2), 16) ^ XLAT.charCodeAt((seed + (i - 2) / 2) % XLAT.length));
  return out;
}

/** The type 7 form of `plain` (for the examples). */
export function encodeCiscoType7(plain: string, seed = 9): string {
  let out = String(seed).padStart(2, "0");
  for (let i = 0; i < plain.length; i++) out += (plain.charCodeAt(i) ^ XLAT.charCodeAt((seed + i) % XLAT.length)).toString(16).toUpperCase().padStart(2, "0");
  return out;
}

/** A real password, and not `cisco` / `cisco123`, the configuration guides' own examples. */
const isRealDevicePassword = (s: string): boolean => !/^cisco\d{0,3}$/i.test(s) && isRealPassword(s);

const isRealType7 = (s: string): boolean => {
  const plain = decodeCiscoType7(s);
  return plain !== null && /^[\x21-\x7e]+$/.test(plain) && isRealDevicePassword(plain);
};

// SNMP communities every device ships with or every tutorial prints.
const DEFAULT_COMMUNITY = /^(?:public|private|community|secret|snmp|read|write)$/i;


/**
 * A base64 shared key of 16 bytes or more that decodes to random bytes: not printable text (a test vector
 * such as base64("foobarbaz…")), and most bytes distinct. HMAC keys from `tsig-keygen`, `rndc-confgen`
 * and `dnssec-keygen` are random bytes of the digest's length.
 */
export function isRandomBase64Key(s: string): boolean {
  if (!/^[A-Za-z0-9+/]{22,}={0,2}$/.test(s) || s.length % 4 === 1) return false;
  const bytes = Buffer.from(s, "base64");
  if (bytes.length < 16) return false;
  let printable = 0;
  for (const b of bytes) if (b >= 0x20 && b < 0x7f) printable++;
  if (printable === bytes.length) return false;
  return new Set(bytes).size * 3 >= Math.min(bytes.length, 256) * 2 * (bytes.length > 48 ? 0.75 : 1);
}

const tsigKey = (seed: string, n = 32): string => Buffer.from(fake(HEX, n * 2, seed), "hex").toString("base64");

export const rules: Rule[] = [
  custom({
    id: "cisco-type7-password",
    description: "Cisco IOS type 7 password or key (reversible encoding, not a hash)",
    kind: "password",
    severity: "high",
    docs: "https://www.cisco.com/c/en/us/support/docs/security-vpn/remote-authentication-dial-user-service-radius/107614-64.html",
    keywords: ["password 7 ", "key 7 ", "secret 7 ", "key-string 7 ", "md5 7 "],
    // NX-OS quotes the string (`tacacs-server key 7 "…"`); IOS key chains write `key-string 7 …`, and NTP keys
    // `ntp authentication-key 1 md5 7 …` (IOS, EOS).
    pattern: /(?<![\w-])(?:password|key|secret|key-string|authentication-key[ \t]{1,4}\d{1,10}[ \t]{1,4}md5)[ \t]{1,4}7[ \t]{1,4}("?)(?<secret>\d\d[0-9A-Fa-f]{2,200})\1(?![\w$])/,
    validate: isRealType7,
    get examples() {
      return {
        invalid: [
          `username backup privilege 15 password 7 ${encodeCiscoType7(pw("type7"))}`,
          ` tacacs-server key 7 ${encodeCiscoType7(pw("type7b"), 14)}`,
          `tacacs-server host 10.0.0.49 key 7 "${encodeCiscoType7(pw("type7c"), 3)}"`,
          `key chain OSPF\n key 1\n  key-string 7 ${encodeCiscoType7(pw("type7d"), 5)}`,
          `ntp authentication-key 1 md5 7 ${encodeCiscoType7(pw("type7e"), 11)}`,
        ],
        // `cisco` (the manuals' example), an odd-length string, type 5 (an MD5-crypt hash).
        valid: [`username admin password 7 ${encodeCiscoType7("cisco")}`, "enable password 7 0822455D0A1", "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0"],
      };
    },
  }),
  // Clear text in a device configuration: `username x [privilege n] password 0 …`,
  // `enable password …` (IOS keeps it unencrypted without `service password-encryption`).
  custom({
    id: "cisco-cleartext-password",
    description: "Cisco IOS clear-text password (username … password 0 …, enable password …)",
    kind: "password",
    severity: "high",
    docs: "https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/security/m1/sec-m1-cr-book/sec-cr-e1.html#wp3884449514",
    // `enable secret 0 …` and `enable secret …` are typed in clear (IOS hashes them on entry; a config file
    // written by hand or a template keeps the clear text); `enable secret 5 $1$…` is a hash and stays out (the
    // value may not follow a type digit). `pac key 0 …`: a RADIUS server's PAC key (TrustSec), in clear.
    keywords: [" password 0 ", " secret 0 ", "enable password ", "enable secret ", " privilege 15 password ", "pac key "],
    pattern: /^[ \t]{0,8}(?:username[ \t]{1,4}\S{1,64}(?:[ \t]{1,4}privilege[ \t]{1,4}\d{1,2})?[ \t]{1,4}(?:password|secret)|enable[ \t]{1,4}(?:password|secret)(?:[ \t]{1,4}level[ \t]{1,4}\d{1,2})?|pac[ \t]{1,4}key)[ \t]{1,4}(?:0[ \t]{1,4})?(?<secret>[^\s$]\S{3,127})[ \t]*$/m,
    validate: isRealDevicePassword,
    get examples() {
      return {
        invalid: [`username emergency privilege 15 password 0 ${pw("ios0")}`, `enable password ${pw("ios1")}`, `enable secret 0 ${pw("ios2")}`, ` pac key 0 ${pw("ios3")}`],
        valid: ["username admin privilege 15 secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM", "enable password cisco", "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", " pac key 7 045802150C2E", "username netops privilege 15 password 7 0822455D0A16"],
      };
    },
  }),
  // Shared secrets between a device and its AAA/NTP/VPN peers: `tacacs-server [host h] key …`,
  // `radius-server [host h] key …`, `key …` inside a `radius server` / `tacacs server` block,
  // `crypto isakmp key … address …`, `ntp authentication-key n md5 …`.
  custom({
    id: "network-device-shared-key",
    description: "Network device shared key (TACACS+, RADIUS, ISAKMP pre-shared key, NTP authentication key)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/security/a1/sec-a1-cr-book/sec-cr-c4.html#wp3735405016",
    keywords: ["tacacs-server", "radius-server", "radius server", "tacacs server", "isakmp key", "authentication-key", "pre-shared-key", "aaa-server"],
    // Also the IKE pre-shared keys of an ASA `tunnel-group … ipsec-attributes` (`ikev1 pre-shared-key …`,
    // `ikev2 remote-authentication pre-shared-key …`) and an IOS IKEv2 keyring (`pre-shared-key local …`), and the
    // `key` of an ASA `aaa-server NAME (iface) host ADDR` block. Type 6/7 (encrypted, reversible: the type 7 rule)
    // and `*****` (masked by `show running-config`) are not clear text.
    pattern: /(?:(?:tacacs|radius)-server[ \t]{1,4}(?:host[ \t]{1,4}\S{1,100}[ \t]{1,4}(?:\S{1,30}[ \t]{1,4}){0,6}?)?key|crypto[ \t]{1,4}isakmp[ \t]{1,4}key|ntp[ \t]{1,4}authentication-key[ \t]{1,4}\d{1,10}[ \t]{1,4}md5|^[ \t]{0,8}(?:ikev[12][ \t]{1,4}(?:(?:local|remote)-authentication[ \t]{1,4})?)?pre-shared-key(?:[ \t]{1,4}(?:local|remote))?|(?:(?:radius|tacacs)[ \t]server[ \t][^\n]{1,64}|aaa-server[ \t][^\n]{1,100}[ \t]host[ \t][^\n]{1,100})\n(?:[ \t](?![ \t]{0,8}key[ \t])[^\n]{0,200}\n){0,8}[ \t]{1,8}key)[ \t]{1,4}(?:0[ \t]{1,4})?(?![67][ \t]|(?:local|remote|ascii-text|hexadecimal)[ \t])(?<secret>[^\s$*"'`]\S{2,126}?[^\s"'`])(?=[ \t]|["'`]?[,;)\]]?[ \t]*$)/m,
    validate: isRealDevicePassword,
    get examples() {
      return {
        invalid: [
          `tacacs-server host 10.0.0.30 key ${pw("tacacs")}`,
          // A config line quoted in code or a test (`"radius-server key …",`): the quote and comma close the string.
          `  "radius-server host 10.0.0.31 key ${pw("quoted")}",`,
          `radius server corp\n address ipv4 10.0.0.31 auth-port 1812 acct-port 1813\n key ${pw("radius")}\n`,
          `crypto isakmp key ${pw("isakmp")} address 203.0.113.9`,
          `ntp authentication-key 1 md5 ${pw("ntp")}`,
          `tunnel-group 198.51.100.20 ipsec-attributes\n ikev1 pre-shared-key ${pw("asa1")}`,
          ` ikev2 remote-authentication pre-shared-key ${pw("asa2")}`,
          `crypto ikev2 keyring HQ\n peer HQ\n  address 198.51.100.20\n  pre-shared-key local ${pw("ios2")}`,
          `aaa-server ISE (inside) host 10.0.0.60\n key ${pw("asa3")}\n`,
        ],
        valid: [
          "tacacs-server key 7 0822455D0A16",
          "radius-server key cisco", // vaultshift:allow
          "radius-server key $RADIUS_KEY",
          ".card { border-radius: 4px; }\n key value\n", // vaultshift:allow
          " ikev2 local-authentication pre-shared-key *****",
          "  pre-shared-key remote 6 ZXJBVGFMbWdRXWBVIQXcRLLbAAB",
          "The pre-shared-key option sets the key.",
          '    pre-shared-key ascii-text "$9$hqfzF/At0IcSeIEhcylKvM87-"; ## SECRET-DATA', // vaultshift:allow
          "  pre-shared-key remote 6 AbCdEfGhIjKlMnOp",
        ],
      };
    },
  }),
  // SNMP v1/v2c communities are passwords sent in clear: IOS `snmp-server community X RO|RW`,
  // net-snmp `rocommunity X` / `rwcommunity X` / `com2sec name source X` (snmpd.conf(5)).
  custom({
    id: "snmp-community-string",
    description: "SNMP community string other than the defaults (public/private)",
    kind: "password",
    severity: "medium",
    docs: "https://net-snmp.sourceforge.io/docs/man/snmpd.conf.html",
    keywords: ["snmp-server community", "rocommunity", "rwcommunity", "com2sec", "snmp-server host", "agentcommunity"],
    // Also the community of a trap receiver (ASA `snmp-server host IFACE ADDR community X [version 2c]`) and
    // Dell iDRAC's `racadm set iDRAC.SNMP.AgentCommunity X`.
    pattern: /(?:snmp-server[ \t]{1,4}community|snmp-server[ \t]{1,4}host[ \t][^\n]{1,120}?[ \t]community|AgentCommunity|^[ \t]{0,8}r[ow]community6?|^[ \t]{0,8}com2sec6?[ \t]{1,4}\S{1,64}[ \t]{1,4}\S{1,100})[ \t]{1,4}(?<secret>[^\s"'$#]{4,64})(?=[ \t]|$)/m,
    validate: (s) => !DEFAULT_COMMUNITY.test(s) && isRealPassword(s),
    get examples() {
      return {
        invalid: [`snmp-server community ${pw("snmp")} RO`, `rwcommunity ${pw("snmp2")} 10.0.0.0/8`, `snmp-server host inside 10.0.0.70 community ${pw("snmp3")} version 2c`, `racadm set iDRAC.SNMP.AgentCommunity ${pw("snmp4")}`],
        valid: ["rocommunity public localhost", "snmp-server community private RW", "com2sec readonly default public"],
      };
    },
  }),
  // SNMPv3 users: net-snmp `createUser name SHA "auth passphrase" AES "privacy passphrase"`, IOS
  // `snmp-server user name group v3 auth sha … priv aes 128 …`. Passphrases are at least 8 characters.
  custom({
    id: "snmpv3-user-passphrase",
    description: "SNMPv3 user authentication passphrase (net-snmp createUser, IOS snmp-server user)",
    kind: "password",
    severity: "high",
    docs: "https://net-snmp.sourceforge.io/docs/man/snmpd.conf.html",
    keywords: ["createuser", "snmp-server user"],
    // NX-OS writes `snmp-server user NAME ROLE auth md5 0x… priv 0x… localizedkey` (no `v3`), EOS
    // `snmp-server user NAME GROUP v3 localized ENGINE-ID auth sha HEX priv aes HEX`: a localized key is all the
    // agent checks, so it authenticates to that device as well as the passphrase would.
    pattern: /(?:createUser[ \t]{1,4}(?:-e[ \t]{1,4}\S{1,80}[ \t]{1,4})?\S{1,64}[ \t]{1,4}(?:MD5|SHA(?:-?\d{3})?)|snmp-server[ \t]{1,4}user[ \t]{1,4}\S{1,64}[ \t]{1,4}\S{1,64}(?:[ \t]{1,4}v3)?(?:[ \t]{1,4}localized[ \t]{1,4}\S{1,80})?[ \t]{1,4}auth[ \t]{1,4}(?:md5|sha\d{0,3}))[ \t]{1,4}(["']?)(?<secret>[^\s"']{8,128})\1(?=[ \t]|$)/im,
    validate: isRealDevicePassword,
    get examples() {
      return {
        invalid: [
          `createUser nms SHA "${pw("snmpv3")}" AES "${pw("snmpv3p")}"`,
          `snmp-server user nms NMS v3 auth sha ${pw("snmpv3c")} priv aes 128 ${pw("snmpv3d")}`,
          `snmp-server user admin network-admin auth md5 0x${fake(HEX, 32, "nxos-snmp")} priv 0x${fake(HEX, 32, "nxos-snmp2")} localizedkey`,
          `snmp-server user mon ro v3 localized ${fake(HEX, 24, "eos-eng")} auth sha ${fake(HEX, 40, "eos-snmp")} priv aes ${fake(HEX, 32, "eos-snmp2")}`,
        ],
        valid: ['createUser myuser SHA "my authentication pass" AES "my encryption pass"', 'createUser nms SHA "my_password" AES', "createUser -e 0x8000000001020304 nms SHA $SNMP_AUTH"],
      };
    },
  }),
  // Junos `$9$…` secrets are a reversible obfuscation (like Cisco type 7), printed for
  // `secret`, `pre-shared-key ascii-text`, `authentication-key`… The quotes are Junos' own.
  custom({
    id: "junos-type9-secret",
    description: "Juniper Junos $9$ secret (reversible obfuscation, not a hash)",
    kind: "password",
    severity: "high",
    docs: "https://www.juniper.net/documentation/us/en/software/junos/user-access/topics/topic-map/configuring-plain-text-password-requirements.html",
    keywords: ['"$9$'],
    pattern: /(?:secret|ascii-text|authentication-key|password|key)[ \t]{1,4}"(?<secret>\$9\$[^"$\s]{6,512})"/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`security { ike { policy p { pre-shared-key ascii-text "$9$${fake(ALNUM + "./-", 30, "junos")}"; } } }`],
        valid: ['encrypted-password "$6$abcdefgh$ijklmnopqrstuvwxyz"', 'secret "$9$"', "enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM"],
      };
    },
  }),
  // strongSwan / Libreswan ipsec.secrets: `[selectors] : PSK "…"`, `: EAP "…"`, `: XAUTH "…"`,
  // `: PSK 0s<base64>` (ipsec.secrets(5)). `: RSA <file>` names a key file and is not matched.
  custom({
    id: "ipsec-secrets-psk",
    description: "IPsec pre-shared key or EAP/XAUTH password (ipsec.secrets)",
    kind: "password",
    severity: "high",
    docs: "https://docs.strongswan.org/docs/5.9/config/ipsecSecrets.html",
    keywords: [": psk", ": eap", ": xauth", ": ntlm"],
    pattern: /(?:^|[ \t]):[ \t]{1,8}(?:PSK|EAP|XAUTH|NTLM)[ \t]{1,8}(["']?)(?<secret>[^\s"']{4,512})\1[ \t]*(?:#[^\n]{0,200})?$/m,
    validate: isRealDevicePassword,
    get examples() {
      return {
        invalid: [`gw.acme.io 203.0.113.50 : PSK "${pw("ipsec")}"`, `carol : EAP "${pw("ipsec2")}"`, `%any : PSK 0s${fake(B64, 43, "ipsec3")}=`],
        valid: [": RSA /etc/ipsec.d/private/gw.pem", ': PSK "${IPSEC_PSK}"', '%any : PSK "secret"'],
      };
    },
  }),
  // Wi-Fi passphrases: wpa_supplicant `psk="…"` (8-63 characters) or `psk=<64 hex>` (wpa_supplicant.conf(5)),
  // hostapd `wpa_passphrase=` / `wpa_psk=` / `sae_password=`, NetworkManager keyfiles `psk=…`.
  custom({
    id: "wifi-psk",
    description: "Wi-Fi WPA passphrase or pre-shared key (wpa_supplicant, hostapd, NetworkManager)",
    kind: "password",
    severity: "medium",
    docs: "https://w1.fi/cgit/hostap/plain/wpa_supplicant/wpa_supplicant.conf",
    keywords: ["psk=", "wpa_passphrase", "sae_password"],
    // `#psk="…"` too: wpa_passphrase(8) prints the plaintext passphrase as that comment above the derived
    // `psk=<64 hex>`, and the pair is pasted into wpa_supplicant.conf as printed.
    pattern: /^[ \t]{0,16}#?[ \t]{0,4}(?:psk|wpa_passphrase|wpa_psk|sae_password)[ \t]{0,4}=[ \t]{0,4}("?)(?<secret>[^"\s]{8,64})\1[ \t]*$/m,
    validate: isRealDevicePassword,
    get examples() {
      return {
        invalid: [`network={\n    ssid="Warehouse"\n    psk="${pw("wifi")}"\n}`, `network={\n    ssid="Office"\n    psk=${fake(HEX, 64, "wifi2")}\n}`, `wpa_passphrase=${pw("hostapd")}`, `network={\n\tssid="Lab"\n\t#psk="${pw("wifi3")}"\n\tpsk=${fake(HEX, 64, "wifi3")}\n}`],
        valid: ['    #psk="yourpassphrase"', '    psk="password"', "wpa_passphrase=$WIFI_PASSPHRASE"],
      };
    },
  }),
  // A pre-shared key under a Wi-Fi or bridge setting's name: an Arduino/ESP-IDF `#define WIFI_PSK "…"`,
  // `WLAN_PSK=` in a firmware .env, Mosquitto's `bridge_psk <hex>` (TLS-PSK for a bridge, mosquitto.conf(5)).
  // A bare `psk` name is not enough: TLS cipher-suite names (`ECDHE-PSK`, `kx_ecdhe_psk`) are full of it.
  custom({
    id: "named-psk",
    description: "Pre-shared key under a Wi-Fi or bridge setting's name (WIFI_PSK, WLAN_PSK, bridge_psk)",
    kind: "password",
    severity: "medium",
    docs: "https://mosquitto.org/man/mosquitto-conf-5.html",
    keywords: ["wifi_psk", "wlan_psk", "bridge_psk", "sta_psk", "wifipsk"],
    // Unquoted, the value is the rest of the line (a .env, a .conf, `#define`) with no call or statement in
    // it: in code an unquoted right-hand side is an expression (`wifiPsk = config.getWifiPsk();`,
    // `wifiPsk: WifiPskConfig = load()`), not a value; nor is a lower-case identifier or member chain without a digit
    // (`wifi_psk = read_psk`, `wifi_psk = settings.psk`, `wifiPsk = savedPsk`: IDENTIFIER, checked on the match, since
    // the pattern is case-insensitive).
    pattern: /(?<![A-Za-z0-9])(?:wifi|wlan|sta|bridge)_?psk["']?(?:[ \t]{0,4}[=:][ \t]{0,4}|[ \t]{1,8})(["']?)(?:(?<=["'])|(?![^\s"']{0,128}[(;]))(?<secret>[^"'\s]{8,128})\1(?:(?<=["'])(?![^\s;,)}\]])|(?=[ \t]*(?:[\r\n#]|\/\/|$)))/i,
    validate: (s) => !IDENTIFIER.test(s) && isRealDevicePassword(s),
    get examples() {
      return {
        invalid: [`#define WIFI_PSK "${pw("wifipsk")}"`, `bridge_psk ${fake(HEX, 32, "bridgepsk")}`, `WLAN_PSK=${pw("wlanpsk")}`],
        valid: ['#define WIFI_PSK "YOUR_WIFI_PSK"', '#define WIFI_PSK "changeme123"', "bridge_psk $BRIDGE_PSK", 'static const char *SN_kx_ecdhe_psk = "KxECDHE-PSK";', "bridge_psk_identity  gateway01", "String wifiPsk = config.getWifiPsk();", "const wifiPsk: WifiPskConfig = loadConfig();", "wifiPsk = savedPassword;", "wifi_psk = read_psk", "WIFI_PSK = settings.wifi_psk", "wifiPsk = storedWifiPsk"],
      };
    },
  }),
  // Zigbee2MQTT's `advanced.network_key`: the 128-bit key that encrypts the Zigbee network (every device's
  // traffic; whoever holds it joins and sniffs), written as 16 numbers (its configuration docs; `GENERATE`
  // makes one on first start). The documented default list and Zigbee's well-known link key are public.
  custom({
    id: "zigbee-network-key",
    description: "Zigbee network key (Zigbee2MQTT network_key: [16 bytes])",
    kind: "generic-secret",
    severity: "high",
    docs: "https://www.zigbee2mqtt.io/guide/configuration/zigbee-network.html",
    keywords: ["network_key"],
    pattern: /network_key["']?[ \t]{0,4}:[ \t]{0,4}\[(?<secret>[ \t]{0,4}(?:0x[0-9a-fA-F]{1,2}|\d{1,3})(?:[ \t]{0,4},[ \t]{0,4}(?:0x[0-9a-fA-F]{1,2}|\d{1,3})){15})[ \t]{0,4}\]/,
    validate: (s) => {
      const bytes = parseByteList(s);
      return bytes !== null && isRandomByteKey(bytes);
    },
    get examples() {
      const list = (seed: string) => [...fake(HEX, 32, seed)].reduce<string[]>((out, c, i, all) => (i % 2 === 0 ? [...out, String(Number.parseInt(c + all[i + 1]!, 16))] : out), []).join(", ");
      return {
        invalid: [`advanced:\n  network_key: [${list("z2m")}]`, `  "network_key": [${list("z2m2")}],`],
        valid: [
          "  network_key: GENERATE",
          "  network_key: [1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]",
          "  network_key: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]",
          "  ext_pan_id: [221, 221, 221, 221, 221, 221, 221, 221]",
        ],
      };
    },
  }),
  // OpenVPN static keys (`--secret`, `<tls-auth>`, `<tls-crypt>`): 2048 bits as 16 lines of 32 hex digits
  // between these markers (openvpn(8), --genkey). Anyone holding it can pass the HMAC firewall or decrypt.
  custom({
    id: "openvpn-static-key",
    description: "OpenVPN static key (tls-auth / tls-crypt / --secret)",
    kind: "private-key",
    severity: "critical",
    docs: "https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/",
    keywords: ["begin openvpn static key"],
    pattern: /-----BEGIN OpenVPN Static key V1-----\r?\n(?<secret>(?:[0-9a-f]{32}\r?\n){15}[0-9a-f]{32})\r?\n-----END OpenVPN Static key V1-----/,
    entropy: 3,
    get examples() {
      const lines = Array.from({ length: 16 }, (_, i) => fake(HEX, 32, `ovpn|${i}`)).join("\n");
      return {
        invalid: [`<tls-auth>\n-----BEGIN OpenVPN Static key V1-----\n${lines}\n-----END OpenVPN Static key V1-----\n</tls-auth>`],
        valid: [`-----BEGIN OpenVPN Static key V1-----\n${"0".repeat(32)}\n-----END OpenVPN Static key V1-----`, `-----BEGIN OpenVPN Static key V1-----\n${Array.from({ length: 16 }, () => "0".repeat(32)).join("\n")}\n-----END OpenVPN Static key V1-----`],
      };
    },
  }),
  // Asterisk's outbound registration (sip.conf/iax.conf `[general]`):
  // `register => [transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry]`
  // (https://docs.asterisk.org/Configuration/Channel-Drivers/SIP/Configuring-chan_sip/): the trunk
  // password sits between the user and the host, with no name of its own.
  custom({
    id: "asterisk-register-secret",
    description: "Asterisk register => line with the trunk secret (sip.conf, iax.conf)",
    kind: "password",
    severity: "high",
    docs: "https://docs.asterisk.org/Configuration/Channel-Drivers/SIP/Configuring-chan_sip/",
    keywords: ["register"],
    pattern: /^[ \t]{0,8}register[ \t]{0,4}=>?[ \t]{0,4}(?:[a-z]{2,5}:\/\/)?[^\s:@\/;]{1,64}(?:@[^\s:@\/;]{1,253})?:(?<secret>[^\s:@\/;]{3,128})(?::[^\s:@\/;]{1,64})?@[A-Za-z0-9[]/m,
    validate: isRealPassword,
    get examples() {
      const secret = fake(ALNUM, 14, "asterisk-register");
      return {
        invalid: [`[general]\nregister => 7845082:${secret}@sip.provider.example/2725940\n`, `register => tls://trunk@voip.example:${secret}:authuser@voip.example:5061`],
        valid: ["register => 2345@sip.provider.example/1234", "register => user:password@sip.example", ";register => 1234:secret@mysipprovider.com"],
      };
    },
  }),
  // ZNC's `znc.conf` gives each IRC server of a network as `Server = host [[+]port] [password]` (`+` for TLS;
  // https://wiki.znc.in/Configuration#Network): the server password is the third field, with no name of its own
  // (the `/znc AddServer host +port password` command writes the same line). Port required, so a line of
  // another format (`Server = host`, `Server = host name`) is not read.
  custom({
    id: "znc-server-password",
    description: "ZNC Server = host +port password line (znc.conf) with the IRC server password",
    kind: "password",
    severity: "high",
    docs: "https://wiki.znc.in/Configuration#Network",
    keywords: ["server"],
    pattern: /^[ \t]{0,16}Server[ \t]{0,16}=[ \t]{0,16}[A-Za-z0-9][A-Za-z0-9.:-]{0,252}[ \t]{1,8}\+?\d{1,5}[ \t]{1,8}(?<secret>[^\s$<{][^\s]{3,127})[ \t]*$/m,
    // isRealPassword: not a `%VAR%`, `${…}` or `<…>` reference, not a stand-in.
    validate: isRealPassword,
    get examples() {
      const secret = fake(ALNUM, 16, "znc-server");
      return {
        invalid: [`<Network libera>\n\t\tServer     = irc.lab.example +6697 ${secret}\n</Network>`, `Server = 10.0.0.5 6667 ${secret}`],
        valid: ["\t\tServer     = irc.libera.chat +6697", "Server = irc.example.org +6697 ${ZNC_SERVER_PASSWORD}", "Server = irc.example.org +6697 %ZNC_PASS%", "Server = irc.example.org +6697 password", "Server = irc.example.org"],
      };
    },
  }),
  // ISC configuration syntax for a shared HMAC key (BIND `named.conf` and `rndc.key`, ISC DHCP `dhcpd.conf`,
  // `nsupdate -k`): `key "name" { algorithm hmac-sha256; secret "<base64>"; };`. Whoever holds it may update
  // zones, transfer them or control the server (https://bind9.readthedocs.io/en/latest/reference.html#key-block-grammar).
  // The quoted base64 followed by `;` after the `secret` keyword is the statement's own shape.
  custom({
    id: "tsig-key-secret",
    description: "DNS TSIG / rndc shared key (BIND, ISC DHCP `secret \"…\";`)",
    kind: "private-key",
    severity: "high",
    docs: "https://bind9.readthedocs.io/en/latest/reference.html#key-block-grammar",
    keywords: ['secret "'],
    pattern: /(?<![\w-])secret[ \t]{1,8}"(?<secret>[A-Za-z0-9+/]{22,200}={0,2})"[ \t]*;/,
    validate: isRandomBase64Key,
    get examples() {
      return {
        invalid: [`key "ddns-update" {\n    algorithm hmac-sha256;\n    secret "${tsigKey("tsig1")}";\n};`, `key "rndc-key" {\n\talgorithm hmac-sha512;\n\tsecret "${tsigKey("tsig2", 64)}";\n};`],
        // A test vector that is base64 of readable text, a placeholder, a short value.
        valid: [`secret "${Buffer.from("foobarbazquxquuxfoobarbazquxquux").toString("base64")}";`, 'secret "<base64-secret>";', 'secret "c2VjcmV0";'],
      };
    },
  }),
  // The key files `dnssec-keygen`/`tsig-keygen -a hmac-…` and `dnssec-keygen` for zone signing write next to the
  // public `.key` file (`K<name>+<alg>+<id>.private`, "Private-key-format: v1.3"): `Key:` holds an HMAC key,
  // `PrivateExponent:` an RSA and `PrivateKey:` an ECDSA or EdDSA private key (https://bind9.readthedocs.io/en/latest/manpages.html#dnssec-keygen-dnssec-key-generation-tool).
  custom({
    id: "dnssec-private-key-file",
    description: "BIND key file (`Private-key-format: v1.x`): HMAC key or DNSSEC private key",
    kind: "private-key",
    severity: "high",
    docs: "https://bind9.readthedocs.io/en/latest/manpages.html#dnssec-keygen-dnssec-key-generation-tool",
    keywords: ["private-key-format:"],
    pattern: /^Private-key-format:[ \t]*v1\.\d[ \t]*\r?\n(?:[^\n]{0,1500}\n){0,4}?(?:Key|PrivateExponent|PrivateKey):[ \t]+(?<secret>[A-Za-z0-9+/]{22,1400}={0,2})[ \t]*\r?$/m,
    validate: isRandomBase64Key,
    get examples() {
      return {
        invalid: [`Private-key-format: v1.3\nAlgorithm: 165 (HMAC_SHA512)\nKey: ${tsigKey("kfile1", 64)}\nBits: AAA=\n`, `Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: ${tsigKey("kfile2")}\n`],
        // The public half (`.key` file) and a template.
        valid: [`ddns.example. IN KEY 512 3 165 ${tsigKey("kfile3", 64)}`, "Private-key-format: v1.3\nAlgorithm: 165 (HMAC_SHA512)\nKey: <your key here>\n"],
      };
    },
  }),
  // PAN-OS XML/REST API keys (`/api/?type=keygen`): base64 of "-AQ==" and the key material, so every key opens
  // with `LUFRPT` (https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-panorama-api/get-started-with-the-pan-os-xml-api/get-your-api-key).
  // The key carries its administrator's rights until the key lifetime or a master-key change revokes it.
  custom({
    id: "panos-api-key",
    description: "Palo Alto Networks PAN-OS API key (LUFRPT…)",
    kind: "api-key",
    severity: "critical",
    docs: "https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-panorama-api/get-started-with-the-pan-os-xml-api/get-your-api-key",
    keywords: ["lufrpt"],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>LUFRPT[A-Za-z0-9+/]{34,300}={0,2})(?![A-Za-z0-9+/=])/,
    validate: (s) => {
      const text = Buffer.from(s, "base64").toString("latin1");
      return /^-AQ==[A-Za-z0-9+/]{16,}={0,2}[A-Za-z0-9+/]{8,}={0,2}$/.test(text) && !/(?:x{6,}|X{6,}|0{8,})/.test(text);
    },
    get examples() {
      const key = (seed: string) => Buffer.from(`-AQ==${fake(B64, 28, seed)}=${fake(B64, 22, seed + "b")}==`).toString("base64");
      return {
        invalid: [`KEY='${key("pan1")}'`, `curl -sk "https://fw/api/?type=op&cmd=<show></show>&key=${key("pan2")}"`],
        valid: ["X-PAN-KEY: ${PAN_KEY}", `key=${Buffer.from(`-AQ==${"x".repeat(28)}=${"x".repeat(22)}==`).toString("base64")}`, "LUFRPT0="],
      };
    },
  }),
  // Tor onion-service client authorization: the client's `<name>.auth_private` file (ClientOnionAuthDir) is
  // `<56-character onion address>:descriptor:x25519:<base32 private key>`; the service's
  // `authorized_clients/<name>.auth` holds `descriptor:x25519:<base32 public key>`, with no address in front
  // (https://community.torproject.org/onion-services/advanced/client-auth/). The address makes it the private half.
  custom({
    id: "tor-onion-client-auth-private-key",
    description: "Tor onion-service client authorization private key (<onion>:descriptor:x25519:<key>)",
    kind: "private-key",
    severity: "high",
    docs: "https://community.torproject.org/onion-services/advanced/client-auth/",
    keywords: [":descriptor:x25519:"],
    pattern: /(?<![a-z2-7])[a-z2-7]{56}(?:\.onion)?:descriptor:x25519:(?<secret>[A-Z2-7]{52})(?![A-Za-z2-7])/,
    entropy: 3.5,
    get examples() {
      const key = fake(BASE32, 52, "tor-auth");
      const onion = fake(BASE32, 56, "tor-onion").toLowerCase();
      return {
        invalid: [`${onion}:descriptor:x25519:${key}`],
        valid: [`descriptor:x25519:${key}`, `${onion}:descriptor:x25519:${"A".repeat(52)}`],
      };
    },
  }),
  // Envoy's SDS `generic_secret` (the OAuth2 filter's client secret and HMAC secret, a credential injector's
  // token) holds the secret as a DataSource: `inline_string` in clear, `inline_bytes` in base64, or a
  // `filename`/`environment_variable` reference, which is not the secret
  // (https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/transport_sockets/tls/v3/secret.proto#extensions-transport-sockets-tls-v3-genericsecret).
  custom({
    id: "envoy-generic-secret-inline",
    description: "Envoy SDS generic_secret given inline (inline_string / inline_bytes)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/transport_sockets/tls/v3/secret.proto#extensions-transport-sockets-tls-v3-genericsecret",
    keywords: ["generic_secret"],
    pattern: /\bgeneric_secret["']?[ \t]*:[ \t]*\{?[\s"']{0,40}secret["']?[ \t]*:[ \t]*\{?[\s"']{0,40}inline_(?:string|bytes)["']?[ \t]*:[ \t]*["']?(?<secret>[^\s"'{}$<][^\s"'{}]{7,4095})/,
    entropy: 3.5,
    validate: (s) => isRealPassword(s),
    get examples() {
      const v = fake(B64, 44, "envoy-hmac");
      return {
        invalid: [`  generic_secret:\n    secret:\n      inline_string: "${v}"`, `"generic_secret": {"secret": {"inline_bytes": "${fake(B64, 56, "envoy-bytes")}"}}`],
        valid: [`  generic_secret:\n    secret:\n      filename: /etc/envoy/hmac`, `  generic_secret:\n    secret:\n      environment_variable: OAUTH_HMAC`, `  generic_secret:\n    secret:\n      inline_string: "changeme"`],
      };
    },
  }),
];
