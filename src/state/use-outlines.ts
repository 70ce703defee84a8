// The area outlines for a panel that needs them (distances to an edge, exports): asked for when the
// panel mounts, shared by every panel once in.
import { useEffect, useState } from 'react';
import { loadOutlines, type Outlines } from '../data/outlines.ts';

let loaded: Outlines | null = null;

export function useOutlines(): { outlines: Outlines | null; error: string | null } {
  const [outlines, setOutlines] = useState<Outlines | null>(loaded);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (outlines) return;
    let live = true;
    loadOutlines().then(
      (o) => {
        loaded = o;
        if (live) setOutlines(o);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [outlines]);
  return { outlines, error };
}
