import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParsedExport } from '../../../src/model/conversation';

export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

let built = false;

/** Builds dist/ once per test run; call from a `before` hook. */
export function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  built = true;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 ** 2, env: { ...process.env, CHATREVIEW_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `chatreview <command> <file> [flags]` in the file's folder and checks the contract: exit 0,
 * nothing on stderr, nothing written beside the input. Returns the JSON it prints.
 */
export function cliJson(command: 'parse' | 'conversations', file: string, ...flags: string[]): unknown {
  const before = fs.readdirSync(path.dirname(file));
  const r = runCli([command, file, ...flags], path.dirname(file));
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), before, 'nothing written next to the input');
  return JSON.parse(r.stdout);
}

/** `chatreview parse` of one conversation, held to the contract's schema. */
export function parseWithCli(file: string, ...flags: string[]): ParsedExport {
  return ParsedExport.parse(cliJson('parse', file, ...flags));
}

/** Runs `chatreview parse` on bad input: exit 2, nothing on stdout, one line on stderr (returned). */
export function refusedByCli(file: string, ...flags: string[]): string {
  const r = runCli(['parse', file, ...flags]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^chatreview: [^\n]+\n$/, 'one line, no stack');
  return r.stderr;
}
