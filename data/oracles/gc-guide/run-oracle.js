// Runs the GC guide's REAL interactive model (golang/website _content/doc/gc-guide.js, unmodified) under node
// for a grid of slider positions and configs, and prints the golden JSON the kit's C# port is tested against.
//
//   node data/oracles/gc-guide/run-oracle.js [UPSTREAM_DIR] > data/oracles/gc-guide/golden.json
//
// UPSTREAM_DIR (default: data/oracles/gc-guide/upstream) holds gc-guide.js and gc-guide-graphs.html (the five
// `<div class="gc-guide-graph">` blocks with their slider controls, copied from gc-guide.html); see
// data/oracles/gc-guide/README.md for the commits and how to obtain them. The script checks their SHA-256.
//
// How the page is driven: each run evaluates gc-guide.js in a fresh vm context whose `document` offers one graph
// element (its data-workload/data-config attributes, the config optionally overridden) and its <input type=range>
// sliders, whose values are set to the grid point as the strings a browser would hand over. The page's own
// loop maps the sliders (setupSlider: GOGC = round(2^x), >= 1024 = off; limit = parseFloat), calls gcModel and
// passes the result to StackedAreaChart's update(). `d3` is a recording stand-in: every selection records the
// data bound to it, so the footer numbers are the ones the page itself computes (text.duration: total time;
// text.results: [GC CPU %, peak memory]; text.subresults: [peak live, other mem]; path.series: the stacked
// series, whose .data is the gcModel output). d3.stack/extent/max/map are re-implemented with d3's semantics
// (stackOffsetNone, stackOrderNone; extent/max skip undefined and NaN). The number of GC cycles is counted by
// wrapping the parsed config so that reads of config.fixedCost (read once per cycle, in the GC time) are counted.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const crypto = require('crypto');

const upstream = process.argv[2] || path.join('data', 'oracles', 'gc-guide', 'upstream');
const EXPECTED_SHA256 = {
	'gc-guide.js': 'e4c028fa5b43a98b69d121ae71641c63efcb3a6008e70cbcf8eb4983f4275bdf',
	'gc-guide-graphs.html': '5a4611b99744128d694637005c8229d5d8b89af5f0d4ef76068558f09f747fc2',
};
const files = {};
for (const [name, sha] of Object.entries(EXPECTED_SHA256)) {
	const text = fs.readFileSync(path.join(upstream, name), 'utf8');
	const got = crypto.createHash('sha256').update(text, 'utf8').digest('hex');
	if (got !== sha) throw new Error(`${name}: sha256 ${got}, expected ${sha}`);
	files[name] = text;
}
const script = new vm.Script(files['gc-guide.js'], { filename: 'gc-guide.js' });

// The five graphs, in page order, with their sliders.
const graphs = [];
const graphRe = /<div class="gc-guide-graph" data-workload='([^']*)' data-config='([^']*)'><\/div>\s*<div class="gc-guide-graph-controls">([\s\S]*?)\n<\/div>/g;
const inputRe = /<input type="range" min="([^"]*)" max="([^"]*)" step="([^"]*)" value="([^"]*)" id="([^"]*)">/g;
for (const m of files['gc-guide-graphs.html'].matchAll(graphRe)) {
	const sliders = [...m[3].matchAll(inputRe)].map(s => ({ min: s[1], max: s[2], step: s[3], value: s[4], id: s[5] }));
	graphs.push({ workload: m[1], config: m[2], sliders });
}
if (graphs.length !== 5) throw new Error(`expected 5 graphs, found ${graphs.length}`);

// A chainable recording stand-in for a d3 selection.
function selection(rec, selector) {
	const self = new Proxy(function () {}, {
		get(_, prop) {
			if (prop === 'selectAll') return sel => selection(rec, sel);
			if (prop === 'data') return arr => { rec[selector] = arr; return self; };
			if (prop === 'node') return () => ({ svg: true });
			return () => self;
		},
		apply() { return self; },
	});
	return self;
}
function numeric(v) { return typeof v === 'number' && !Number.isNaN(v); }
function makeD3(recorders) {
	const chain = () => selection({}, null);
	return {
		create() { const rec = {}; recorders.push(rec); return selection(rec, null); },
		interpolateViridis: () => '#000',
		scaleOrdinal: chain, scaleLinear: chain, axisBottom: chain, axisLeft: chain, area: chain,
		curveLinear: {},
		map: (arr, f) => Array.from(arr, f),
		extent(values) {
			let min, max;
			for (const v of values) if (numeric(v)) {
				if (min === undefined) { min = max = v; } else { if (v < min) min = v; if (v > max) max = v; }
			}
			return [min, max];
		},
		max(values) {
			let max;
			for (const v of values) if (numeric(v) && (max === undefined || v > max)) max = v;
			return max;
		},
		stack() {
			let keys = [];
			const gen = data => {
				const series = keys.map(key => {
					const s = Array.from(data, d => { const p = [0, +d[key]]; p.data = d; return p; });
					s.key = key;
					return s;
				});
				// d3.stackOffsetNone with stackOrderNone.
				for (let i = 1; i < series.length; i++) {
					const s0 = series[i - 1], s1 = series[i];
					for (let j = 0; j < s1.length; j++) s1[j][1] += s1[j][0] = isNaN(s0[j][1]) ? s0[j][0] : s0[j][1];
				}
				return series;
			};
			gen.keys = k => { keys = k; return gen; };
			return gen;
		},
	};
}

// Runs the page for graph g (1-based) with slider values (strings) and config overrides; returns what it shows.
function runPage(g, sliderValues, configOverride) {
	const graph = graphs[g - 1];
	let config = JSON.parse(graph.config);
	Object.assign(config, configOverride || {});
	const element = {
		getAttribute(name) {
			if (name === 'data-workload') return graph.workload;
			if (name === 'data-config') return JSON.stringify(config);
			throw new Error('unexpected attribute ' + name);
		},
		appendChild() {},
	};
	const byId = {};
	for (const s of graph.sliders) {
		byId[s.id] = { value: s.value };
		byId[s.id + '-display'] = { innerHTML: '' };
	}
	for (const [id, v] of Object.entries(sliderValues || {})) {
		if (!(id in byId)) throw new Error(`graph ${g} has no slider ${id}`);
		byId[id].value = v;
	}
	let fixedCostReads = 0;
	const countingJSON = {
		parse(text) {
			const o = JSON.parse(text);
			if (!(o && typeof o === 'object' && 'fixedCost' in o)) return o;
			return new Proxy(o, { get(target, prop) { if (prop === 'fixedCost') fixedCostReads++; return target[prop]; } });
		},
		stringify: JSON.stringify,
	};
	const recorders = [];
	const context = vm.createContext({
		document: {
			querySelectorAll(sel) { if (sel !== '.gc-guide-graph') throw new Error(sel); return [element]; },
			getElementById(id) { return byId[id] || null; },
		},
		d3: makeD3(recorders),
		JSON: countingJSON,
	});
	script.runInContext(context);
	if (recorders.length !== 1) throw new Error('expected one chart');
	const rec = recorders[0];
	const yStack = rec['path.series'];
	const data = yStack[0].map(p => p.data);
	const [gcCpu, peakMem] = rec['text.results'][0];
	const [peakLive, otherMax] = rec['text.subresults'][0];
	const displays = {};
	for (const s of graph.sliders) displays[s.id] = byId[s.id + '-display'].innerHTML;
	return { data, totalTime: rec['text.duration'][0], gcCpu, peakMem, peakLive, otherMax, cycles: fixedCostReads, displays };
}

const GOGC_X = ['0', '0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', '5.5', '6', '6.5', '6.64', '7', '7.5',
	'8', '8.5', '9', '9.5', '9.99', '9.995', '10'];
const LIMITS = ['100', '80', '60', '50', '42', '35', '30', '25', '20', '15', '10.5', '5', '1'];
const MAX_SERIES_POINTS = 700; // keeps the golden file small
const MAX_TRACKLIVE_POINTS = 150; // per-GC live series grow with points x cycles

function seriesOf(data) {
	return data.map(d => {
		const p = { t: d.t, other: d['Other Mem.'] === undefined ? 0 : d['Other Mem.'] };
		if ('Live Heap' in d) { p.live = d['Live Heap']; p.new = d['New Heap']; }
		const perGc = Object.keys(d).filter(k => k.startsWith('Live Heap From GC ')).sort((a, b) => +a.slice(18) - +b.slice(18));
		if (perGc.length > 0) p.liveFromGc = perGc.map(k => d[k]);
		return p;
	});
}

const cases = [];
function add(g, x, limit, override, withSeries) {
	const sliders = { [`graph${g}-gogc`]: x };
	if (limit !== null) sliders[`graph${g}-memlimit`] = limit;
	const r = runPage(g, sliders, override);
	const c = {
		graph: g, gogcSlider: +x, limitSlider: limit === null ? null : +limit, configOverride: override || {},
		gogcDisplay: r.displays[`graph${g}-gogc`], limitDisplay: limit === null ? null : r.displays[`graph${g}-memlimit`],
		peakMem: r.peakMem, gcCpuPercent: r.gcCpu, totalTime: r.totalTime, cycles: r.cycles,
		peakLive: r.peakLive === undefined ? null : r.peakLive, otherMem: r.otherMax === undefined ? null : r.otherMax,
		points: r.data.length,
	};
	const cap = override && override.trackLive ? MAX_TRACKLIVE_POINTS : MAX_SERIES_POINTS;
	if (withSeries && r.data.length <= cap) c.series = seriesOf(r.data);
	cases.push(c);
}
const SERIES_X = new Set(['3', '6.64', '8', '10']);
for (const g of [1, 2, 3]) for (const x of GOGC_X) add(g, x, null, null, SERIES_X.has(x));
for (const g of [4, 5]) for (const x of GOGC_X) for (const l of LIMITS) add(g, x, l, null, SERIES_X.has(x) && (l === '100' || l === '30' || l === '50'));
// Values the page has no slider for (the kit's --other and --limit on graphs 1-3): the config attribute overridden.
for (const x of ['4', '6.64', '10']) {
	add(1, x, null, { otherMem: 10 }, x === '6.64');
	add(1, x, null, { otherMem: 25, memoryLimit: 40 }, x === '6.64');
	add(2, x, null, { memoryLimit: 60 }, x === '6.64');
	add(3, x, null, { memoryLimit: 30 }, x === '6.64');
	add(3, x, null, { memoryLimit: 50, otherMem: 5 }, false);
	add(4, x, '42', { otherMem: 0 }, false);
}
// gcModel's options no graph on the page uses: trackLive (per-GC live series), initialLive, fixedWindow.
for (const x of ['5', '6.64', '10']) {
	add(2, x, null, { trackLive: true }, true);
	add(3, x, null, { trackLive: true }, true);
	add(5, x, '30', { trackLive: true }, true);
	add(1, x, null, { initialLive: 15 }, true);
	add(2, x, null, { fixedWindow: 6.5 }, true);
	add(3, x, null, { initialLive: 8, trackLive: true, fixedWindow: 7 }, true);
}

const out = {
	source: {
		repository: 'golang/website',
		files: {
			'_content/doc/gc-guide.js': { commit: 'd34368ed1f68bcb06ddfb79074c46ef27c49b4f0', sha256: EXPECTED_SHA256['gc-guide.js'] },
			'_content/doc/gc-guide.html': { commit: '0de4dec220b4a8ed6929431283ea89ceafaf3c83', excerpt: 'gc-guide-graphs.html', sha256: EXPECTED_SHA256['gc-guide-graphs.html'] },
		},
	},
	node: process.version,
	graphs: graphs.map((g, i) => ({ graph: i + 1, workload: JSON.parse(g.workload), config: JSON.parse(g.config), sliders: g.sliders })),
	cases,
};
// One case per line: small diffs when re-recorded, and no indentation bytes.
const head = JSON.stringify({ ...out, cases: undefined });
process.stdout.write(head.slice(0, -1) + ',"cases":[\n' + cases.map(c => JSON.stringify(c)).join(',\n') + '\n]}\n');
