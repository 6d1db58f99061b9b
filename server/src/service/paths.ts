// Paths and URIs as text, the same for the Node server, cable-lint and the browser (no `node:path` here):
// `/` or `\` separators, a folder's own path without its trailing `/`.

/** `target` relative to `folder` with `/` separators, or undefined when it is not inside it. */
export function relativeInside(folder: string, target: string): string | undefined {
  const base = folder.replace(/\\/g, '/').replace(/\/+$/, '');
  const path = target.replace(/\\/g, '/');
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
}

/** The innermost of `folders` that `target` is inside, if any. */
export function innermostFolder(target: string, folders: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const folder of folders) if (relativeInside(folder, target) !== undefined && (best === undefined || folder.length > best.length)) best = folder;
  return best;
}
