"use strict";
// The embedding-contract portable rules as ajv keywords.
//
// Same semantics as python/embedding_contract/vocabulary/rules/: each keyword ignores values of
// the wrong shape (the standard keywords beside it report those), runs in linear time, and
// reports errors at paths relative to the value that carries it. Numbers compare mathematically
// (JSON.parse already makes 4 and 4.0 the same number).

const PREFIX = "x-contract-";

// Argument schemas: the same as the "properties" of schemas/<version>/vocabulary.json (the Node
// conformance runner checks that they are equal), given to ajv as each keyword's metaSchema so
// strict mode validates every argument.
const NAME = { type: "string", minLength: 1 };

function argumentList(properties, required) {
  return {
    type: "array",
    minItems: 1,
    items: { type: "object", additionalProperties: false, required, properties },
  };
}

const ARGUMENT_SCHEMAS = {
  [PREFIX + "unique-by"]: { type: "string", minLength: 1 },
  [PREFIX + "equal-across"]: { type: "array", items: NAME, minItems: 1, uniqueItems: true },
  [PREFIX + "strictly-increasing"]: { const: true },
  [PREFIX + "references"]: argumentList(
    { property: NAME, target: NAME, key: NAME }, ["property", "target", "key"]),
  [PREFIX + "length-relation"]: argumentList(
    { property: NAME, other: NAME, offset: { type: "integer" } }, ["property", "other", "offset"]),
  [PREFIX + "greater-than"]: argumentList({ property: NAME, than: NAME }, ["property", "than"]),
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

// Each check yields [relativePath, message] pairs; relativePath is a list of keys and indexes.
const CHECKS = {
  [PREFIX + "unique-by"]: function* uniqueBy(key, data) {
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

  [PREFIX + "equal-across"]: function* equalAcross(keys, data) {
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

  [PREFIX + "strictly-increasing"]: function* strictlyIncreasing(argument, data) {
    if (argument !== true || !Array.isArray(data)) return;
    for (let index = 1; index < data.length; index++) {
      const before = data[index - 1];
      const value = data[index];
      if (isNumber(before) && isNumber(value) && !(value > before)) {
        yield [[index], `${show(value)} is not greater than the item before it (${show(before)})`];
      }
    }
  },

  [PREFIX + "references"]: function* references(rules, data) {
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

  [PREFIX + "length-relation"]: function* lengthRelation(rules, data) {
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

  [PREFIX + "greater-than"]: function* greaterThan(rules, data) {
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

const SCOPES = {
  [PREFIX + "unique-by"]: "array",
  [PREFIX + "equal-across"]: "array",
  [PREFIX + "strictly-increasing"]: "array",
  [PREFIX + "references"]: "object",
  [PREFIX + "length-relation"]: "object",
  [PREFIX + "greater-than"]: "object",
};

function pointer(path) {
  return path.map((part) => "/" + String(part).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Every violation of one keyword in one value: [{path, rule, message}], path relative to it. */
function violations(keyword, argument, data) {
  const rule = keyword.slice(PREFIX.length);
  return Array.from(CHECKS[keyword](argument, data), ([path, message]) => ({ path, rule, message }));
}

function definition(keyword) {
  const rule = keyword.slice(PREFIX.length);
  const validate = function validateContractKeyword(argument, data, parentSchema, dataCxt) {
    const found = violations(keyword, argument, data);
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
    type: SCOPES[keyword],
    metaSchema: ARGUMENT_SCHEMAS[keyword],
    errors: true,
    validate,
  };
}

const KEYWORDS = Object.keys(CHECKS);

/** Register the contract's vocabulary on an ajv instance (Ajv2020 in strict mode); returns it. */
function addVocabulary(ajv) {
  for (const keyword of KEYWORDS) ajv.addKeyword(definition(keyword));
  return ajv;
}

module.exports = { addVocabulary, ARGUMENT_SCHEMAS, KEYWORDS, PREFIX, violations };
