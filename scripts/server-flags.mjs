/**
 * The Node flags the server runs with, everywhere it runs (npm start and start:prod repeat them
 * in package.json): a small young generation and a bounded heap, so that memory follows the live
 * data instead of growing with the allocation rate (the rendered-page cache is bounded separately
 * by PAGE_CACHE_MB). 512 MB holds several times what the largest answers need at once: the plan
 * page of 10,000 recommendations, their report as DOCX (about 40 MB while it is written, see
 * docs/decisions/0005). `npm run bench` measures the peak under load and that report's.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=2']
