// The TypeScript bundled with ts-morph, loaded by a plain CommonJS require on purpose: when Node 20
// imports a CommonJS package through ESM (and loader hooks such as tsx's), it lexes every file
// the package requires, 9 MB of TypeScript, for export names: a third of the checker's cold start.
// Types: typescript.d.cts.
module.exports = require('node:module').createRequire(__filename)('ts-morph').ts;
