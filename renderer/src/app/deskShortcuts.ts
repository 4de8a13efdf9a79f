/**
 * The shortcuts that work from every section: Alt+1 … Alt+9 for the nine sections; F2 a new
 * registration (来访登记 with the focus in the resident search); F3 the resident search. They
 * reach the registration form as a navigation intent in the router state, so the form acts on
 * them once it is shown (and after its kept draft is restored). F2/F3 wait while a dialog is
 * open (useShortcut); Esc closes the dialog first.
 */
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { SECTIONS } from './sections';
import { useShortcut } from './useShortcut';

/** What the registration form should do on arrival. */
export type IntakeIntent = 'new' | 'search' | 'open';

export function intakeIntentOf(state: unknown): IntakeIntent | undefined {
  const intent = (state as { intake?: unknown } | null)?.intake;
  return intent === 'new' || intent === 'search' || intent === 'open' ? intent : undefined;
}

export function useDeskShortcuts(): void {
  const navigate = useNavigate();
  useShortcut('F2', () => void navigate('/intake', { state: { intake: 'new' } }));
  useShortcut('F3', () => void navigate('/intake', { state: { intake: 'search' } }));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      const section = Number.isInteger(n) && n >= 1 ? SECTIONS[n - 1] : undefined;
      if (!section) return;
      e.preventDefault();
      // Arriving in 来访登记 puts the focus where the clerk types next.
      void navigate(section.path, section.path === '/intake' ? { state: { intake: 'open' } } : undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}
