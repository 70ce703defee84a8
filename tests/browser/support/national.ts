// The national archive the browser tests' global setup builds (tests/browser/setup/national-archive.ts).
/** Its places' first zoom; its count bubbles are below it. */
export const NATIONAL_FIRST_ZOOM = 6;
/** Where it is, from the repository's root (the test server's root too). */
export const NATIONAL_ARCHIVE = 'tests/browser/generated/national.pmtiles';
