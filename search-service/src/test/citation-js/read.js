// Reads an export file (RIS, BibTeX or CSL-JSON) with citation-js and prints it as CSL-JSON
// (items) with its APA bibliography rendered by citeproc-js (bibliography),
// so ExportTest can compare what a reference manager would import with what the archive holds.
// Usage: node read.js <file> <citation-js input type: @ris/file, @biblatex/text or @csl/list+object>
const fs = require('fs');
const Cite = require('citation-js');
const text = fs.readFileSync(process.argv[2], 'utf8');
const type = process.argv[3];
// CSL-JSON is JSON text: parsed here (a syntax error fails the test), then read as CSL items
const input = type === '@csl/list+object' ? JSON.parse(text) : text;
const cite = new Cite(input, {forceType: type});
// and every item must be citable by a CSL processor (citeproc-js, as in reference managers)
const bibliography = cite.format('bibliography', {format: 'text', template: 'apa'});
process.stdout.write(JSON.stringify({items: cite.data, bibliography}));
