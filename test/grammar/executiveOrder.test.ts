// Grammar: the E.O. line (order, DECL, dates, N/A, exemptions, obsolete markings).
import { test } from 'node:test';
import { expectToken } from './grammarHelper';

test('E.O. 12958: DECL: date', async () => {
  const line = 'E.O. 12958: DECL: 10/31/2033';
  await expectToken(line, 'E.O.', ['meta.executive-order.cable', 'keyword.other.executive-order.cable']);
  await expectToken(line, '12958', ['constant.other.executive-order-number.cable']);
  await expectToken(line, 'DECL', ['keyword.other.declassification.cable']);
  await expectToken(line, '10/31/2033', ['constant.other.date.cable']);
});

test('EO without dots and colons, in mixed case, and the YYYY/MM/DD form', async () => {
  await expectToken('EO 12958 DECL: 1/28/2019', 'EO', ['keyword.other.executive-order.cable']);
  await expectToken('E.o. 12958: decl: 01/15/2034', 'decl', ['keyword.other.declassification.cable']);
  await expectToken('DECL: 2019/01/15', '2019/01/15', ['meta.executive-order.cable', 'constant.other.date.cable']);
});

test('N/A, exemptions and obsolete markings', async () => {
  await expectToken('E.O. 12958: N/A', 'N/A', ['constant.language.not-applicable.cable']);
  await expectToken('E.O. 13526: DECL: 25X1', '25X1', ['constant.language.exemption.cable']);
  await expectToken('E.O. 13526: DECL: 50X1-HUM', '50X1-HUM', ['constant.language.exemption.cable']);
  await expectToken('E.O. 12356: DECL: OADR', 'OADR', ['invalid.deprecated.declassification.obsolete.cable']);
  await expectToken('E.O. 12065: DECL: X1', 'X1', ['invalid.deprecated.declassification.obsolete.cable']);
});

test('a downgrade instruction names the confidential level', async () => {
  await expectToken('E.O. 12958: DNG: CO 10/18/2029', 'DNG', ['keyword.other.declassification.cable']);
  await expectToken('E.O. 12958: DNG: CO 10/18/2029', 'CO', ['keyword.other.classification.confidential.cable']);
});
