#!/usr/bin/env node
/**
 * `dist/qingdan.js`: turns on Node's on-disk compile cache where Node has one (22.1 and later),
 * so that the bundle it then loads is compiled once per version rather than at every start.
 * On Node 20 it does nothing more than load the bundle.
 */
import nodeModule = require('node:module');

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
void (require('./lib/qingdan.cjs') as { run: () => Promise<void> }).run();
