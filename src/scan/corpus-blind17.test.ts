import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The seventeenth blind corpus (fixtures/corpus-blind17): desktop and CLI app release and code signing
// (Tauri, minisign, Sparkle, electron-builder, Apple notarization, signtool, Inno Setup, Squirrel, Azure
// Trusted Signing, Chocolatey, Snapcraft, winget, Homebrew taps, Flatpak, Microsoft Store, AppImage); the home
// media automation stack (Sonarr, Radarr, Lidarr, Prowlarr, Bazarr, Overseerr, Tautulli, SABnzbd, NZBGet,
// Deluge, qBittorrent, Jellyfin, Plex, Navidrome, Kavita, Komga, Recyclarr, Unpackerr, Homepage); classic
// infrastructure monitoring (Zabbix, Nagios, NRPE, NCPA, Icinga 2, Checkmk, LibreNMS, Cacti, Observium,
// Centreon, Netdata, PRTG); database migration tools, DB GUI clients and Postgres backup tools (Liquibase,
// Flyway, Sqitch, Atlas, Alembic, TypeORM, dbmate, golang-migrate, HeidiSQL, SQL Developer, SQL*Plus, QuestDB,
// cqlsh, pgAdmin, pgBackRest, WAL-G, Barman); self-hosted collaboration apps (Outline, Wiki.js, BookStack,
// Vikunja, Miniflux, Wallabag, Umami, Listmonk, Cal.com, Documenso, Chatwoot, Penpot, Jitsi Meet,
// BigBlueButton, Immich, PhotoPrism, Seafile, Firefly III, Kimai, Invoice Ninja, ERPNext, Authentik,
// Pomerium, Zulip, PeerTube, Misskey, Huginn). Labels come from markers in the generator's template
// (_meta/templates.txt, read by _meta/gen.py; with _meta/README.md, which gives the reasons for borderline
// labels, none is scanned), written by an engineer who had not read the detectors and committed before the
// first scan. Figures: docs/detection.md "Blind corpus 17".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind17/", import.meta.url));

// First scan 0.961 / 0.859 (256 secrets, 275 traps, 229 lines reported, 36 missed, 9 false alarms); the fixes
// of this round reached 0.972 / 0.949, session 17 (detgaps11) 0.984 / 0.965, session 18 (detgaps12)
// 0.984 / 0.973 (docs/detection.md); the floor is that minus a small margin.
const MIN_PRECISION = 0.975;
const MIN_RECALL = 0.965;

// The gaps this corpus still has (docs/detection.md "Blind corpus 17"), as "file:line", each with the label's note.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "release/electron/electron-builder.env:1", // the Developer ID certificate and its private key
    "monitoring/zabbix/templates/template_app_shop.yaml:19", // exported in clear because its type is text
    "monitoring/prtg/api-token.txt:1", // API access as the user
    "selfhost/bookstack/.env:9", // postmark uses the server token as both username and password
    "selfhost/immich/scripts/upload.sh:2", // uploads and reads the library as the user
    "selfhost/zulip/zulip-secrets.conf:2", // lets a holder enumerate avatar URLs (Zulip keeps it in its secrets file)
    "selfhost/huginn/.env:4", // lets strangers create accounts (borderline, see README)
  ],
  falseAlarms: [
    "dbtools/heidisql/README.md:4", // docs example encoded password: a short forum sample for the word "ufghij"
    "media/bazarr/config/config.yaml:12", // md5 of the password: bazarr stores the md5 hash, not the password
    "media/overseerr/config/settings.json:40", // pushover user key: recipient id, useless without the app token
    "selfhost/firefly/.env:10", // mapbox public token: pk. tokens are meant for browsers
  ],

};

test("blind corpus 17: precision and recall of scan() on app release and code signing, the home media stack, infrastructure monitoring, database migration tools and clients, and self-hosted collaboration apps", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
