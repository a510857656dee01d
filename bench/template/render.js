// mustache.js side of bench/template/run.sh:
//   node render.js TEMPLATE DATA PARTIALS_DIR N MODE
// N = 1 writes the output; otherwise prints the time per render ("render":
// the parsed template is cached, "parse": the cache is cleared each time).
'use strict';
const fs = require('fs');
const path = require('path');
const Mustache = require(process.env.MUSTACHE_JS);
const [tmplPath, dataPath, partialDir, nArg, mode] = process.argv.slice(2);
const template = fs.readFileSync(tmplPath, 'utf8');
const data = JSON.parse(fs.readFileSync(dataPath, 'utf8'));
const partials = (name) => fs.readFileSync(path.join(partialDir, name + '.mustache'), 'utf8');
const n = Number(nArg);
if (n === 1) {
	process.stdout.write(Mustache.render(template, data, partials));
} else {
	let out = '';
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < n; i++) {
		if (mode === 'parse')
			Mustache.clearCache();
		out = Mustache.render(template, data, partials);
	}
	const ms = Number(process.hrtime.bigint() - t0) / 1e6 / n;
	const bytes = Buffer.byteLength(out);
	console.log(`${ms.toFixed(3)} ms per render (${mode === 'parse' ? 'parse + render' : 'render only'}), ` +
		`${bytes} bytes out, ${(bytes / ms / 1000).toFixed(0)} MB/s`);
}
