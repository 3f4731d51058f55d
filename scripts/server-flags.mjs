/**
 * The Node flags the server runs with, everywhere it runs (npm start and start:prod repeat them
 * in package.json): a heap sized for what one process of this app holds (the rendered-page cache
 * is bounded separately by PAGE_CACHE_MB) and a small young generation, so that memory follows
 * the live data instead of growing with the allocation rate. `npm run bench` measures the peak.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=256', '--max-semi-space-size=2']
