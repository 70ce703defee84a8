// The WebAssembly file of sql.js as a hashed asset of the build, for placesToGeoPackage's sqlWasmUrl
// in the browser (Node tests leave it out). Import this module lazily, with geopackage.ts.
export { default as SQL_WASM_URL } from 'sql.js/dist/sql-wasm-browser.wasm?url';
