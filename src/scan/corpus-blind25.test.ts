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
// in git as it is when committed. The floor is that score.
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.87;

// The gaps this corpus still has (docs/detection.md "Session 23, blind25"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "notebooks/02_cohort_extract.ipynb:43", // redcap api token passed to pycap project
    "notebooks/03_dashboard_widgets.ipynb:41", // password typed into a password widget saved in widget state
    "notebooks/03_dashboard_widgets.ipynb:49", // api token typed into a text widget saved in widget state
    "r-analysis/R/00_setup.R:10", // census key passed to census_api_key
    "r-analysis/reports/_quarto.yml:6", // osf personal access token as a quarto param
    "r-analysis/reports/paper.qmd:9", // osf pat passed to osf_auth
    "r-analysis/reports/paper.qmd:10", // dataverse api token as a key argument
    "julia/src/Fetch.jl:10", // earthdata password in a julia basicauth tuple
    "matlab/fetch_weather.m:2", // password in matlab weboptions
    "matlab/fetch_weather.m:3", // noaa cdo token as a weboptions header value
    "sas/autoexec.sas:3", // pwencoded sas002 password in a libname
    "stata/profile.do:2", // redcap token in a stata global
    "hpc/slurm/array_align.sh:10", // kerberos password piped into kinit
    "hpc/irods/.irodsA:1", // scrambled irods password file
    "hpc/modules/README.md:7", // password written in cluster notes
    "platforms/research-data/publish.py:4", // dataverse api token
    "platforms/research-data/publish.py:7", // orcid client secret
    "platforms/copernicus/.cdsapirc:2", // copernicus cds uid and api key
    "platforms/copernicus/.cdsapirc.new:2", // copernicus cds api key, new single-uuid form
    "pipelines/nextflow/params.json:4", // vep cache token in a params file
    "pipelines/galaxy/run_workflow.py:3", // galaxy api key in bioblend
    "notebooks/07_remote_sensing.ipynb:25", // planet api key in an authorization header
    "literature/zotero_sync.py:3", // zotero api key in pyzotero constructor
    "docs/onboarding.md:8", // password written in onboarding docs
    "docs/onboarding.md:9", // zotero key pasted in onboarding docs
    "sas/macros/connect.sas:4", // pwencoded sas004 password
  ],
  falseAlarms: [
    "apps/streamlit/.streamlit/secrets.toml:2", // generic-secret: unlabelled
    "infra/vertex/submit.py:7", // gcp-api-key: browser maps key restricted by referrer
    "labeling/roboflow/pull.py:7", // generic-api-key: roboflow publishable key
  ],
};

test("blind corpus 25: precision and recall of scan() on research, scientific computing and data-science estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
