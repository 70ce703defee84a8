import type { Segment } from '../../data/search/highlight.ts';
import './marked.css';

/** Text with the runs a search matched in `<mark>` elements (React elements, never HTML strings). */
export function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
