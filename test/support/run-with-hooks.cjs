#!/usr/bin/env node
// Runs the built CLI (dist/lib/qingdan.cjs) as dist/qingdan.js does, with test hooks given as JSON
// in the first argument: { "crashAfterAppend": true, "lockTimeoutMs": 300 }.
const path = require('node:path');
const { run, processIo } = require(path.join(__dirname, '..', '..', 'dist', 'lib', 'qingdan.cjs'));

const opts = JSON.parse(process.argv[2]);
process.argv.splice(2, 1);
const hooks = {};
if (opts.crashAfterAppend) hooks.afterAppend = () => process.kill(process.pid, 'SIGKILL');
if (opts.lockTimeoutMs !== undefined) hooks.lockTimeoutMs = opts.lockTimeoutMs;
void run(processIo({ hooks }));
