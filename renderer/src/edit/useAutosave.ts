/**
 * Text a clerk types is saved as they type — once they pause (under a second) — and at once when
 * they leave: the box losing focus is not the only way out (a reload, closing the window, another
 * screen), so the page hiding and the box going away save it too.
 */
import { useEffect, useRef } from 'react';

export const AUTOSAVE_DELAY_MS = 700;

export function useAutosave(save: () => void, draft: string): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => saveRef.current(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => {
    const flush = () => saveRef.current();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, []);
}
