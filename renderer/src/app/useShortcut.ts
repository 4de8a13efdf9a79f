import { useEffect, useRef } from 'react';

/**
 * A page-level keyboard shortcut such as 'F2', 'F3', 'Ctrl+Enter', 'Ctrl+P'. The handler
 * gets the event after default handling is prevented.
 */
export function useShortcut(combo: string, handler: (e: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const parts = combo.split('+');
    const key = parts.pop() ?? '';
    const ctrl = parts.includes('Ctrl');
    const alt = parts.includes('Alt');
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey !== ctrl || e.altKey !== alt) return;
      // A dialog on top owns the keyboard: the page behind must not save or reset.
      if (document.querySelector('[role="dialog"]')) return;
      if (e.key.toLowerCase() !== key.toLowerCase()) return;
      e.preventDefault();
      ref.current(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [combo, enabled]);
}
