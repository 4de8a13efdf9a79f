/**
 * Security policy of the main process: the Content-Security-Policy, the origin check used by
 * navigation and IPC guards, the permission policy, and `hardenWebContents`.
 *
 * Invariants:
 * - Only the app's own origin (plus the dev server's in development) may be navigated to or
 *   talk to IPC; everything else is denied, never "opened externally" (the desk PC handles
 *   personal data and there is no reason for the app to launch a browser).
 * - No new windows, no <webview>, no permissions (camera, geolocation, notifications…).
 * - This module does not import 'electron' so Vitest can exercise it in plain Node.
 */

/**
 * CSP directives. Why each deviates from `'self'` (if it does):
 * - style-src 'unsafe-inline': MUI/emotion injects <style> tags at runtime. Scripts stay strict.
 * - img-src data: blob:: QR codes (qrcode → data: URL / SVG) and previews of generated files.
 * - font-src data:: fonts inlined by the bundler.
 * - frame-src 'self' (no blob:/data:): printing in Electron happens in a separate hidden window
 *   owned by main (services/printing.ts), so the renderer never needs to frame a blob/data
 *   document. A same-origin or srcdoc/about:blank iframe (the browser build's print path)
 *   inherits this policy and is covered by 'self'. data:/blob: frames would be an easy way to
 *   smuggle an unreviewed document into the app, so they stay out.
 * - object-src/base-uri/form-action 'none', frame-ancestors 'none': nothing legitimate uses them.
 *   (frame-ancestors is ignored in <meta>, so it only takes effect via the response header.)
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** The CSP header value served with every app:// response. */
export const contentSecurityPolicy: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

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
