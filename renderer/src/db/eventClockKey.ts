/**
 * The counters row that keeps this desk's event clock (the hybrid logical clock of every machine's
 * events: shared/domain/events/clock.ts): the doors tick it (repositories/machineDoor.ts), the
 * inbound sync moves it past the stamps that arrive (sync/applyDocs.ts), the upgrades that add
 * events set it (upgrades/v18-problem-events.ts).
 */
export const EVENT_CLOCK_KEY = 'eventClock';
