// Baseline of benchmark 4: markdownlint's library API (all default rules) over every .cable file of a
// folder, read and linted the way cable-lint does it. Prints the file and problem counts as JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [folder, depsDir] = process.argv.slice(2);
// From bench/.deps when installed there, else from the project's own node_modules.
const { lint } = await import(resolveFrom(depsDir, 'markdownlint/sync'));

function resolveFrom(directory, name) {
  try {
    return pathToFileURL(createRequire(path.join(path.resolve(directory), 'noop.js')).resolve(name)).href;
  } catch {
    return name;
  }
}

function filesUnder(directory) {
  const found = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.name.endsWith('.cable')) found.push(full);
  }
  return found.sort();
}

const files = filesUnder(folder);
let problems = 0;
// In slices, as a linter walking a tree would: one call per batch keeps memory bounded.
for (let start = 0; start < files.length; start += 200) {
  const results = lint({ files: files.slice(start, start + 200) });
  for (const file of Object.keys(results)) problems += results[file].length;
}
process.stdout.write(JSON.stringify({ files: files.length, problems }));
