// Grammar: caption lines after the banner (SIPDIS, NOFORN, EXDIS ...), and SBU handling text.
import { test } from 'node:test';
import { expectToken, expectPlain } from './grammarHelper';

test('every caption is a storage modifier on its own line', async () => {
  for (const caption of ['SIPDIS', 'NOFORN', 'SENSITIVE', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS']) {
    await expectToken(`${caption}\n`, caption, ['meta.captions.cable', 'storage.modifier.caption.cable']);
  }
});

test('paired captions on one line', async () => {
  await expectToken('STADIS EXDIS', 'STADIS', ['storage.modifier.caption.cable']);
  await expectToken('STADIS EXDIS', 'EXDIS', ['storage.modifier.caption.cable']);
});

test('SENSITIVE BUT UNCLASSIFIED carries the SBU classification scope', async () => {
  await expectToken('SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY', 'SENSITIVE BUT UNCLASSIFIED', [
    'meta.classification.sbu.cable',
    'constant.numeric.classification.sbu.cable',
  ]);
});

test('a caption word inside a sentence stays plain', async () => {
  await expectPlain('The sensitive matter of NODIS handling was raised.', 'sensitive matter of NODIS');
});
