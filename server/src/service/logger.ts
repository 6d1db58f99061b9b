// The one channel for errors the service catches to stay alive (a feature or a rule that throws): the
// server sends them to the client as window/logMessage, the CLI to stderr, and the tests read them, so
// a crash inside a feature fails a test instead of passing as "no result".
export interface Logger {
  error(message: string): void;
}

/** Writes nothing: for callers that have no channel (a parse in a script). */
export const silentLogger: Logger = { error: () => undefined };

/** What went wrong, for the log: the message and where it was thrown. */
export function describeError(what: string, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${what} failed: ${detail}`;
}
