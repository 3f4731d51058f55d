/**
 * The Node flags the server runs with, everywhere it runs (npm start and start:prod repeat them
 * in package.json): a small young generation and a bounded heap, so that memory follows the live
 * data instead of growing with the allocation rate (the rendered-page cache is bounded separately
 * by PAGE_CACHE_MB). The heap must still hold the largest answer: the report of 10,000
 * recommendations as DOCX takes about 1 GB while the docx library builds it (256 MB crashed the
 * process). `npm run bench` measures the peak under load and that report's.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=1536', '--max-semi-space-size=2']
