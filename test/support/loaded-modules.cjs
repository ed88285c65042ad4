// Preloaded with NODE_OPTIONS=--require: at exit, writes the files the process loaded through
// require (the CLI's bundle and the parts it loads lazily) to $QINGDAN_TEST_LOADED, one a line.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.QINGDAN_TEST_LOADED, Object.keys(require.cache).join('\n')));
