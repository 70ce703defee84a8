// A declared popup: React content in a MapLibre popup at `lngLat`. The content is rendered by
// React (as text, never HTML); closing it (its button, Escape) calls `onClose`.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Popup as MapLibrePopup, type LngLatLike, type PopupOptions } from 'maplibre-gl';
import { useMap } from './MapProvider.tsx';

export function Popup({
  lngLat,
  onClose,
  options,
  children,
}: {
  lngLat: LngLatLike;
  onClose: () => void;
  options?: PopupOptions;
  children: ReactNode;
}) {
  const map = useMap();
  const content = useMemo(() => document.createElement('div'), []);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);
  const popup = useMemo(
    () => new MapLibrePopup({ maxWidth: '300px', ...options }).setDOMContent(content),
    // Options are read once per popup.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [content],
  );

  useEffect(() => {
    if (!map) return;
    const closed = () => onCloseRef.current();
    popup.on('close', closed);
    popup.setLngLat(lngLat).addTo(map);
    return () => {
      popup.off('close', closed);
      popup.remove();
    };
    // Placed once; a new position is the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, popup]);

  useEffect(() => {
    popup.setLngLat(lngLat);
  }, [popup, lngLat]);

  return createPortal(children, content);
}
