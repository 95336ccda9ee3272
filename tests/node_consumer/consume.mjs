// A hydration service's view of the contract: read the schema server's index, fetch each
// schema by its $id with Node's own fetch, check its sha256, revalidate it (304), compile it
// with ajv's Draft 2020-12 class and validate configs.
//
// usage: node consume.mjs INDEX_URL CASES_JSON
//   CASES_JSON: [{"name": ..., "model": "family.Class", "config": {...}}, ...]
// Prints one JSON report on stdout; exits 1 on any failure to fetch or verify.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [indexUrl, casesFile] = process.argv.slice(2);

async function get(url, headers = {}) {
  const response = await fetch(url, { headers, redirect: "error" });
  const body = await response.text();
  return { response, body };
}

function fail(message) {
  console.error(`consume.mjs: ${message}`);
  process.exit(1);
}

const { response: indexResponse, body: indexText } = await get(indexUrl);
if (indexResponse.status !== 200) fail(`${indexUrl}: HTTP ${indexResponse.status}`);
const index = JSON.parse(indexText);
const release = index.versions[index.latest];

// The vocabulary's own keywords: declared to ajv so strict mode accepts them (the rules
// themselves are enforced by the js/ package; this consumer checks the standard keywords).
const { body: vocabularyText } = await get(release.vocabulary.$id);
const keywords = Object.keys(JSON.parse(vocabularyText).properties);
const ajv = new Ajv2020({ allErrors: true });
ajv.addVocabulary(keywords);

const fetched = {};
const validators = {};
for (const model of new Set(JSON.parse(readFileSync(casesFile, "utf8")).map((c) => c.model))) {
  const record = release.models[model];
  if (!record) fail(`${model} is not in ${indexUrl}`);
  const { response, body } = await get(record.$id);
  if (response.status !== 200) fail(`${record.$id}: HTTP ${response.status}`);
  const sha256 = createHash("sha256").update(body, "utf8").digest("hex");
  if (sha256 !== record.sha256) fail(`${record.$id}: sha256 ${sha256} != ${record.sha256}`);
  const again = await fetch(record.$id, { headers: { "If-None-Match": response.headers.get("etag") } });
  const schema = JSON.parse(body);
  validators[model] = ajv.compile(schema);
  fetched[model] = {
    id: schema.$id,
    status: response.status,
    contentType: response.headers.get("content-type"),
    etag: response.headers.get("etag"),
    cacheControl: response.headers.get("cache-control"),
    sha256,
    revalidation: again.status,
  };
}

const results = JSON.parse(readFileSync(casesFile, "utf8")).map(({ name, model, config }) => {
  const validate = validators[model];
  const valid = validate(config);
  return { name, model, valid, errors: (validate.errors || []).map((e) => `${e.instancePath} ${e.keyword}`) };
});
console.log(JSON.stringify({ keywords, fetched, results }));
