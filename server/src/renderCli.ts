// cable-render: each cable as a printable HTML page with its banners (service/render.ts, the renderer of
// the editor's preview), for batch use and CI. `cable-render FILE... --out DIR [--page-lines N]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from './service/parser';
import { DEFAULT_PAGE_LINES, EXPORT_CSP, renderDocument, type PageBanner } from './service/render';

export const renderUsage = `Usage: cable-render FILE... --out DIR [--page-lines N] [--page-banner overall|page]

Writes DIR/NAME.html for each cable: telegram pages with the banner at the top and bottom of each,
"Page n of N", marks shaded by level, REF citations and cross-references linked. Prints as it shows.
  --page-lines N        lines of the cable per page (default ${DEFAULT_PAGE_LINES})
  --page-banner KIND    overall (the cable's classification, default) or page (the highest on the page)`;

export function renderMain(argv: string[], io: { out: (text: string) => void; err: (text: string) => void } = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): number {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, 'page-lines': { type: 'string' }, 'page-banner': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.err(`cable-render: ${error instanceof Error ? error.message : String(error)}\nTry cable-render --help.\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${renderUsage}\n`);
    return 0;
  }
  const pageLines = values['page-lines'] === undefined ? DEFAULT_PAGE_LINES : Number(values['page-lines']);
  const pageBanner = (values['page-banner'] ?? 'overall') as PageBanner;
  const problems: string[] = [];
  if (!values.out) problems.push('no --out DIR given');
  if (!Number.isInteger(pageLines) || pageLines < 5) problems.push(`bad --page-lines '${values['page-lines']}': use a whole number of 5 or more`);
  if (pageBanner !== 'overall' && pageBanner !== 'page') problems.push(`bad --page-banner '${pageBanner}': use overall or page`);
  if (positionals.length === 0) problems.push('no FILE given');
  if (problems.length > 0) {
    io.err(`cable-render: ${problems.join('; ')}\nTry cable-render --help.\n`);
    return 2;
  }
  const out = path.resolve(values.out!);
  fs.mkdirSync(out, { recursive: true });
  let failed = false;
  for (const file of positionals) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      io.err(`cable-render: ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      failed = true;
      continue;
    }
    const name = path.basename(file).replace(/\.cable$/i, '');
    const html = renderDocument(parse(text), { title: path.basename(file), csp: EXPORT_CSP, pageLines, pageBanner });
    const target = path.join(out, `${name}.html`);
    fs.writeFileSync(target, html);
    io.out(`${target}\n`);
  }
  return failed ? 2 : 0;
}

if (require.main === module) process.exitCode = renderMain(process.argv.slice(2));
