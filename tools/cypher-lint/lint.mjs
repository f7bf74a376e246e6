#!/usr/bin/env node
// Lint Cypher with Neo4j's own parser + semantic analyser (@neo4j-cypher/language-support).
//
// stdin:  {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...],
//                     "defaultLanguage": "CYPHER 5" | "CYPHER 25", "builtins": true,
//                     "extraFunctions": {"name": arity}},
//          "queries": [{"id": "...", "query": "...", "parameters": {"name": value}}],
//          "workers": N}                                   (schema and workers optional)
// stdout: [{"id": ..., "errors": [Diag], "warnings": [Diag]}] in input order, where
//         Diag = {"message", "line", "column" (both 1-based), "offset", "endOffset" (0-based, UTF-16)}.
// Exit status: 0 when linting ran (whatever it found), 2 on bad input or a broken analyser.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const ERROR = 1; // vscode DiagnosticSeverity.Error; everything else is reported as a warning

// Built-in function/procedure registries: the package's own dump of a Neo4j 5 / 2025 database,
// restricted to Cypher built-in functions and to non-plugin procedures (no apoc/gds/genai).
function builtinRegistries() {
  const keep = (reg, pred) =>
    Object.fromEntries(
      Object.entries(reg).map(([version, entries]) => [
        version,
        Object.fromEntries(Object.entries(entries).filter(([name, v]) => pred(name, v))),
      ]),
    );
  return {
    functions: keep(testData.mockSchema.functions, (_n, f) => f.isBuiltIn === true),
    procedures: keep(testData.mockSchema.procedures, (n) => !/^(apoc|gds|genai)\./.test(n)),
  };
}

function stubFunction(name, arity) {
  const args = Array.from({ length: arity }, (_, i) => ({
    name: `arg${i}`, type: 'ANY', description: '', isDeprecated: false,
  }));
  return {
    name, category: '', description: 'declared by labourkg', isBuiltIn: false,
    signature: `${name}(${args.map((a) => `${a.name} :: ANY`).join(', ')}) :: ANY`,
    argumentDescription: args, returnDescription: 'ANY', aggregating: false,
    isDeprecated: false, deprecatedBy: null,
  };
}

// Turn the harness schema into a language-support DbSchema (parameters are filled in per query).
function toDbSchema(schema) {
  const db = {};
  if (!schema) return db;
  if (schema.labels || schema.relationshipTypes) {
    // Label/type warnings are only produced when BOTH lists are present.
    db.labels = schema.labels ?? [];
    db.relationshipTypes = schema.relationshipTypes ?? [];
  }
  if (schema.propertyKeys) db.propertyKeys = schema.propertyKeys;
  if (schema.graphSchema) db.graphSchema = schema.graphSchema;
  if (schema.defaultLanguage) db.defaultLanguage = schema.defaultLanguage;
  if (schema.builtins !== false) {
    const { functions, procedures } = builtinRegistries();
    for (const [name, arity] of Object.entries(schema.extraFunctions ?? {})) {
      for (const version of Object.keys(functions)) functions[version][name] = stubFunction(name, arity);
    }
    db.functions = functions;
    db.procedures = procedures;
  }
  return db;
}

function toDiag(d) {
  return {
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    offset: d.offsets.start,
    endOffset: d.offsets.end,
  };
}

function lintOne(dbSchema, item) {
  const parameters = item.parameters ?? {};
  const { diagnostics } = lintCypherQuery(item.query, { ...dbSchema, parameters });
  const errors = [];
  const warnings = [];
  for (const d of diagnostics) (d.severity === ERROR ? errors : warnings).push(toDiag(d));
  return { id: item.id, errors, warnings };
}

// The package swallows exceptions thrown by the semantic analyser and then reports nothing.
// Refuse to run rather than pass vacuously.
function canary(dbSchema) {
  const r = lintOne(dbSchema, { id: 'canary', query: 'MATCH (n) RETURN m', parameters: {} });
  if (!r.errors.some((e) => e.message.includes('`m` not defined'))) {
    throw new Error(`semantic analysis is not working: ${JSON.stringify(r)}`);
  }
}

function lintAll(schema, queries) {
  const dbSchema = toDbSchema(schema);
  canary(dbSchema);
  return queries.map((q) => lintOne(dbSchema, q));
}

function runWorker(schema, queries) {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { schema, queries } });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`lint worker exited with ${code}`)));
  });
}

async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const input = JSON.parse(await readStdin());
  const queries = input.queries;
  if (!Array.isArray(queries) || queries.some((q) => typeof q?.query !== 'string')) {
    throw new Error('input must be {"queries": [{"id", "query": string, "parameters"}], "schema"?}');
  }
  const schema = input.schema ?? null;
  // Semantic analysis costs ~20-40 ms per query, single-threaded; spread big batches over threads.
  // Each worker loads its own analyser (~250 MB, ~1 s), so only worth it with spare cores.
  const maxWorkers = Number(input.workers ?? process.env.CYPHER_LINT_WORKERS ?? availableParallelism() - 1);
  const nWorkers = Math.max(1, Math.min(maxWorkers, 4, Math.floor(queries.length / 50)));
  let results;
  if (nWorkers <= 1) {
    results = lintAll(schema, queries);
  } else {
    const size = Math.ceil(queries.length / nWorkers);
    const parts = [];
    for (let i = 0; i < queries.length; i += size) parts.push(runWorker(schema, queries.slice(i, i + size)));
    results = (await Promise.all(parts)).flat();
  }
  process.stdout.write(JSON.stringify(results) + '\n');
}

if (isMainThread) {
  main().catch((e) => {
    process.stderr.write(`cypher-lint: ${e?.stack ?? e}\n`);
    process.exitCode = 2;
  });
} else {
  parentPort.postMessage(lintAll(workerData.schema, workerData.queries));
}
