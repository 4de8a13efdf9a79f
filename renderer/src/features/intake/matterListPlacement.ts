/**
 * Where the matter list opens: always below the box (Popper's flip off), so a list opened by itself
 * never covers the 来访类型 radios above it, where a mouse click meant for 咨询 would land on a
 * matter. Its height is the room left below the box (at least three rows; 40vh at most), so
 * the list scrolls within itself and ends inside the window at 1366×768.
 */
import type { PopperProps } from '@mui/material';

type PopperModifier = NonNullable<PopperProps['modifiers']>[number];

/** Three options' height: below this the list takes the space and the page scrolls. */
const MIN_ROOM_PX = 144;
const MARGIN_PX = 8;

/** Popper modifier: the room below the box, as the CSS variable the listbox's max-height reads. */
const roomBelow: PopperModifier = {
  name: 'roomBelow',
  enabled: true,
  phase: 'write',
  fn: ({ state }) => {
    const bottom = state.elements.reference.getBoundingClientRect().bottom;
    const room = Math.max(MIN_ROOM_PX, window.innerHeight - bottom - MARGIN_PX);
    state.elements.popper.style.setProperty('--room-below', `${Math.round(room)}px`);
  },
};

/**
 * Once placed, a list that still runs past the window's bottom (less than three rows of room) is
 * scrolled into view: the page moves up by the shortfall; the box and the radios above stay in view.
 */
function showWhole(node: HTMLElement | null): void {
  if (node) requestAnimationFrame(() => node.scrollIntoView({ block: 'nearest' }));
}

/** The Autocomplete's slotProps: one object, so the Popper is not rebuilt at every render. */
export const LIST_BELOW = {
  popper: {
    placement: 'bottom-start' as const,
    modifiers: [{ name: 'flip', enabled: false }, roomBelow] as PopperModifier[],
  },
  listbox: { style: { maxHeight: 'min(40vh, var(--room-below, 40vh))' }, ref: showWhole },
};
