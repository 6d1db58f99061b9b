// Benchmark 11, rendering: the 1 MB cable as telegram pages (the preview, Export as HTML, cable-render),
// against parsing the same text in the same run; the target is well under a second.
import { parse } from '../server/src/service/parser';
import { renderDocument, EXPORT_CSP } from '../server/src/service/render';
import { median, megabyteCable, ms, timeRuns, type BenchResult } from './support';

export function renderBenchmark(): BenchResult {
  const text = megabyteCable();
  const parsing = timeRuns(10, 3, () => parse(text));
  let pages = 0;
  const rendering = timeRuns(10, 3, () => {
    const html = renderDocument(parse(text), { title: 'bench.cable', csp: EXPORT_CSP, pageLines: 60, pageBanner: 'page' });
    pages = html.split('<section class="page"').length - 1;
  });
  const renderMs = median(rendering);
  const parseMs = median(parsing);
  return {
    id: 11,
    name: 'Render',
    measure: `parse + render the 1 MB cable as a whole exported page, ${pages} pages of 60 lines with their banners (median of 10 after 3 warm-up runs)`,
    value: ms(renderMs),
    baseline: `${ms(parseMs)} (parsing the same text)`,
    ratio: renderMs / parseMs,
    target: 'well under a second (at most 500 ms)',
    met: renderMs <= 500,
  };
}
