// A panel's places with their texts (clauses' words, notes), fetched when it shows them.
import { useEffect, useState } from 'react';
import { loadPlaceTexts } from '../data/place-texts.ts';
import type { PlanFeature, TextedPlace } from '../data/types.ts';
import { useAppStore } from './store.ts';

/** `places` with their texts once fetched (null before), or why they could not be; `retry` asks again. */
export function usePlaceTexts(places: readonly PlanFeature[]): {
  places: TextedPlace[] | null;
  error: string | null;
  retry: () => void;
} {
  const [attempt, setAttempt] = useState(0);
  const dataset = useAppStore((s) => s.dataset);
  const key = places.map((p) => p.id).join('\n');
  const [state, setState] = useState<{ key: string; places: TextedPlace[] | null; error: string | null }>({
    key: '',
    places: null,
    error: null,
  });
  useEffect(() => {
    if (!dataset) return;
    let live = true;
    loadPlaceTexts(dataset, places).then(
      (texted) => live && setState({ key, places: texted, error: null }),
      (e: Error) => live && setState({ key, places: null, error: e.message }),
    );
    return () => {
      live = false;
    };
    // The places are named by `key`: a new array of the same places is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataset, key, attempt]);
  const retry = () => {
    setState({ key: '', places: null, error: null });
    setAttempt((n) => n + 1);
  };
  return state.key === key ? { places: state.places, error: state.error, retry } : { places: null, error: null, retry };
}
