"use strict";
// The embedding-contract portable rules as ajv keywords.
//
// Same semantics as python/embedding_contract/vocabulary/rules/: each keyword ignores values of
// the wrong shape (the standard keywords beside it report those), runs in linear time, and
// reports errors at paths relative to the value that carries it. Numbers compare mathematically
// (JSON.parse already makes 4 and 4.0 the same number).

const fs = require("fs");
const path = require("path");

const TABLE = "x-contract-keywords";
const SCOPES = new Set(["array", "object"]);
const PLACES = {
  // where a rule's error points, relative to the value carrying the keyword (vocabulary.json
  // "errorAt"): the shape of the path each check yields
  "item": (p) => p.length === 1 && typeof p[0] === "number",
  "item/key": (p) => p.length === 2 && typeof p[0] === "number" && typeof p[1] === "string",
  "property": (p) => p.length === 1 && typeof p[0] === "string",
  "property/item": (p) => p.length === 2 && typeof p[0] === "string" && typeof p[1] === "number",
};

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// A missing key, or a value that is not an object, reads as undefined (own keys only, so
// "constructor" or "__proto__" never reach the prototype).
function member(value, key) {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, key)
    ? value[key] : undefined;
}

function isNumber(value) {
  return typeof value === "number";
}

// An identity for a scalar JSON value, typed so that "1", 1 and true differ; undefined otherwise.
function scalarKey(value) {
  switch (typeof value) {
    case "string": return "s" + value;
    case "number": return "n" + String(value);
    case "boolean": return "b" + String(value);
    default: return undefined;
  }
}

function show(value) {
  return JSON.stringify(value);
}

// The implementations, keyed by rule ID; each yields [relativePath, message] pairs (relativePath a
// list of keys and indexes). The keyword table (keyword, scope, argument schema, error placement)
// is not kept here: it comes from vocabulary.json's x-contract-keywords.
const CHECKS = {
  "unique-by": function* uniqueBy(key, data) {
    if (!Array.isArray(data)) return;
    const first = new Map();
    for (let index = 0; index < data.length; index++) {
      const value = member(data[index], key);
      const id = scalarKey(value);
      if (id === undefined) continue;
      if (first.has(id)) {
        yield [[index, key],
          `duplicate ${key} ${show(value)}: already used by item [${first.get(id)}]`];
      } else {
        first.set(id, index);
      }
    }
  },

  "equal-across": function* equalAcross(keys, data) {
    if (!Array.isArray(data) || data.length === 0) return;
    for (const key of keys) {
      const expected = scalarKey(member(data[0], key));
      if (expected === undefined) continue;
      for (let index = 1; index < data.length; index++) {
        const value = member(data[index], key);
        const found = scalarKey(value);
        if (found !== undefined && found !== expected) {
          yield [[index, key], `${key} is ${show(value)} here but ` +
            `${show(member(data[0], key))} in item [0]; all items must share one ${key}`];
        }
      }
    }
  },

  "strictly-increasing": function* strictlyIncreasing(argument, data) {
    if (argument !== true || !Array.isArray(data)) return;
    for (let index = 1; index < data.length; index++) {
      const before = data[index - 1];
      const value = data[index];
      if (isNumber(before) && isNumber(value) && !(value > before)) {
        yield [[index], `${show(value)} is not greater than the item before it (${show(before)})`];
      }
    }
  },

  "references": function* references(rules, data) {
    for (const { property, target, key } of rules) {
      const names = member(data, property);
      const targets = member(data, target);
      if (!Array.isArray(names) || !Array.isArray(targets)) continue;
      const known = new Set();
      for (const item of targets) {
        const id = scalarKey(member(item, key));
        if (id !== undefined) known.add(id);
      }
      for (let index = 0; index < names.length; index++) {
        const name = names[index];
        if (typeof name === "string" && !known.has(scalarKey(name))) {
          yield [[property, index], `${show(name)} names no item of ${target} (by ${key})`];
        }
      }
    }
  },

  "length-relation": function* lengthRelation(rules, data) {
    for (const { property, other, offset } of rules) {
      const value = member(data, property);
      const base = member(data, other);
      if (!Array.isArray(value) || !Array.isArray(base)) continue;
      const expected = base.length + offset;
      if (value.length !== expected) {
        yield [[property], `${property} has ${value.length} items but needs len(${other}) ` +
          `${offset >= 0 ? "+" : "-"} ${Math.abs(offset)} = ${expected}`];
      }
    }
  },

  "greater-than": function* greaterThan(rules, data) {
    for (const { property, than } of rules) {
      const value = member(data, property);
      const other = member(data, than);
      if (isNumber(value) && isNumber(other) && !(value > other)) {
        yield [[property],
          `${property} (${show(value)}) must be greater than ${than} (${show(other)})`];
      }
    }
  },
};

function pointer(path) {
  return path.map((part) => "/" + String(part).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** The keyword table of a parsed vocabulary.json; throws if it declares a rule not implemented here. */
function keywordTable(vocabulary) {
  const table = vocabulary && vocabulary[TABLE];
  if (!isObject(table)) throw new Error(`vocabulary.json has no ${TABLE} table`);
  const missing = [];
  const out = {};
  for (const [keyword, entry] of Object.entries(table)) {
    const { rule, appliesTo, argument, errorAt } = entry || {};
    if (typeof rule !== "string" || !SCOPES.has(appliesTo) || !isObject(argument) ||
        !Object.prototype.hasOwnProperty.call(PLACES, errorAt)) {
      throw new Error(`${TABLE}.${keyword}: needs rule, appliesTo, argument and errorAt`);
    }
    if (!Object.prototype.hasOwnProperty.call(CHECKS, rule)) missing.push(keyword);
    out[keyword] = { keyword, rule, appliesTo, argument, errorAt };
  }
  if (missing.length) {
    throw new Error(`vocabulary.json declares ${missing.join(", ")} but this package implements ` +
      `only the rules ${Object.keys(CHECKS).join(", ")}`);
  }
  return out;
}

/** The vocabulary.json of the newest release in a schema folder (default: the repository's). */
function loadVocabulary(schemasDir = path.resolve(__dirname, "..", "..", "schemas")) {
  const index = JSON.parse(fs.readFileSync(path.join(schemasDir, "index.json"), "utf8"));
  return JSON.parse(fs.readFileSync(path.join(schemasDir, index.latest, "vocabulary.json"), "utf8"));
}

/** Every violation of one keyword in one value: [{path, rule, message}], path relative to it. */
function violations(entry, argument, data) {
  return Array.from(CHECKS[entry.rule](argument, data), ([path, message]) => {
    if (!PLACES[entry.errorAt](path)) {
      throw new Error(`${entry.keyword} reported ${JSON.stringify(path)}, not at ${entry.errorAt}`);
    }
    return { path, rule: entry.rule, message };
  });
}

function definition(entry) {
  const { keyword, rule } = entry;
  const validate = function validateContractKeyword(argument, data, parentSchema, dataCxt) {
    const found = violations(entry, argument, data);
    const base = dataCxt ? dataCxt.instancePath : "";
    validate.errors = found.map((v) => ({
      keyword,
      instancePath: base + pointer(v.path),
      params: { rule, path: v.path },
      message: `${v.message} [${rule}]`,
    }));
    return found.length === 0;
  };
  return {
    keyword,
    type: entry.appliesTo,
    metaSchema: entry.argument,
    errors: true,
    validate,
  };
}

/**
 * Register the contract's vocabulary on an ajv instance (Ajv2020 in strict mode); returns it.
 * `vocabulary` is the parsed vocabulary.json whose x-contract-keywords table says which keywords
 * to register (default: the newest release's, from the repository's schemas/ folder).
 */
function addVocabulary(ajv, vocabulary = loadVocabulary()) {
  for (const entry of Object.values(keywordTable(vocabulary))) ajv.addKeyword(definition(entry));
  return ajv;
}

module.exports = { addVocabulary, keywordTable, loadVocabulary, CHECKS, TABLE, violations };
