// The ids of the commands the extension contributes, and who runs each. No `vscode` import: the
// manifest test reads this list.

/** Commands the client implements itself. */
export const clientCommands = {
  newCable: 'cable.newCable',
  showPortionMarks: 'cable.showPortionMarks',
  checkWorkspace: 'cable.checkWorkspace',
  createConfig: 'cable.createConfig',
  showPreview: 'cable.showPreview',
  showPreviewToSide: 'cable.showPreviewToSide',
  exportHtml: 'cable.exportHtml',
} as const;

/**
 * Commands the server implements (`workspace/executeCommand`, listed in its executeCommandProvider).
 * vscode-languageclient registers each under the same id; the client's middleware only supplies the
 * active cable's URI and reports the outcome, so the palette, the protocol and tests share one id.
 */
export const serverCommands = {
  renumberParagraphs: 'cable.renumberParagraphs',
  reletterReferences: 'cable.reletterReferences',
  updateBanner: 'cable.updateBanner',
  fixAll: 'cable.fixAll',
} as const;

export type ServerCommandId = (typeof serverCommands)[keyof typeof serverCommands];

/** What a server command says when it found nothing to change. */
export const nothingToChange: Record<ServerCommandId, string> = {
  'cable.renumberParagraphs': 'The paragraphs are already numbered 1 to n, with their cross-references.',
  'cable.reletterReferences': 'The references are already lettered A, B, C... in order.',
  'cable.updateBanner': 'The banner and captions already match what the portions require.',
  'cable.fixAll': 'There is nothing that Fix All can fix safely.',
};

export function isServerCommand(command: string): command is ServerCommandId {
  return Object.values(serverCommands).includes(command as ServerCommandId);
}

/** The request behind Check All Cables in Workspace: the server then reports every cable's problems. */
export const checkWorkspaceRequest = 'cable/checkWorkspace';

/** The request behind the preview and Export as HTML (server/src/features.ts). */
export const renderRequest = 'cable/render';

/** The request behind the status bar and Show Portion Marks. */
export const classificationSummaryRequest = 'cable/classificationSummary';
