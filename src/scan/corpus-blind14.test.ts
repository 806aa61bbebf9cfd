import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The fourteenth blind corpus (fixtures/corpus-blind14): mail clients and local MTAs (mutt, msmtp,
// offlineimap, fetchmail, isync, getmail, aerc, himalaya, sSMTP, nullmailer, exim, dovecot,
// .authinfo); IRC bouncers, clients and bots, Matrix (Synapse, bridges), Matterbridge, fediverse
// and XMPP servers, Mumble and TeamSpeak; backup tools (restic, borg, duplicity, duply, Bacula,
// kopia, autorestic, Velero, Proxmox Backup Server, Duplicati); remote access and overlay VPNs
// (strongSwan, tinc, ZeroTier, Nebula, Headscale, frp, cloudflared, Guacamole, pppd, VNC,
// Teleport); telephony (Asterisk, FreeSWITCH, Kamailio, FreePBX, SIP phones); HPC and research
// computing (Slurm, MUNGE, JupyterHub, conda, Spack, Nextflow, Galaxy, DVC, ClearML, MATLAB,
// Julia, R); data platforms (Superset, Metabase, Redash, Trino, Kedro); game servers; self-hosted
// home servers and their identity providers; RADIUS, Samba, Kerberos; enterprise middleware
// (WebSphere, Liberty, WebLogic, SAP, DB2, ODBC, Oracle); printers; userscripts. Labels come from
// markers in the generator's template (_meta/templates.txt, read by _meta/gen.py; with
// _meta/README.md, which gives the reasons for borderline labels, none is scanned), written by an
// engineer who had not read the detectors and committed before the first scan. Figures:
// docs/detection.md "Blind corpus 14".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind14/", import.meta.url));

// First scan 0.939 / 0.829 (316 secrets, 333 traps, 279 lines reported, 54 missed, 17 false alarms); the fixes
// of this round reached 0.954 / 0.858, session 14 (detgaps8) 0.980 / 0.921, session 15 (detgaps9) 0.980 / 0.930,
// session 16 (detgaps10) 0.987 / 0.934 (docs/detection.md); the floor is that minus a small margin.
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.93;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  // What this round left (docs/detection.md "Blind corpus 14", "Still missed"), each with the label's note.
  missed: [
    "mail/dotfiles/.fetchmailrc:11", // single-quoted password, short keyword
    "mail/server/etc/dovecot/users:5", // CRAM-MD5 stores the HMAC context, usable to log in with CRAM-MD5
    "mail/dotfiles/.authinfo:2", // app password without spaces
    "chat/znc/configs/znc.conf:29", // +k key of a private channel
    "chat/znc/configs/znc.conf:34", // server password after the port
    "chat/znc/users/dana/networks/libera/moddata/sasl/.registry:2", // SASL password in the module registry
    "chat/znc/users/dana/networks/libera/moddata/nickserv/.registry:1", // NickServ password in the module registry
    "chat/hexchat/servlist.conf:14", // P= is the server password
    "chat/fediverse/akkoma/config/prod.secret.exs:27", // JWT signing secret
    "chat/voice/murmur.ini:4", // Ice write secret
    "backup/proxmox/etc/pve/priv/storage/pbs-offsite.enc:1", // unprotected (kdf null) encryption key
    "remote/vnc/tightvnc.reg:7", // reversible
    "telephony/freeswitch/conf/directory/default/1042.xml:5", // six-digit voicemail PIN, set by the admin
    "telephony/phones/linphonerc:19", // digest HA1, password-equivalent for SIP digest
    "hpc/jupyterhub/jupyterhub_config.py:5", // cookie secret as hex bytes
    "hpc/spack/mirrors.yaml:7", // secret access key in a YAML list
    "homelab/lldap/lldap_config.toml:9", // seeds the server key
    "enterprise/websphere/soap.client.props:3", // {xor} encoded
    "enterprise/liberty/server.xml:13", // password as a variable default
  ],
  // Traps the scanner still reports, and two unlabelled lines (a Dex `staticPasswords` item's email, swanctl's `auth` line naming the EAP-MSCHAPv2 method).
  falseAlarms: [
    "docs/runbooks/hpc-onboarding.md:4", // docs example token: Jupyter documentation example
    "games/pterodactyl/panel/.env:13", // hashids salt: obfuscation salt for ids, not an access credential
    "hpc/clearml/clearml.conf:6", // clearml access key: identifier half of the pair
    "remote/strongswan/swanctl.conf:26", // unlabelled
  ],
};

test("blind corpus 14: precision and recall of scan() on mail clients, chat servers, backup tools, remote access, telephony, HPC and data platforms, game servers, home servers and enterprise middleware", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
