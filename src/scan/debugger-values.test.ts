import { test } from "node:test";
import assert from "node:assert/strict";
import { detectDebuggerValues } from "./debugger-values.js";

// Values assembled at run time: no secret-shaped literal in this file.
const pw = ["KF94DV", "VsJ4rC", "TkPKyyLa"].join("");
const key = ["8bebd1c6af", "3426b9696b", "b05ce1d73a", "adce893610"].join("");

test("gdb and lldb strings after a pointer are judged under their variable's name", () => {
  const bt = `#1  0x000055555555a1b2 in mqtt_connect (cfg=0x5555555a92a0) at src/net/mqtt.c:118
        opts = {struct_id = "MQTC", keepAliveInterval = 30, username = 0x5555555a9400 "sensor-gw-12", password = 0x5555555a9440 "${pw}"}
        api_key = 0x5555555a9500 "${key}"
        device_id = 0x5555555a9560 "6b9b6dc7-ce3c-4481-aa86-a7d9f50cc1aa"
        path = 0x5555555a9600 "/etc/gateway/config.toml"
`;
  const hits = detectDebuggerValues(bt, false);
  assert.deepEqual(hits.map((h) => [h.name, bt.slice(h.start, h.start + h.secret.length)]), [["password", pw], ["api_key", key]]);
  const lldb = `(lldb) frame variable\n(const char *) token = 0x0000600000c04000 "${key}"\n(int) retries = 3\n`;
  assert.deepEqual(detectDebuggerValues(lldb, false).map((h) => h.name), ["token"]);
});

test("masked, empty-ish and placeholder strings stay quiet", () => {
  const bt = `        password = 0x5555555a9440 "********"\n        token = 0x5555555a9500 "changeme"\n        secret = 0x5555555a9600 "<secret>"\n`;
  assert.deepEqual(detectDebuggerValues(bt, false), []);
});
