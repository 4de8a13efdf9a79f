/**
 * Security policy of the main process: the Content-Security-Policy header (from csp.ts), the origin check used by
 * navigation and IPC guards, the permission policy, and `hardenWebContents`.
 *
 * Invariants:
 * - Only the app's own origin (plus the dev server's in development) may be navigated to or
 *   talk to IPC; everything else is denied, never "opened externally" (the desk PC handles
 *   personal data and there is no reason for the app to launch a browser).
 * - No new windows, no <webview>, no permissions (camera, geolocation, notifications…).
 * - This module does not import 'electron' so Vitest can exercise it in plain Node.
 */
import { cspHeader, ELECTRON_CSP_PARAMS } from './csp';

/**
 * The CSP header value served with every app:// response: Electron's policy from the one source
 * (csp.ts), which also puts it, minus the header-only directives, in the built page's <meta>.
 */
export const contentSecurityPolicy: string = cspHeader(ELECTRON_CSP_PARAMS);

/**
 * `scheme://host[:port]` of a URL, lower-cased, or null when the URL has no usable origin.
 * Computed by hand because WHATWG `URL.origin` is "null" for non-special schemes such as our
 * `app:`. URLs with credentials are refused outright (`app://duty-desk@evil/` tricks).
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** True when `url` belongs to one of `allowedOrigins` (exact origin match). */
export function isAllowedUrl(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.some((allowed) => allowed.toLowerCase() === origin);
}

/**
 * Permissions the renderer may use. Empty on purpose: nothing at the desk needs the camera,
 * microphone, location, notifications or MIDI. If copying to the clipboard ever turns out to
 * need a grant, add 'clipboard-sanitized-write' here (and only here) with a reason.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = [];

/** Decision for both Electron permission hooks (request and check). */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}

type PreventableEvent = { preventDefault(): void };

/** The parts of Electron's WebContents that hardening needs (structural, for tests). */
export type HardenableContents = {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

/**
 * Apply navigation/window/webview denials to one WebContents. Called for every WebContents
 * the app creates (via app 'web-contents-created'), so a forgotten window cannot slip through.
 * `loadURL` calls made by main itself (e.g. the print window's data: URL) do not raise these
 * events, so they are unaffected.
 */
export function hardenWebContents(contents: HardenableContents, appOrigin: string | readonly string[]): void {
  const allowed = typeof appOrigin === 'string' ? [appOrigin] : appOrigin;
  const guard = (event: PreventableEvent, url: string): void => {
    if (!isAllowedUrl(url, allowed)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  // will-frame-navigate also covers sub-frames, which will-navigate does not.
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
