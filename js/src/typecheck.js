#!/usr/bin/env node
"use strict";
// Type-check generated/typescript with `tsc --noEmit` against the conformance vectors: every
// valid vector (the examples of examples/ among them) must be assignable to its model's type, and
// the invalid vectors named in MUST_NOT_TYPECHECK, whose error a type can state, must not be.
//
// Usage: node src/typecheck.js [--root DIR]. Ends with "typescript: N passed, N failed".

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

// Invalid vectors a closed TypeScript type must refuse (an unknown key, a wrong type, a missing
// required key, a wrong enum value).
const MUST_NOT_TYPECHECK = [
  "recap.LargeEmbeddingsConfig: unknown key at the root",
  "recap.LargeEmbeddingsConfig: unknown key in a table",
  "recap.LargeEmbeddingsConfig: integer as a string",
  "recap.LargeEmbeddingsConfig: no optimizer",
  "recap.LargeEmbeddingsConfig: table name a number",
  "recap.LargeEmbeddingsConfig: tables_to_log a string",
  "twhin.TwhinEmbeddingsConfig: data_type fp64",
  "twhin.TwhinEmbeddingsConfig: table without data_type",
];

function main(argv) {
  const root = argv[0] === "--root" && argv[1] ? path.resolve(argv[1]) : path.resolve(__dirname, "..", "..");
  const vectorsDir = path.join(root, "tests", "conformance");
  const typesDir = path.join(root, "generated", "typescript");
  const vectors = fs.readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(vectorsDir, f), "utf8")));
  const name = (v) => `${v.model}: ${v.description}`;
  const negative = new Set(MUST_NOT_TYPECHECK);
  const chosen = vectors.filter((v) => v.valid || negative.has(name(v)));
  const missing = MUST_NOT_TYPECHECK.filter((n) => !vectors.some((v) => name(v) === n && !v.valid));
  if (missing.length) {
    console.log(`typecheck: no invalid vector named ${missing.join(" | ")}`);
    return 2;
  }

  const models = [...new Set(chosen.map((v) => v.model))].sort();
  const alias = (model) => model.replace(".", "_");
  const lines = models.map((model) => {
    const [family, cls] = model.split(".");
    const from = path.join(typesDir, family, cls).split(path.sep).join("/");
    return `import type { ${cls} as ${alias(model)} } from ${JSON.stringify(from)};`;
  });
  const lineOf = new Map();
  chosen.forEach((v, i) => {
    lines.push(`// ${name(v).replace(/\n/g, " ")}`);
    if (!v.valid) lines.push("// @ts-expect-error: the type refuses this invalid config");
    lineOf.set(lines.length + 1, v);
    lines.push(`export const v${i}: ${alias(v.model)} = ${JSON.stringify(v.instance)};`);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contract-typecheck-"));
  try {
    fs.writeFileSync(path.join(dir, "check.ts"), lines.join("\n") + "\n");
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: "es2020", module: "commonjs",
        types: [], skipLibCheck: false, noUnusedLocals: false },
      files: ["check.ts"],
    }));
    const tsc = path.join(__dirname, "..", "node_modules", "typescript", "bin", "tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"],
      { encoding: "utf8" });
    const failedLines = new Set();
    for (const line of (result.stdout + result.stderr).split("\n")) {
      const match = /check\.ts\((\d+),\d+\): error (TS\d+: .*)/.exec(line);
      if (!match) {
        if (line.trim()) console.log(line);
        continue;
      }
      const lineNo = Number(match[1]);
      // An unused @ts-expect-error is reported on its own line, just above the vector's.
      const vector = lineOf.get(lineNo) || lineOf.get(lineNo + 1);
      failedLines.add(vector ? name(vector) : `line ${lineNo}`);
      console.log(`TYPECHECK ${vector ? name(vector) : `check.ts:${lineNo}`}: ${match[2]}`);
    }
    const failed = failedLines.size;
    if (result.status !== 0 && failed === 0) {
      console.log(`typecheck: tsc exited ${result.status}`);
      return 1;
    }
    console.log(`tsc ${require("typescript/package.json").version} --noEmit over ${chosen.length} ` +
      `vectors (${chosen.length - MUST_NOT_TYPECHECK.length} valid, ${MUST_NOT_TYPECHECK.length} ` +
      "that must not type-check)");
    console.log(`typescript: ${chosen.length - failed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
