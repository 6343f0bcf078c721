/** Tack's version, from the root package.json (found from a known root: src/ and the bundle in dist/ alike). */
export { VERSION } from './root.ts';
