// What the web client and the web worker server say to each other beyond LSP: the worker has no disk,
// so the client reads the workspace through vscode.workspace.fs and sends what the server needs.

/** Client to server: every .cablerc.json and classification guide of the workspace, whole (sent again when one changes). */
export const configFilesNotification = 'cable/configFiles';

export interface ConfigFilesParams {
  files: Array<{ uri: string; text: string }>;
}

/** Client to server: the headers of the workspace's cables for the index of referenced cables; `removed` went away. */
export const workspaceCablesNotification = 'cable/workspaceCables';

export interface WorkspaceCablesParams {
  cables: Array<{ uri: string; text: string }>;
  removed?: string[];
}

/**
 * Client to server, for Check All Cables in Workspace (or `cable.problems.workspace`): the workspace's cables
 * whole, whose problems the server publishes as if they were open; `removed` went away or is no longer checked.
 */
export const workspaceTextsNotification = 'cable/workspaceTexts';

export interface WorkspaceTextsParams {
  cables: Array<{ uri: string; text: string }>;
  removed?: string[];
}

/** Server to client: the text of a workspace file (an extra TAGS file), or null when it cannot be read. */
export const readFileRequest = 'cable/readFile';
