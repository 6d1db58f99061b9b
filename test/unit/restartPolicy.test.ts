// The client's policy for a language server that stops: restart, tell the user the first time only,
// give up after five stops within three minutes.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../client/src/restartPolicy';

describe('restart policy', () => {
  it('restarts the server and tells the user the first time only', () => {
    let clock = 0;
    const policy = new RestartPolicy(() => clock);
    assert.deepEqual(policy.stopped(), { restart: true, tellUser: true });
    clock += 60_000;
    assert.deepEqual(policy.stopped(), { restart: true, tellUser: false });
    clock += 60_000;
    assert.deepEqual(policy.stopped(), { restart: true, tellUser: false });
  });

  it('gives up, saying why, at the fifth stop within three minutes', () => {
    let clock = 0;
    const policy = new RestartPolicy(() => clock);
    for (let stop = 1; stop <= 4; stop++) {
      assert.equal(policy.stopped().restart, true, `stop ${stop}`);
      clock += 10_000;
    }
    const decision = policy.stopped();
    assert.equal(decision.restart, false);
    assert.match(decision.restart ? '' : decision.message, /stopped 5 times in 3 minutes and will not be restarted/);
  });

  it('keeps restarting when the stops are spread out', () => {
    let clock = 0;
    const policy = new RestartPolicy(() => clock);
    for (let stop = 1; stop <= 20; stop++) {
      assert.equal(policy.stopped().restart, true, `stop ${stop} at minute ${clock / 60_000}`);
      clock += 50_000;
    }
  });
});
