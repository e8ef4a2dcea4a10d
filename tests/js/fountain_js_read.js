#!/usr/bin/env node
// Read a Fountain file with fountain-js and print what it found as JSON on stdout:
//   {"characters": [cue, ...], "scene_headings": [heading, ...], "types": {type: count}}
// Usage: node fountain_js_read.js NODE_MODULES_DIR SCRIPT.fountain
// NODE_MODULES_DIR is where .ci/npm-tools.sh installed fountain-js; passing it keeps
// this script independent of NODE_PATH and of the directory it is run from.
'use strict';
const fs = require('fs');
const path = require('path');

const [modulesDir, scriptPath] = process.argv.slice(2);
if (!modulesDir || !scriptPath) {
  process.stderr.write('usage: fountain_js_read.js NODE_MODULES_DIR SCRIPT.fountain\n');
  process.exit(2);
}
const { Fountain } = require(path.resolve(modulesDir, 'fountain-js'));
const text = fs.readFileSync(scriptPath, 'utf8');
const tokens = new Fountain().parse(text, true).tokens;

const out = { characters: [], scene_headings: [], types: {} };
for (const token of tokens) {
  out.types[token.type] = (out.types[token.type] || 0) + 1;
  if (token.type === 'character') out.characters.push(token.text);
  else if (token.type === 'scene_heading') out.scene_headings.push(token.text);
}
process.stdout.write(JSON.stringify(out) + '\n');
