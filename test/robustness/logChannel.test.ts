// The robustness tests can fail: a feature that throws inside the service is caught (the server stays
// up), and the error goes to the one log channel, which those tests require to stay empty.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCableService } from '../../server/src/service';
import { allRules } from '../../server/src/service/rules';
import type { Rule } from '../../server/src/service/rules/rule';
import type { TagVocabulary } from '../../server/src/service/tagVocabulary';
import { exerciseEverything } from './exercise';
import { assertNothingLogged, loggedErrors, service } from './support';

const text = ['P 151200Z MAR 10', 'FM SECSTATE WASHDC', 'TO AMEMBASSY PARIS', '', 'UNCLAS STATE 012345', '', 'E.O. 13526: N/A', 'TAGS: PREL FR', 'SUBJECT: X', '', '1. (U) Text.', '', '2. (U) More.'].join('\n');
const document = { uri: 'file:///log.cable', version: 1, getText: () => text };

describe('the log channel', () => {
  it('receives a completion or hover that throws, and the robustness check then fails', () => {
    const logged: string[] = [];
    const broken: TagVocabulary = {
      get: () => {
        throw new Error('vocabulary broken');
      },
      entries: () => {
        throw new Error('vocabulary broken');
      },
    };
    const cable = createCableService({ vocabulary: broken, logger: { error: (message) => logged.push(message) } });
    assert.deepEqual(cable.completions(document, { line: 7, character: 8 }), []);
    assert.equal(cable.hover(document, { line: 7, character: 7 }), null);
    assert.ok(logged.some((message) => /^Completion failed: Error: vocabulary broken/.test(message)), logged.join('\n'));
    assert.ok(logged.some((message) => /^Hover failed: Error: vocabulary broken/.test(message)), logged.join('\n'));
  });

  it('receives a parser failure: the model holds only the lines, and the log says why', () => {
    const logged: string[] = [];
    const cable = createCableService({ logger: { error: (message) => logged.push(message) } });
    // A document whose text cannot be read as a string makes the parser fail inside; the service stays up.
    const notText = {
      toString: () => {
        throw new Error('not text');
      },
    };
    const broken = { uri: 'file:///broken.cable', version: 1, getText: () => notText as unknown as string };
    assert.doesNotThrow(() => cable.diagnostics(broken));
    assert.ok(logged.some((message) => message.startsWith('Parsing failed:')), logged.join('\n'));
  });

  it('receives a rule that throws, which still becomes one diagnostic', () => {
    const failing: Rule = { id: 'CBL999', alias: 'always-fails', description: 'Fails.', defaultSeverity: 'error', check: () => { throw new Error('rule broken'); } };
    allRules.push(failing);
    try {
      const logged: string[] = [];
      const diagnostics = createCableService({ logger: { error: (message) => logged.push(message) } }).diagnostics(document);
      assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'CBL999').length, 1);
      assert.match(logged[0] ?? '', /^Rule CBL999 \(always-fails\) failed: Error: rule broken/);
      // The shared robustness service logs it too, and the robustness tests' check fails on it.
      exerciseEverything(text, [{ line: 0, character: 0 }]);
      assert.ok(loggedErrors.length > 0);
      assert.throws(() => assertNothingLogged(), /caught and logged/);
    } finally {
      allRules.pop();
      loggedErrors.splice(0);
    }
    // With the rule gone, the same exercise logs nothing.
    exerciseEverything(text, [{ line: 0, character: 0 }]);
    assert.doesNotThrow(() => assertNothingLogged());
    assert.ok(service());
  });
});
