"use strict";
// node --test js/test: the keyword table comes from vocabulary.json, every keyword it declares
// has an implementation here, and the usage example of docs/cross-language.md runs.

const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const Ajv2020 = require("ajv/dist/2020");
const { addVocabulary, keywordTable, loadVocabulary, CHECKS, TABLE } = require("../src/vocabulary");

const ROOT = path.resolve(__dirname, "..", "..");

test("every keyword vocabulary.json declares has an implementation", () => {
  const vocabulary = loadVocabulary();
  const table = keywordTable(vocabulary);
  assert.deepStrictEqual(Object.keys(table).sort(), Object.keys(vocabulary[TABLE]).sort());
  for (const entry of Object.values(table)) assert.ok(CHECKS[entry.rule], entry.keyword);
});

test("a keyword without an implementation is refused", () => {
  const vocabulary = structuredClone(loadVocabulary());
  vocabulary[TABLE]["x-contract-sorted-by"] = {
    rule: "sorted-by", appliesTo: "array", argument: {}, errorAt: "item", doc: "d",
  };
  assert.throws(() => addVocabulary(new Ajv2020(), vocabulary), /x-contract-sorted-by/);
});

test("scope and argument schema come from the table", () => {
  const vocabulary = structuredClone(loadVocabulary());
  vocabulary[TABLE]["x-contract-unique-by"].argument = { const: "id" };
  const ajv = addVocabulary(new Ajv2020({ allErrors: true }), vocabulary);
  assert.throws(() => ajv.compile({ "x-contract-unique-by": "name" }));
  const validate = ajv.compile({ "x-contract-unique-by": "id" });
  assert.strictEqual(validate({ id: 1 }), true);  // an object: out of the keyword's scope
  assert.strictEqual(validate([{ id: 1 }, { id: 1.0 }]), false);
  assert.strictEqual(validate.errors[0].instancePath, "/1/id");
});

test("the usage example of docs/cross-language.md runs", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "cross-language.md"), "utf8");
  const block = /<!-- example: js -->\n```js\n([\s\S]*?)```/.exec(doc);
  assert.ok(block, "docs/cross-language.md has no <!-- example: js --> block");
  assert.ok(block[1].trim().split("\n").length <= 10, "the example is longer than ten lines");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contract-example-"));
  try {
    const config = path.join(dir, "config.json");
    const vectors = JSON.parse(fs.readFileSync(
      path.join(ROOT, "tests", "conformance", "recap.LargeEmbeddingsConfig.json"), "utf8"));
    const large = vectors.find((v) => v.valid && v.instance.tables.length === 1).instance;
    large.tables.push({ ...large.tables[0] });
    fs.writeFileSync(config, JSON.stringify(large));
    let output = "";
    let status = 0;
    try {
      execFileSync(process.execPath, ["-e", block[1], config], {
        cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_PATH: path.join(ROOT, "js", "node_modules") },
      });
    } catch (error) {
      status = error.status;
      output = error.stdout;
    }
    assert.strictEqual(status, 1);
    assert.match(output, /\/tables\/\d+\/name .*\[unique-by\]/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
