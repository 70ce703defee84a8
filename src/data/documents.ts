// The plan documents' full texts, each loaded on demand as its own chunk.
const loaders = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default' });

const cache = new Map<string, Promise<string>>();

export function loadDocumentText(doc: string): Promise<string> {
  const key = `../../seeds/${doc}.txt`;
  const load = loaders[key];
  if (!load) return Promise.reject(new Error(`Unknown document ${doc}`));
  if (!cache.has(doc)) cache.set(doc, load());
  return cache.get(doc)!;
}
