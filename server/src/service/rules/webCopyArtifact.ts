// CBL026: markdown link artifacts such as `[1](#).` and `[MTCRE](#)` left by a web copy
// (cable-format.md section 12). The fix keeps the text inside the brackets.
import type { TextEdit } from 'vscode-languageserver-types';
import { oncePerModel, type CableModel } from '../model';
import type { Fix, Rule } from './rule';

// Every finding offers the same whole-document fix.
const unwrapEdits = oncePerModel((model: CableModel): TextEdit[] =>
  model.artifacts.map((artifact) => ({ range: artifact.range, newText: artifact.inner.text })),
);

export const webCopyArtifact: Rule = {
  id: 'CBL026',
  alias: 'web-copy-artifact',
  description: 'A [text](#) link artifact from a web copy of the cable.',
  defaultSeverity: 'info',
  safeForFixAll: true,
  check({ model }) {
    return model.artifacts.map((artifact) => ({
      range: artifact.range,
      message: `Web-copy link artifact ${artifact.text}: the cable text is ${artifact.inner.text}.`,
      data: { inner: artifact.inner.text, written: artifact.text },
    }));
  },
  fixes(finding, { model }) {
    const inner = typeof finding.data?.inner === 'string' ? finding.data.inner : undefined;
    if (inner === undefined) return [];
    const fixes: Fix[] = [
      { title: `Replace ${String(finding.data?.written)} with ${inner}`, edits: [{ range: finding.range, newText: inner }], isPreferred: true },
    ];
    if (model.artifacts.length > 1) {
      fixes.push({ title: `Remove the link markup of all ${model.artifacts.length} web-copy artifacts, keeping their text`, edits: unwrapEdits(model) });
    }
    return fixes;
  },
  fixAllEdits({ model }) {
    // Each artifact on its own, as its preferred fix would unwrap it.
    return model.artifacts.map((artifact) => [{ range: artifact.range, newText: artifact.inner.text }]);
  },
};
