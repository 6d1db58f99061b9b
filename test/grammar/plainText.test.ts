// Grammar: text the grammar does not recognise carries only the root scope.
import { test } from 'node:test';
import { expectPlain } from './grammarHelper';
import { seedText } from './fixtures';

test('ordinary words of the seed carry only text.cable', async () => {
  const seed = seedText();
  for (const words of ['Guidance for use by the Embassy', 'Point of Contact', 'Please slug any reporting', 'We want to encourage the MTCR Partners']) {
    await expectPlain(seed, words);
  }
});

test('prose with numbers, dashes and parentheses stays plain', async () => {
  const text = 'In 2008 the co-chairs (and others) met 3 times - twice in Paris; 10-line summaries were due.';
  await expectPlain(text, text);
});

test('an unknown line before the body stays plain', async () => {
  await expectPlain('C O N F I D E N T I A L STATE 109154\n\nPARIS FOR EST:H.SMITH\n', 'PARIS FOR EST:H.SMITH');
});
