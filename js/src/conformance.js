#!/usr/bin/env node
"use strict";
// Node conformance runner: ajv's Draft 2020-12 class in its default strict mode, with the
// contract's vocabulary, over the exported schema files and the committed vectors.
//
// Usage: node src/conformance.js [--root DIR] [--verbose]
// Prints one line per disagreement and ends with "node: N passed, N failed". Exit codes: 0 all
// agree, 1 some disagreement (or a self-check failed), 2 unreadable input or bad usage.

const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const { addVocabulary, keywordTable, CHECKS, TABLE } = require("./vocabulary");

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { root: path.resolve(__dirname, "..", ".."), verbose: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root" && i + 1 < argv.length) options.root = path.resolve(argv[++i]);
    else if (argv[i] === "--verbose") options.verbose = true;
    else throw new UsageError(`unknown argument ${JSON.stringify(argv[i])}; ` +
      "usage: conformance.js [--root DIR] [--verbose]");
  }
  return options;
}

function readJson(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${error.code || error.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${error.message})`);
  }
}

// Sorted keys at every level, so two JSON values compare by content.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function strictLogger(sink) {
  const record = (level) => (...args) => sink.push(`${level}: ${args.join(" ")}`);
  return { log: record("log"), warn: record("warn"), error: record("error") };
}

// Self-checks: every keyword vocabulary.json declares is registered, with the table's argument
// schema as its metaSchema (its "properties" agree), and strict mode rejects a bad argument.
function selfCheck(vocabulary) {
  const problems = [];
  let table;
  try {
    table = keywordTable(vocabulary);
  } catch (error) {
    return [error.message];
  }
  const declared = vocabulary.properties || {};
  if (canonical(Object.keys(declared).sort()) !== canonical(Object.keys(table).sort())) {
    problems.push(`vocabulary.json: properties and ${TABLE} name different keywords`);
  }
  for (const [keyword, entry] of Object.entries(table)) {
    const { description, ...argumentSchema } = declared[keyword] || {};
    if (canonical(argumentSchema) !== canonical(entry.argument)) {
      problems.push(`${keyword}: ${TABLE} and properties give different argument schemas`);
    }
    if (!CHECKS[entry.rule]) problems.push(`${keyword}: no implementation`);
    const ajv = addVocabulary(new Ajv2020({ logger: false }), vocabulary);
    try {
      ajv.compile({ [keyword]: { bad: "argument" } });
      problems.push(`${keyword}: strict mode accepted a bad argument`);
    } catch (error) {
      // expected: the keyword's metaSchema refuses the argument
    }
  }
  return problems;
}

// Integer literals that JSON.parse cannot hold exactly (beyond 2^53), per vector of one file.
// The generator writes one top-level vector per " {" ... " }" block (indent 1), and JSON strings
// never hold a raw newline, so the blocks split on lines; anything else falls back to
// "could be rounded" for integral numbers beyond 2^53.
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function roundedLiterals(blockText) {
  for (const [token] of blockText.matchAll(TOKEN)) {
    if (token[0] === '"' || /[.eE]/.test(token)) continue;
    if (BigInt(token) !== BigInt(Number(token))) return true;
  }
  return false;
}

function roughlyRounded(value) {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.some(roughlyRounded);
  if (value !== null && typeof value === "object") return Object.values(value).some(roughlyRounded);
  return false;
}

function roundedFlags(text, vectors) {
  const blocks = text.split(/\n(?= \{\n)/).slice(1);
  if (blocks.length !== vectors.length) return vectors.map((v) => roughlyRounded(v.instance));
  return blocks.map(roundedLiterals);
}

function formatErrors(errors) {
  return (errors || []).map((e) => `${e.instancePath || "<root>"} ${e.message}`).join("; ");
}

function main(argv) {
  const options = parseArgs(argv);
  const schemasDir = path.join(options.root, "schemas");
  const index = readJson(path.join(schemasDir, "index.json"));
  const version = index.latest;
  const models = (index.versions[version] || {}).models || {};
  const vocabulary = readJson(path.join(schemasDir, version, "vocabulary.json"));

  const strictLog = [];
  const ajv = addVocabulary(new Ajv2020({ allErrors: true, logger: strictLogger(strictLog) }),
    vocabulary);
  const validators = new Map();
  const validatorFor = (model) => {
    if (!validators.has(model)) {
      if (!models[model]) throw new UsageError(`unknown model ${JSON.stringify(model)} in vectors`);
      validators.set(model, ajv.compile(readJson(path.join(schemasDir, models[model].path))));
    }
    return validators.get(model);
  };
  // Compile every schema up front, so strict mode sees all of them even without vectors.
  Object.keys(models).sort().forEach(validatorFor);

  const vectorsDir = path.join(options.root, "tests", "conformance");
  const files = fs.readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) throw new UsageError(`${vectorsDir}: no vector files`);

  let passed = 0;
  let failed = 0;
  const rounded = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(vectorsDir, file), "utf8");
    const vectors = readJson(path.join(vectorsDir, file));
    const flags = roundedFlags(text, vectors);
    for (const [i, vector] of vectors.entries()) {
      const name = `${vector.model}: ${vector.description}`;
      const validate = validatorFor(vector.model);
      const valid = validate(vector.instance);
      if (flags[i]) rounded.push(name);
      if (valid === vector.valid) {
        passed++;
        if (options.verbose) console.log(`ok ${name}`);
      } else {
        failed++;
        console.log(`DISAGREE ${name} [${vector.rule}]: expected ${vector.valid ? "valid" : "invalid"}, ` +
          `ajv says ${valid ? "valid" : `invalid: ${formatErrors(validate.errors)}`}`);
      }
    }
  }

  const problems = selfCheck(vocabulary);
  problems.push(...strictLog.map((line) => `ajv strict mode ${line}`));
  for (const problem of problems) console.log(`SELF-CHECK FAILED ${problem}`);
  console.log(`ajv ${require("ajv/package.json").version} (Ajv2020, default strict mode), ` +
    `schemas ${version}, ${validators.size} schemas compiled, strict-mode messages: ${strictLog.length}`);
  if (rounded.length) {
    console.log(`judged after JSON.parse rounded an integer literal beyond 2^53 ` +
      `(${rounded.length}): ` +
      rounded.join(" | "));
  }
  console.log(`node: ${passed} passed, ${failed} failed`);
  return failed === 0 && problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`conformance: ${error.message}`);
    process.exitCode = 2;
  }
}

module.exports = { main };
