#!/usr/bin/env node
// `npm start`: builds the extension, makes sure code-server is set up, and serves VS Code (code-server)
// on http://127.0.0.1:8765/ with the extension installed and media/samples open.
//   node scripts/start.mjs [--port N]      (or PORT=N)
// Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parsePort() {
  const i = process.argv.indexOf('--port');
  const eq = process.argv.find((a) => a.startsWith('--port='));
  const raw = eq ? eq.slice('--port='.length) : i >= 0 ? process.argv[i + 1] : process.env.PORT || '8765';
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`start: not a port: ${raw}`);
    process.exit(2);
  }
  return port;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`start: \`${cmd} ${args.join(' ')}\` failed`);
    process.exit(r.status ?? 1);
  }
}

const port = parsePort();

run(process.execPath, ['scripts/build.mjs']);
// The extension is installed as packaged: its OCR modules beside the bundles.
run(process.execPath, ['scripts/vendor-ocr.mjs']);
run('bash', ['scripts/e2e-setup.sh']);

const cs = await tsImport('../test/e2e/codeServer.ts', import.meta.url);
if (!(await cs.portIsFree(port))) {
  console.error(`start: port ${port} on ${cs.HOST} is in use; choose another with --port N or PORT=N.`);
  process.exit(1);
}

const workspace = path.join(root, 'media', 'samples');
const sample = fs
  .readdirSync(workspace)
  .filter((f) => f.endsWith('.txt'))
  .sort()[0];
const stateDir = path.join(
  process.env.CHATREVIEW_CACHE || path.join(os.homedir(), '.cache', 'chatreview'),
  'start',
);
const server = await cs.startCodeServer({ workspace, port, stateDir, extensionPath: root });

// The sample opens straight as the extension's review document (chatreview:/<absolute path>).
const url = sample ? server.urlOpening(`chatreview:${encodeURI(path.join(workspace, sample))}`) : server.url;
console.log('');
console.log(`  VS Code with Chat Review: ${url}`);
if (sample) console.log(`  (opens ${sample} for review; the plain workbench is ${server.url})`);
console.log(`  workspace: ${workspace}`);
console.log(`  code-server log: ${server.logFile}`);
console.log('  Ctrl+C stops it. Rebuilt the extension? Stop and run `npm start` again.');
console.log('');

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nstart: ${signal}, stopping code-server…`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

const code = await server.exited;
if (!stopping) {
  console.error(`start: code-server exited (${code}); see ${server.logFile}`);
  process.exit(1);
}
