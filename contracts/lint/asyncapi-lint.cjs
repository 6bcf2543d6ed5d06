// Lints an AsyncAPI document with the AsyncAPI parser (schema validation and its spectral ruleset),
// resolving relative $refs (./schemas/...). Prints every diagnostic; exits 1 on any error or warning.
// Usage: NODE_PATH=<linters>/node_modules node asyncapi-lint.cjs contracts/document-events.asyncapi.yaml
const { Parser, fromFile } = require('@asyncapi/parser');

const SEVERITY = ['error', 'warning', 'info', 'hint'];

(async () => {
  const file = process.argv[2];
  const { document, diagnostics } = await fromFile(new Parser(), file).parse();
  for (const d of diagnostics) {
    console.log(`${SEVERITY[d.severity]} ${d.code} ${JSON.stringify(d.path)} ${d.message}`);
  }
  const failing = diagnostics.filter((d) => d.severity <= 1).length;
  console.log(`${document ? 'parsed' : 'NOT parsed'}; ${failing} errors and warnings, ${diagnostics.length} diagnostics`);
  process.exit(document && failing === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
