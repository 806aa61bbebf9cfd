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
// untracked and committed. The floor is just under that.
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.86;

// The gaps this corpus still has (docs/detection.md "Session 23, blind24"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "checkout-api/src/main/resources/application-prod.properties:5", // checkout.com webhook authorization header value
    "billing-dotnet/src/Billing.Api/appsettings.json:28", // avalara license key
    "billing-dotnet/src/Billing.Api/Properties/launchSettings.json:9", // avalara sandbox license key
    "billing-dotnet/src/Billing.Api/Services/AuthorizeNetGateway.cs:10", // authorize.net transaction key
    "openbanking/internal/config/config.go:19", // yapily application secret
    "tax/avatax/avatax.properties:4", // avalara license key in properties
    "tax/vertex/vertex-o-series.xml:5", // vertex trusted id
    "erp/netsuite/netsuite.properties:3", // netsuite consumer key
    "erp/netsuite/netsuite.properties:5", // netsuite token id
    "erp/netsuite/restlet_client.py:8", // netsuite token id in oauth1
    "hr/workday/soap_request.xml:6", // ws-security usernametoken password
    "integrations/soapui/BankGateway-soapui-project.xml:5", // soapui project property password
    "integrations/soapui/BankGateway-soapui-project.xml:9", // soapui outgoing wss password
    "integrations/soapui/BankGateway-soapui-project.xml:10", // soapui keystore password
    "partner-exchange/edi/isa-sample.edi:1", // isa security information
    "hsm/pkcs11/hsm.properties:5", // pkcs11 uri with pin-value
    "hsm/pkcs11/hsm.properties:6", // hsm security officer pin
    "hsm/softhsm/init-token.sh:3", // softhsm init pins
    "tools/bruno/netsuite/environments/prod.bru:4", // netsuite token id in a bruno environment
    "cron/settlement.sh:8", // lftp password on a command line
    "cron/settlement.sh:12", // gpg passphrase on a command line
    "cron/fx-rates.py:5", // open exchange rates app id
    "docs/runbook/provider-rotation.md:9", // password in prose marked current
    "docs/runbook/provider-rotation.md:10", // password in prose after a reset
    "services/legacy-shop/config/payment.php:8", // authorize.net transaction key in php
    "services/legacy-shop/config/payment.php:14", // paypal classic api signature
    "openbanking/scripts/mx_sync.py:10", // yapily application uuid and secret pair
  ],
  falseAlarms: [
    "openbanking/plaid_items.json:6", // plaid link token
    "openbanking/scripts/mx_sync.py:11", // gocardless bank account data secret id
    "partner-exchange/as2/certs/acme-as2-signing.key:1", // encrypted private key
  ],
};

test("blind corpus 24: precision and recall of scan() on payments, fintech and enterprise integration estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
