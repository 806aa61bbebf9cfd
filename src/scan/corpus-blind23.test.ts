import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The twenty-third blind corpus (fixtures/corpus-blind23): embedded, firmware, robotics and network-edge estates.
// Arduino sketches and secrets headers, ESP-IDF sdkconfig and Kconfig defaults, PlatformIO flags, ESPHome, Tasmota,
// WLED, Shelly, Zephyr prj.conf, Yocto and Buildroot, OpenWrt UCI, MikroTik, UniFi/airOS/EdgeOS, wpa_supplicant,
// hostapd, NetworkManager, U-Boot environments, AWS IoT / Azure IoT / Particle / Balena / Golioth credentials and
// X.509 material, MQTT brokers, LoRaWAN keys beside their public EUIs, ROS 2 params, launch files and SROS2 keys,
// drone companions, Home Assistant and its add-ons, Node-RED, OPC UA, Modbus gateways, MicroPython, CMake,
// Makefiles and C/C++ literal forms (`#define`, `static const char *`, byte arrays, PROGMEM, F()). Labels come from
// markers in the generator's template (_meta/templates.txt, read by _meta/gen.py; _meta/README.md gives the reasons
// for borderline labels; none is scanned), written by an engineer who had not read the detectors and committed with
// the first scan's score. Figures: docs/detection.md "Session 22, blind23".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind23/", import.meta.url));

// First scan 0.962 / 0.773 (198 secrets, 200 traps; 159 lines reported, 45 missed, 6 false alarms) with the corpus
// untracked, its `build/` directories skipped as build output; 0.963 / 0.793 once committed (git lists them).
// After this round's fixes 0.978 / 0.919 (186 lines, 16 missed, 4 false alarms). The floor is just under that.
const MIN_PRECISION = 0.975;
const MIN_RECALL = 0.915;

// The gaps this corpus still has (docs/detection.md "Session 22, blind23"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "door-sensor/src/main.cpp:10", // pushover user key
    "linux-gw/etc/hostapd/hostapd.wpa_psk:2", // default passphrase in a wpa_psk_file
    "openwrt/etc/config/network:32", // sim pin
    "buildroot/board/sensorhub/rootfs-overlay/etc/mosquitto/psk:1", // mosquitto psk file entry
    "buildroot/board/sensorhub/rootfs-overlay/etc/mosquitto/psk:2", // mosquitto psk file entry
    "drone/companion/.env:3", // dji app license blob
    "firmware/hvac-ctrl/src/net_config.c:15", // provisioning proof of possession
    "firmware/hvac-ctrl/src/net_config.c:30", // service menu pin
    "firmware/shared/wifi_creds.cpp:4", // wifi password in a struct initializer
    "firmware/shared/wifi_creds.cpp:5", // wifi password in a struct initializer
    "firmware/shared/wifi_creds.cpp:8", // api key wrapped in a string constructor
    "docs/bringup.md:9", // password pasted into bring-up notes
    "provisioning/factory/station.yaml:7", // sim pin of the fixture modem
    "provisioning/factory/station.yaml:8", // sim puk
    "provisioning/factory/station.yaml:15", // hsm user pin
    "linux-gw/etc/NetworkManager/system-connections/lte.nmconnection:9", // sim pin in networkmanager
  ],
  falseAlarms: [
    "boot/firstrun.sh:9", // imager hashed psk: labelled a trap as the brief asked, reported by choice (the 64-hex PSK joins the network as the passphrase does)
    "linux-gw/etc/hostapd/hostapd.conf:10", // commented hashed psk
    "linux-gw/etc/wpa_supplicant/wpa_supplicant-wlan0.conf:14", // wpa_supplicant hashed psk
    "mesh/meshtastic/channels.yaml:14", // public meshtastic broker credentials
  ],
};

test("blind corpus 23: precision and recall of scan() on embedded, firmware and network-edge estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
