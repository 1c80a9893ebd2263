/**
 * Anti-drift: every command the CLI has answers --help, and the README's command table names it
 * (subcommands such as `data import` included), so the front door never forgets a command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';

function commandsIn(help: string): string[] {
  const block = help.split(/^Commands:$/m)[1] ?? '';
  return [...block.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
}

test('every command and subcommand has --help and a README entry', async () => {
  const readme = fs.readFileSync(path.resolve(process.cwd(), 'README.md'), 'utf8');
  const root = await runCli(['--help']);
  assert.equal(root.code, 0);
  const commands = commandsIn(root.stdout);
  assert.ok(commands.length >= 10, commands.join(' '));
  const checked: string[] = [];
  for (const c of commands) {
    const help = await runCli([c, '--help']);
    assert.equal(help.code, 0, `${c} --help: ${help.stderr}`);
    assert.match(help.stdout, new RegExp(`Usage: armsbrief ${c}\\b`));
    const subs = commandsIn(help.stdout);
    for (const s of subs) {
      const sub = await runCli([c, s, '--help']);
      assert.equal(sub.code, 0, `${c} ${s} --help: ${sub.stderr}`);
      assert.ok(readme.includes(`armsbrief ${c} ${s}`), `README names \`armsbrief ${c} ${s}\``);
      checked.push(`${c} ${s}`);
    }
    if (!subs.length || c === 'jobs') assert.ok(readme.includes(`armsbrief ${c}`), `README names \`armsbrief ${c}\``);
    checked.push(c);
  }
  assert.ok(checked.includes('data import') && checked.includes('brief'), checked.join(', '));
});

test('with --json an error is JSON on standard output in the API\'s shape, and the exit status says what kind', async () => {
  const missing = await runCli(['extract', '/nonexistent/armsbrief-test.txt', '--json']);
  assert.notEqual(missing.code, 0);
  const parsed = JSON.parse(missing.stdout) as { error: { code: string; message: string } };
  assert.ok(parsed.error.code && parsed.error.message.includes('armsbrief-test.txt'), missing.stdout);
  assert.match(missing.stderr, /armsbrief: /, 'people still read the message on stderr');
  const usage = await runCli(['assess', '--json']);
  assert.equal(usage.code, 2);
  assert.equal((JSON.parse(usage.stdout) as { error: { code: string } }).error.code, 'usage');
  // An option the parser itself refuses gives the same shape.
  const unknown = await runCli(['search', 'x', '--no-such-option', '--json']);
  assert.equal(unknown.code, 2);
  const body = JSON.parse(unknown.stdout) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'usage');
  assert.match(body.error.message, /no-such-option/);
});
