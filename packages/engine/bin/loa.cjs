#!/usr/bin/env node
'use strict';
// `loa`: the engine's command line. It runs the TypeScript source directly (tsx compiles each file as it loads),
// so it works right after `npm install`, without a build.
const path = require('node:path');

// `npx loa` typed inside a workspace package runs in that package's folder; the paths the user typed are relative
// to where they typed them, which npm keeps in INIT_CWD.
const typedIn = process.env.INIT_CWD;
if (process.env.npm_command === 'exec' && typedIn && typedIn.startsWith(process.cwd() + path.sep)) {
  process.chdir(typedIn);
}

process.env.TSX_TSCONFIG_PATH ??= path.join(__dirname, '..', 'tsconfig.json');
const { require: tsxRequire } = require('tsx/cjs/api');
const { runCli } = tsxRequire('../src/cli/main.ts', __filename);

process.exitCode = runCli(process.argv.slice(2));
