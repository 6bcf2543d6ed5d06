// Reads an export file (RIS, BibTeX or CSL-JSON) with citation-js and prints it as CSL-JSON,
// so ExportTest can compare what a reference manager would import with what the archive holds.
// Usage: node read.js <file>
const fs = require('fs');
const Cite = require('citation-js');
const text = fs.readFileSync(process.argv[2], 'utf8');
const cite = new Cite(text, {forceType: process.argv[3] || undefined});
process.stdout.write(JSON.stringify(cite.data));
