// The workspace index of cables by message reference (placeholder until the references work lands).
export interface IndexedCable {
  uri: string;
  /** `08STATE109154`. */
  key: string;
}

export interface WorkspaceIndex {
  lookup(key: string): IndexedCable | undefined;
}
