import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The twenty-fourth blind corpus (fixtures/corpus-blind24): payments, fintech and enterprise integrations. Adyen,
// Braintree, Worldpay, Checkout.com, Square, Mollie, Razorpay, PayPal, Klarna, GoCardless and Authorize.Net beside
// their publishable and client-side keys; Plaid, TrueLayer, Yapily, Tink, MX; exchange key/secret pairs; Avalara,
// QuickBooks, Xero, NetSuite token-based auth, SAP RFC and Cloud SDK destinations, Salesforce sfdx auth URLs and
// connected apps, Workday, Dynamics; SFTP/AS2/EDI/PGP partner exchange, HSM/PKCS#11 PINs, SWIFT and EBICS gateways,
// VGS and Basis Theory; in Spring, .NET, Python, Go, Terraform, Kubernetes, Postman/Insomnia, SoapUI, WS-Security
// and cron files. Labels come from markers in the generator's template (_meta/templates.txt, read by _meta/gen.py;
// _meta/README.md gives the reasons for borderline labels; none is scanned), written by an engineer who had not
// read the detectors and committed with the first scan's score. Figures: docs/detection.md "Session 23, blind24".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind24/", import.meta.url));

// First scan 0.983 / 0.865 (200 secrets, 238 traps; 176 lines reported, 27 missed, 3 false alarms), the same
// untracked and committed. After this round's fixes 0.990 / 0.965 (195 lines, 7 missed, 2 false alarms). The floor is
// just under that.
const MIN_PRECISION = 0.985;
const MIN_RECALL = 0.96;

// The gaps this corpus still has (docs/detection.md "Session 23, blind24"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "checkout-api/src/main/resources/application-prod.properties:5", // checkout.com webhook authorization header value
    "billing-dotnet/src/Billing.Api/appsettings.json:28", // avalara license key under a "LicenseKey" name in an "Avalara" section
    "openbanking/internal/config/config.go:19", // yapily application secret (a uuid) in a go struct literal
    "tax/vertex/vertex-o-series.xml:5", // vertex trusted id
    "docs/runbook/provider-rotation.md:9", // password in prose marked current
    "docs/runbook/provider-rotation.md:10", // password in prose after a reset
    "openbanking/scripts/mx_sync.py:10", // yapily application uuid and secret pair in a tuple
  ],
  falseAlarms: [
    "openbanking/scripts/mx_sync.py:11", // gocardless bank account data secret id: the id half, read as a vault approle secret_id (same name, same shape)
    "partner-exchange/as2/certs/acme-as2-signing.key:1", // passphrase-encrypted pkcs#8 key: labelled a trap, reported by choice (the passphrase is often beside it)
  ],
};

test("blind corpus 24: precision and recall of scan() on payments, fintech and enterprise integration estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
