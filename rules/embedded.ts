import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, B64, HEX, fake } from "./fake.js";

// Firmware, device and network-edge repositories: the places their credentials sit that a `name = value` reader
// does not see, because the name is on another line (Kconfig), is a command (Tasmota's console, Arduino's
// `WiFi.begin`), or the value follows a type (`NAME:STRING=` in a CMake cache, `key,data,string,` in an ESP-IDF NVS
// CSV). Values are judged as passwords are (isRealPassword: no placeholder, no stand-in, no reference).
const pw = (seed: string): string => fake(ALNUM, 16, seed);
/** Words of a setting name that hold a credential (Kconfig symbols, CMake cache entries). */
const SECRET_WORDS = String.raw`[A-Z0-9_]{0,60}(?:PASSWORD|PASSWD|PASSPHRASE|_PASS|_PSK|PSK_KEY|SECRET|TOKEN|API_?KEY|AUTH_?KEY|ACCESS_KEY|PRIVATE_KEY|HMAC_KEY)(?:_[A-Z0-9]{1,20}){0,3}`;

export const rules: Rule[] = [
  // The Things Stack (TTN v3) API keys: `NNSXS.` + a 39-character key id + `.` + 52 characters of secret, upper-case
  // base32 (https://www.thethingsindustries.com/docs/the-things-stack/concepts/api-keys/, `ttn-lw-cli ... api-keys create`).
  custom({
    id: "ttn-api-key",
    description: "The Things Stack (The Things Network v3) API key (NNSXS.…)",
    kind: "api-key",
    severity: "high",
    docs: "https://www.thethingsindustries.com/docs/reference/api/authentication/",
    keywords: ["nnsxs."],
    pattern: /(?<![A-Za-z0-9])(?<secret>NNSXS\.[A-Z0-9]{39}\.[A-Z0-9]{52})(?![A-Za-z0-9])/,
    entropy: 3.5,
    get examples() {
      const b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
      return {
        invalid: [`TTN_API_KEY=NNSXS.${fake(b32, 39, "ttn")}.${fake(b32, 52, "ttn2")}`, `{"key":"NNSXS.${fake(b32, 39, "ttn3")}.${fake(b32, 52, "ttn4")}","name":"ops"}`],
        valid: ["TTN_API_KEY=NNSXS.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "api key id NNSXS.ABC"],
      };
    },
  }),
  // An Azure IoT Hub / Event Hubs / Service Bus SAS token: `SharedAccessSignature sr=<resource>&sig=<HMAC>&se=<expiry>`
  // (`az iot hub generate-sas-token`, https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-sas). Valid until
  // `se`, often a year; the signature is base64 of an HMAC-SHA256 (44 characters, URL-encoded in the token).
  custom({
    id: "azure-sas-token-header",
    description: "Azure IoT Hub / Event Hubs / Service Bus SAS token (SharedAccessSignature sr=…&sig=…)",
    kind: "token",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-sas",
    keywords: ["sharedaccesssignature sr="],
    pattern: /SharedAccessSignature[ \t]+(?:(?:sr|se|skn)=[^&\s"'<>]{1,300}&){1,3}sig=(?<secret>[A-Za-z0-9%+/]{40,100}(?:=|%3D){0,2})(?![A-Za-z0-9%+/=])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`SAS="SharedAccessSignature sr=hub.azure-devices.net%2Fdevices%2Fd1&sig=${fake(ALNUM, 43, "sas")}%3D&se=1795000000"`, `Authorization: SharedAccessSignature sr=ns.servicebus.windows.net&skn=send&se=1795000000&sig=${fake(ALNUM, 42, "sas2")}%2B%3D`],
        valid: ["SharedAccessSignature sr={resourceUri}&sig={signature}&se={expiry}", "SharedAccessSignature sr=hub.azure-devices.net&sig=<signature>&se=1795000000"],
      };
    },
  }),
  // A Wi-Fi passphrase passed as a literal to the connect call of Arduino (`WiFi.begin("ssid", "…")`,
  // `WiFiMulti.addAP`, `WiFi.softAP`), MicroPython (`wlan.connect('ssid', '…')`) or CircuitPython
  // (`wifi.radio.connect(...)`): the sketch's network password, with no name of its own.
  custom({
    id: "wifi-connect-password",
    description: "Wi-Fi passphrase given as a literal to WiFi.begin / addAP / softAP / wlan.connect",
    kind: "password",
    severity: "medium",
    docs: "https://docs.arduino.cc/libraries/wifi/#%60WiFi.begin()%60",
    // The receivers the pattern names, with their calls: `.connect(`/`.begin(` alone are in most Node and Python code.
    keywords: [".addap(", ".softap(", "wifi.begin(", "wifi.connect(", "wifimulti", "wlan.begin(", "wlan.connect(", "sta_if.", "sta.begin(", "sta.connect(", "station.begin(", "station.connect(", "wifi.radio.", "ap_if.", "ap.begin(", "ap.connect("],
    pattern: /\b(?:WiFi|WiFiMulti|wifiMulti|wifiMulti\w{0,10}|wlan|sta_if|sta|station|wifi\.radio|ap_if|ap)\.(?:begin|connect|addAP|softAP)\([ \t]*(?:ssid[ \t]*=[ \t]*)?(["'])[^"'\n\\]{1,32}\1[ \t]*,[ \t]*(?:password[ \t]*=[ \t]*)?(["'])(?<secret>[^"'\n\\]{8,63})\2/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`  WiFi.begin("Rooftop-2G", "${pw("wifib")}");`, `wlan.connect('Shed-IoT', '${pw("wlanc")}')`, `wifiMulti.addAP("Office", "${pw("multi")}");`, `WiFi.softAP("Setup", "${pw("softap")}");`],
        valid: ['WiFi.begin("YourNetworkName", "YourPassword");', "WiFi.begin(ssid, pass);", 'wlan.connect("ssid", "password")', 'WiFi.begin("Rooftop", "");', "wlan.connect(cfg.SSID, cfg.PASSWORD)"],
      };
    },
  }),
  // Kconfig (ESP-IDF `Kconfig.projbuild`, Zephyr, Linux): `config NAME` and its `default "…"` a few lines under it.
  // A default is what every build gets without a menuconfig; the examples' `mypassword` stays quiet as a stand-in.
  custom({
    id: "kconfig-secret-default",
    description: "Secret given as the default of a Kconfig string option (Kconfig.projbuild, Zephyr Kconfig)",
    kind: "password",
    severity: "medium",
    docs: "https://docs.espressif.com/projects/esp-idf/en/stable/esp32/api-reference/kconfig-reference.html",
    // A string default is what the pattern ends with; `config ` alone is in most code.
    keywords: ['default "', 'default\t"'],
    pattern: new RegExp(String.raw`^[ \t]*(?:menu)?config[ \t]+${SECRET_WORDS}[ \t]*\r?\n(?:[ \t]+(?!(?:menu)?config\b|default\b)[^\n]{0,200}\n){0,8}[ \t]+default[ \t]+"(?<secret>[^"\n\\$]{6,256})"`, "m"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`config BROKER_PASSWORD\n    string "Broker password"\n    default "${pw("kcfg")}"\n`, `    config VALVE_API_KEY\n        string "Valve controller API key"\n        default "${fake(HEX, 40, "kcfg2")}"\n`],
        valid: ['config ESP_WIFI_PASSWORD\n    string "WiFi Password"\n    default "mypassword"\n', 'config BROKER_URL\n    string "Broker URL"\n    default "mqtts://mqtt.example.com"\n', 'config MQTT_PASSWORD\n    string "MQTT password"\n    default ""\n'],
      };
    },
  }),
  // A CMake cache entry: `NAME:STRING=value` in CMakeCache.txt, what `-DNAME=value` leaves
  // (https://cmake.org/cmake/help/latest/manual/cmake-language.7.html), and `set(NAME "value" CACHE STRING "…")` in
  // CMakeLists.txt, a default every configure gets (https://cmake.org/cmake/help/latest/command/set.html#set-cache-entry).
  custom({
    id: "cmake-cache-secret",
    description: "Secret in a CMakeCache.txt entry (NAME:STRING=…)",
    kind: "password",
    severity: "medium",
    docs: "https://cmake.org/cmake/help/latest/manual/cmake.1.html#cmdoption-cmake-D",
    keywords: [":string=", ":internal="],
    pattern: new RegExp(String.raw`^${SECRET_WORDS}:(?:STRING|INTERNAL|UNINITIALIZED)=(?<secret>[^\s"]{6,256})[ \t]*\r?$`, "mi"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`MQTT_PASSWORD:STRING=${pw("cmc")}`, `CLOUD_API_KEY:STRING=${fake(ALNUM, 32, "cmc3")}`],
        valid: ["MQTT_PASSWORD:STRING=", "OPENSSL_CRYPTO_LIBRARY:FILEPATH=/usr/lib/libcrypto.so", "MQTT_PASSWORD:STRING=changeme"],
      };
    },
  }),
  custom({
    id: "cmake-set-cache-secret",
    description: "Secret as the default of a CMake cache variable (set(NAME \"…\" CACHE …))",
    kind: "password",
    severity: "medium",
    docs: "https://cmake.org/cmake/help/latest/command/set.html#set-cache-entry",
    // The quoted default right before CACHE, as the pattern has it; ` cache ` alone is in most prose.
    keywords: ['" cache', '"\tcache'],
    pattern: new RegExp(String.raw`\bset[ \t]*\([ \t]*${SECRET_WORDS}[ \t]+"(?<secret>[^"\n$\\]{6,256})"[ \t]+CACHE\b`, "i"),
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`set(OTA_SHARED_SECRET "${fake(HEX, 64, "cmc2")}" CACHE STRING "HMAC secret")`],
        valid: ['set(MQTT_PASSWORD "" CACHE STRING "MQTT password")', 'set(API_TOKEN "${ENV_API_TOKEN}" CACHE STRING "")'],
      };
    },
  }),
  // ESP-IDF NVS partition CSV (`nvs_partition_gen.py`): `key,type,encoding,value` rows flashed into every unit
  // (https://docs.espressif.com/projects/esp-idf/en/stable/esp32/api-reference/storage/nvs_partition_gen.html).
  custom({
    id: "esp-nvs-csv-secret",
    description: "Secret in an ESP-IDF NVS partition CSV (key,data,string,value)",
    kind: "password",
    severity: "medium",
    docs: "https://docs.espressif.com/projects/esp-idf/en/stable/esp32/api-reference/storage/nvs_partition_gen.html",
    keywords: [",data,string,"],
    pattern: /^(?:[a-z0-9_]{0,10}(?:pass|pwd|psk|secret|token|apikey|api_key|authkey|auth_key))[a-z0-9_]{0,5},data,string,(?<secret>[^,\s"]{6,256})[ \t]*\r?$/im,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`key,type,encoding,value\nwifi,namespace,,\npass,data,string,${pw("nvs")}`, `token,data,string,${fake(ALNUM, 40, "nvs2")}`],
        valid: ["ssid,data,string,Plant-Floor-5G", "pass,data,string,YOUR_PASSWORD", "pass,file,string,creds/pass.txt"],
      };
    },
  }),
  // Tasmota console commands, as pasted into the console or a `Backlog`: `Password1..3` (Wi-Fi), `MqttPassword`,
  // `WebPassword` (https://tasmota.github.io/docs/Commands/). `""`/`0`/`1` clear or reset them.
  custom({
    id: "tasmota-command-password",
    description: "Password set by a Tasmota console or Backlog command (Password1, MqttPassword, WebPassword)",
    kind: "password",
    severity: "medium",
    docs: "https://tasmota.github.io/docs/Commands/#wi-fi",
    keywords: ["password1", "password2", "password3", "mqttpassword", "webpassword"],
    pattern: /(?:^|;[ \t]*|\bBacklog0?[ \t]+)(?:Password[1-3]|MqttPassword|WebPassword)[ \t]+(?<secret>[^\s;"]{6,64})(?=[ \t]*(?:;|\r?$))/im,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`Backlog SSID1 Attic; Password1 ${pw("tas")}; MqttHost 10.0.0.5`, `MqttPassword ${pw("tas2")}`],
        valid: ['Password1 ""', "WebPassword 0", "Backlog SSID1 Attic; Password1 %wifi_pass%"],
      };
    },
  }),
  // Tasmota's decoded settings backup (decode-config): the Wi-Fi passwords are a list, `"sta_pwd": ["…", "…"]`.
  custom({
    id: "tasmota-backup-password",
    description: "Wi-Fi password in a decoded Tasmota settings backup (sta_pwd)",
    kind: "password",
    severity: "medium",
    docs: "https://github.com/tasmota/decode-config",
    keywords: ["sta_pwd"],
    pattern: /"sta_pwd"[ \t]*:[ \t]*\[[ \t]*(?:""[ \t]*,[ \t]*)?"(?<secret>[^"\n\\]{8,64})"/,
    validate: isRealPassword,
    get examples() {
      return { invalid: [`"sta_pwd": ["${pw("stapwd")}", ""],`], valid: ['"sta_pwd": ["", ""],', '"sta_pwd": ["****", "****"],'] };
    },
  }),
  // OpenWrt UCI Wi-Fi interface: `option key '…'` is the WPA passphrase (a digit 1-4 selects a WEP key slot instead;
  // https://openwrt.org/docs/guide-user/network/wifi/basic#wpa_modes).
  custom({
    id: "openwrt-wifi-key",
    description: "Wi-Fi passphrase of an OpenWrt UCI wifi-iface (option key)",
    kind: "password",
    severity: "medium",
    docs: "https://openwrt.org/docs/guide-user/network/wifi/basic",
    keywords: ["option key"],
    pattern: /^[ \t]*option[ \t]+key[ \t]+(['"]?)(?<secret>[^'"\s]{8,63})\1[ \t]*\r?$/m,
    validate: isRealPassword,
    get examples() {
      return { invalid: [`config wifi-iface 'default_radio0'\n\toption encryption 'psk2'\n\toption key '${pw("uci")}'`], valid: ["\toption key '1'", "\toption key 'changeme'", "\toption key_mgmt 'WPA-PSK'"] };
    },
  }),
  // A UniFi device's `mgmt.authkey` in system.cfg: the key the controller adopted it with (32 hex), which lets a
  // host that holds it manage the device.
  custom({
    id: "unifi-mgmt-authkey",
    description: "UniFi device management key (mgmt.authkey in system.cfg)",
    kind: "api-key",
    severity: "medium",
    docs: "https://help.ui.com/hc/en-us/articles/204909754-Remote-Adoption-Layer-3",
    keywords: ["mgmt.authkey="],
    pattern: /^[ \t]*mgmt\.authkey=(?<secret>[0-9a-f]{32})[ \t]*\r?$/m,
    entropy: 3,
    get examples() {
      return { invalid: [`mgmt.authkey=${fake(HEX, 32, "unifi")}`], valid: ["mgmt.authkey=00000000000000000000000000000000", "mgmt.is_default=true"] };
    },
  }),
  // U-Boot's autoboot stop string (`bootstopkey`, AUTOBOOT_STOP_STR): whoever types it gets the U-Boot shell;
  // `bootstopkeysha256` is its hash (https://docs.u-boot.org/en/latest/usage/environment.html).
  custom({
    id: "uboot-bootstopkey",
    description: "U-Boot autoboot stop key in an environment (bootstopkey=)",
    kind: "password",
    severity: "medium",
    docs: "https://docs.u-boot.org/en/latest/usage/environment.html",
    keywords: ["bootstopkey="],
    pattern: /^[ \t]*bootstopkey=(?<secret>[^\s"']{4,64})[ \t]*\r?$/m,
    validate: isRealPassword,
    get examples() {
      return { invalid: [`bootstopkey=${pw("uboot")}`], valid: [`bootstopkeysha256=${fake(HEX, 64, "uboot2")}`, "bootstopkey=${stopkey}"] };
    },
  }),
  // Yocto's extrausers class and shadow's tools: `usermod -P <plaintext>` / `useradd -P <plaintext>` set a password
  // from clear text at image build time (meta/classes/extrausers.bbclass); `-p` takes a crypt hash and stays quiet. A value
// of lower-case letters only is read as prose ("usermod -P plaintext root password"), not as a password.
  custom({
    id: "useradd-plaintext-password",
    description: "Plain-text password given to useradd/usermod -P (Yocto EXTRA_USERS_PARAMS)",
    kind: "password",
    severity: "high",
    docs: "https://docs.yoctoproject.org/ref-manual/classes.html#extrausers",
    keywords: ["usermod", "useradd"],
    pattern: /\buser(?:mod|add)\b(?:[ \t]+(?!-P\b)[^\s;"]{1,80}){0,6}[ \t]+-P[ \t]+(['"]?)(?=[^\s'";]{0,127}[^a-z\s'";])(?<secret>[^\s'";\\$()]{4,128})\1/,
    validate: isRealPassword,
    get examples() {
      return { invalid: [`EXTRA_USERS_PARAMS = "usermod -P ${pw("yocto")} root; useradd -P ${pw("yocto2")} svc;"`, `useradd -m -G dialout -P '${pw("yocto3")}' tech`], valid: ["usermod -p '$6$abc$def' root", "usermod -P $ROOT_PASSWORD root", "useradd -P ${SERVICE_PW} svc", "Plain-text password given to useradd/usermod -P (Yocto)", "// usermod -P plaintext root password"] };
    },
  }),
  // Azure IoT Identity Service (`/etc/aziot/config.toml`): a DPS symmetric-key attestation writes the key inline,
  // `symmetric_key = { value = "<base64>" }` (https://learn.microsoft.com/azure/iot-edge/how-to-provision-single-device-linux-symmetric).
  custom({
    id: "aziot-symmetric-key",
    description: "Azure IoT Edge / Identity Service DPS symmetric key (symmetric_key = { value = \"…\" })",
    kind: "api-key",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/iot-edge/how-to-provision-devices-at-scale-linux-symmetric",
    keywords: ["symmetric_key"],
    pattern: /symmetric_key[ \t]*=[ \t]*\{[ \t]*value[ \t]*=[ \t]*"(?<secret>[A-Za-z0-9+/]{40,90}={0,2})"/,
    entropy: 4,
    get examples() {
      return { invalid: [`symmetric_key = { value = "${fake(B64, 86, "aziot")}==" }`], valid: ['symmetric_key = { uri = "file:///var/secrets/device-id.key" }', 'symmetric_key = { value = "<symmetric key>" }'] };
    },
  }),
  // ROS 2 Python launch files: `DeclareLaunchArgument('db_password', default_value='…')` gives every launch that
  // does not pass the argument this value (https://docs.ros.org/en/rolling/Tutorials/Intermediate/Launch/Using-Substitutions.html).
  custom({
    id: "ros-launch-secret-default",
    description: "Secret as the default_value of a ROS 2 launch argument named like a credential",
    kind: "password",
    severity: "medium",
    docs: "https://docs.ros.org/en/rolling/Tutorials/Intermediate/Launch/Using-Substitutions.html",
    keywords: ["declarelaunchargument"],
    pattern: /DeclareLaunchArgument\([ \t]*(?:name[ \t]*=[ \t]*)?(["'])\w{0,40}(?:password|passwd|secret|token|api_?key|auth_?key)\w{0,20}\1[ \t]*,[ \t]*default_value[ \t]*=[ \t]*(["'])(?<secret>[^"'\n\\$]{6,256})\2/i,
    validate: isRealPassword,
    get examples() {
      return { invalid: [`DeclareLaunchArgument('db_password', default_value='${pw("ros")}'),`], valid: ["DeclareLaunchArgument('db_password', default_value='changeme'),", "DeclareLaunchArgument('robot_name', default_value='inspector-17'),", "DeclareLaunchArgument('api_token', default_value='')"] };
    },
  }),
];

