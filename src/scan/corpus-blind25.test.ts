import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The twenty-fifth blind corpus (fixtures/corpus-blind25): research, scientific computing and data-science estates.
// Jupyter notebooks with outputs and widget state, Colab and SageMaker, R (.Renviron, .Rprofile, keyring, REDCapR,
// rsconnect, RMarkdown/Quarto params), Julia, MATLAB weboptions, SAS libname (plain and PWENCODE'd), Stata, conda and
// pip index credentials, Slurm scripts, SSH, Globus, iRODS, Kerberos, research data platforms (Zenodo, Figshare,
// Dataverse, OSF, ORCID, Synapse, Kaggle, Hugging Face, Copernicus, Earthdata), experiment trackers (W&B, Comet,
// Neptune, MLflow, ClearML), DVC, Label Studio, Roboflow, Databricks, Snowflake, BigQuery, Overleaf, Nextflow,
// Snakemake, Galaxy, REDCap, Qualtrics, NCBI, LIMS and instrument configs. Labels come from markers in the generator's
// template (_meta/templates.txt, read by _meta/gen.py; _meta/README.md gives the reasons for borderline labels; none
// is scanned), written by an engineer who had not read the detectors and committed with the first scan's score.
// Figures: docs/detection.md "Session 23, blind25".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind25/", import.meta.url));

// First scan 0.983 / 0.871 (201 secrets, 203 traps; 178 lines reported, 26 missed, 3 false alarms), the corpus staged
// in git as it is when committed. After this round's fixes 0.985 / 0.990 (202 lines, 2 missed, 3 false alarms).
// The floor is just under that.
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.985;

// The gaps this corpus still has (docs/detection.md "Session 23, blind25"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "hpc/irods/.irodsA:1", // scrambled irods password file: the whole file is the value, no name, no format
    "pipelines/nextflow/params.json:4", // vep cache token: "cache token" reads as a cache key (secret-name.ts)
  ],
  falseAlarms: [
    "apps/streamlit/.streamlit/secrets.toml:2", // generic-secret: a Snowflake account locator (xy12345.eu-central-1), unlabelled, read as random in a secrets file
    "infra/vertex/submit.py:7", // gcp-api-key: browser maps key restricted by referrer
    "labeling/roboflow/pull.py:7", // generic-api-key: roboflow publishable key
  ],
};

test("blind corpus 25: precision and recall of scan() on research, scientific computing and data-science estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
