// The protocol tests' own client: it must let the test process end, whatever state the server left it in.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { serverMessageReader } from './lspClient';

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('the test client', () => {
  it('keeps no timer for a message the server never finished (a killed server must not keep the tests alive)', async () => {
    const stream = new PassThrough();
    const reader = serverMessageReader(stream);
    const received: unknown[] = [];
    reader.listen((message) => received.push(message));
    const before = timers();
    // A header announcing 100 bytes, then a few of them: what a server killed mid-write leaves.
    stream.write('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0",');
    await new Promise((resolve) => setImmediate(resolve));
    const during = timers();
    reader.dispose();
    stream.destroy();
    assert.deepEqual(received, []);
    assert.equal(during, before);
  });

  it('still reads whole messages', async () => {
    const stream = new PassThrough();
    const reader = serverMessageReader(stream);
    const received: unknown[] = [];
    let delivered!: () => void;
    const whole = new Promise<void>((resolve) => (delivered = resolve));
    reader.listen((message) => {
      received.push(message);
      delivered();
    });
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ready' } });
    // In two pieces, as a pipe may deliver it.
    stream.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((resolve) => setImmediate(resolve));
    stream.write(body.slice(10));
    await whole;
    reader.dispose();
    stream.destroy();
    assert.deepEqual(received, [JSON.parse(body)]);
  });
});
