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

// First scan 0.939 / 0.829 (316 secrets, 333 traps, 279 lines reported, 54 missed, 17 false alarms).
const MIN_PRECISION = 0.93;
const MIN_RECALL = 0.82;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  // First scan, before any fix of this round (see docs/detection.md).
  missed: [
    "mail/dotfiles/.msmtprc:22",
    "mail/dotfiles/.msmtprc:27",
    "mail/dotfiles/.offlineimaprc:18",
    "mail/dotfiles/.fetchmailrc:11",
    "mail/dotfiles/.mbsyncrc:11",
    "mail/server/etc/exim4/passwd.client:8",
    "mail/server/etc/dovecot/users:5",
    "mail/dotfiles/.authinfo:2",
    "chat/znc/configs/znc.conf:29",
    "chat/znc/configs/znc.conf:34",
    "chat/znc/users/dana/networks/libera/moddata/sasl/.registry:2",
    "chat/znc/users/dana/networks/libera/moddata/nickserv/.registry:1",
    "chat/irssi/config:28",
    "chat/hexchat/servlist.conf:14",
    "chat/matrix/synapse/whitlock.example.signing.key:1",
    "chat/matrix/mautrix-telegram/config.yaml:21",
    "chat/fediverse/mastodon/.env.production:16",
    "chat/fediverse/akkoma/config/prod.secret.exs:27",
    "chat/voice/murmur.ini:4",
    "backup/proxmox/etc/pve/priv/storage/pbs-offsite.pw:1",
    "backup/proxmox/etc/pve/priv/storage/pbs-offsite.enc:1",
    "remote/tinc/whitnet/ed25519_key.priv:1",
    "remote/zerotier/var/lib/zerotier-one/identity.secret:1",
    "remote/nebula/config.yml:11",
    "remote/headscale/noise_private.key:1",
    "remote/ppp/chap-secrets:4",
    "remote/ppp/chap-secrets:5",
    "remote/vnc/tightvnc.reg:7",
    "remote/vnc/x11vnc.service:6",
    "telephony/asterisk/sip.conf:7",
    "telephony/asterisk/iax.conf:3",
    "telephony/freeswitch/conf/directory/default/1042.xml:5",
    "telephony/freepbx/etc/freepbx.conf:3",
    "telephony/phones/linphonerc:19",
    "hpc/jupyterhub/jupyterhub_config.py:5",
    "hpc/conda/.condarc:2",
    "hpc/spack/mirrors.yaml:7",
    "hpc/matlab/startup.m:4",
    "games/minecraft/velocity/forwarding.secret:1",
    "games/cs2/start.sh:3",
    "games/lgsm/config-lgsm/csgoserver/common.cfg:7",
    "games/lgsm/config-lgsm/csgoserver/common.cfg:8",
    "games/steam/deploy.sh:3",
    "homelab/vaultwarden/.env:7",
    "homelab/lldap/lldap_config.toml:9",
    "auth/freeradius/mods-config/files/authorize:7",
    "auth/samba/smbpasswd:1",
    "auth/samba/smbpasswd:2",
    "auth/kerberos/k8s-keytab-secret.yaml:8",
    "enterprise/websphere/soap.client.props:3",
    "enterprise/liberty/server.xml:13",
    "enterprise/sap/hana_setup.sh:3",
    "enterprise/oracle/refresh_mviews.sql:2",
    "printers/cups/printers.conf:15",
  ],
  falseAlarms: [
    "backup/bacula/bconsole.conf:5",
    "backup/duply/profiles/nas/conf:3",
    "backup/duply/profiles/nas/conf:5",
    "backup/duply/profiles/nas/conf:11",
    "docs/runbooks/hpc-onboarding.md:4",
    "enterprise/liberty/server.xml:6",
    "games/pterodactyl/panel/.env:13",
    "homelab/dex/config.yaml:28",
    "homelab/pihole/setupVars.conf:9",
    "homelab/transmission/settings.json:8",
    "homelab/vaultwarden/.env:3",
    "hpc/clearml/clearml.conf:6",
    "hpc/jupyter/jupyter_notebook_config.py:2",
    "hpc/jupyter/jupyter_server_config.json:3",
    "mail/dotfiles/.thunderbird/x1y2z3.default-release/logins.json:4",
    "remote/guacamole/user-mapping.xml:2",
    "remote/strongswan/swanctl.conf:26",
  ],
};

test("blind corpus 14: precision and recall of scan() on mail clients, chat servers, backup tools, remote access, telephony, HPC and data platforms, game servers, home servers and enterprise middleware", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
