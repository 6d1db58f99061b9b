// A language server that dies is restarted by the client (its default policy), and the restarted server
// serves the open cables: it checks a paragraph written after the crash.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { lineMatching, openCopy, ruleId, waitFor, waitForDiagnostics } from './helpers';

/** The Cable servers this extension host runs: its child processes running dist/server.js (Linux /proc). */
function serverProcesses(): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(path.join('dist', 'server.js'))) found.push(Number(entry));
    } catch {
      // The process ended while it was being read.
    }
  }
  return found;
}

describe('server restart', () => {
  it('restarts a killed server, which then checks the open cable again', async () => {
    assert.equal(process.platform, 'linux', 'this test finds the server through /proc');
    const { document, editor } = await openCopy('unmarked.cable');
    await waitForDiagnostics(document.uri, (all) => all.some((d) => ruleId(d) === 'CBL001'));
    const [first] = await waitFor('the server process', () => (serverProcesses().length === 1 ? serverProcesses() : undefined));

    process.kill(first, 'SIGKILL');
    const [second] = await waitFor('a new server process', () => {
      const running = serverProcesses();
      return running.length === 1 && running[0] !== first ? running : undefined;
    }, 30_000);
    assert.notEqual(second, first);

    // A paragraph written after the crash, without a mark: only a live server can report it.
    const after = lineMatching(document, /^3\. \(U\) This paragraph carries its portion mark too\.$/) + 1;
    await editor.edit((edit) => edit.insert(new vscode.Position(after, 0), '\n4. A paragraph written after the restart.\n'));
    const newLine = lineMatching(document, /^4\. A paragraph written after the restart\.$/);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => ruleId(d) === 'CBL001' && d.range.start.line === newLine));
    assert.ok(diagnostics.some((d) => d.message.startsWith('Paragraph 4 has no portion mark')));
  });
});
