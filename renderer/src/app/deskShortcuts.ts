/**
 * The shortcuts that work from every section: Alt+1 … Alt+9 for the sections (their `shortcut`
 * in sections.ts); F2 a new
 * registration (来访登记 with the focus in the resident search); F3 the resident search. Each
 * press is queued as an intent and the registration form is navigated to; the form takes every
 * queued intent, in order, once it is shown (and after its kept draft is restored). A queue, not
 * the router state: two quick presses (F2 then F3) can land in one render, and the first must
 * still start a new registration; and going Back to an old entry must not replay a press.
 * F2/F3 wait while a dialog is open (useShortcut); Esc closes the dialog first.
 */
import { useEffect } from 'react';
import { useNavigate, type NavigateFunction } from 'react-router';
import { sectionOfShortcut, type Section } from './sections';
import { useShortcut } from './useShortcut';

/** What the registration form should do on arrival. */
export type IntakeIntent = 'new' | 'search' | 'open';

const pendingIntents: IntakeIntent[] = [];

/** The presses not yet acted on, oldest first; taking them empties the queue. */
export function takeIntakeIntents(): IntakeIntent[] {
  return pendingIntents.splice(0);
}

function toIntake(navigate: NavigateFunction, intent: IntakeIntent): void {
  pendingIntents.push(intent);
  void navigate('/intake');
}

/** The shortcuts of a shell showing `sections` (F2/F3 only where there is a 来访登记). */
export function useDeskShortcuts(sections: readonly Section[]): void {
  const navigate = useNavigate();
  const intake = sections.some((s) => s.path === '/intake');
  useShortcut('F2', () => toIntake(navigate, 'new'), intake);
  useShortcut('F3', () => toIntake(navigate, 'search'), intake);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const section = sectionOfShortcut(e.key, sections);
      if (!section) return;
      e.preventDefault();
      // Arriving in 来访登记 puts the focus where the clerk types next.
      if (section.path === '/intake') toIntake(navigate, 'open');
      else void navigate(section.path);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, sections]);
}
