/**
 * THE Content-Security-Policy, one source for every place it is delivered:
 * - the `<meta>` tag of the renderer's index.html, injected by the Vite build (vite.config.ts for
 *   the browser build, electron.vite.config.ts for the page Electron loads) — renderer/index.html
 *   has none of its own;
 * - the response header of every app:// response in Electron (protocol.ts, via security.ts).
 *
 * The only differences are named here: the header carries the directives a `<meta>` tag cannot
 * (frame-ancestors is ignored in <meta>), and the Electron policy takes `syncHubOrigin`, the one
 * deliberate difference to come (the sync issue's hub in Electron's connect-src). With
 * `ELECTRON_CSP_PARAMS` at its default, the browser's and Electron's policies are the same
 * (tests/unit/electron/csp.test.ts).
 *
 * Why each directive deviates from 'self' (if it does):
 * - style-src 'unsafe-inline': MUI/emotion injects <style> tags at runtime. Scripts stay strict.
 * - img-src data: blob:: QR codes (qrcode → data: URL / SVG) and previews of generated files.
 * - font-src data:: fonts inlined by the bundler.
 * - frame-src 'self' (no blob:/data:): Electron prints in a hidden window owned by main
 *   (services/printing.ts); the browser build prints through a hidden `srcdoc` iframe
 *   (renderer/src/platform/browser.ts), which inherits this policy and is allowed by 'self'
 *   (the receipts/print e2e runs it). data:/blob: frames would be an easy way to smuggle an
 *   unreviewed document into the app, so they stay out. Downloads use blob: links, which are
 *   navigations, not frames.
 * - object-src/base-uri/form-action 'none', frame-ancestors 'none': nothing legitimate uses them.
 *
 * No 'electron' import: Vite's config and Vitest load this module in plain Node.
 */

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

export const CSP_DIRECTIVES: CspDirectives = Object.freeze({
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

/** Directives a browser ignores when the policy comes in a <meta> tag (CSP3 §3.3). */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox'];

export type CspParams = {
  /**
   * The sync hub Electron's renderer may talk to (`https://host[:port]`), added to connect-src
   * of Electron's policy only (header and page). null: no hub (today).
   */
  syncHubOrigin: string | null;
};

/** Electron's parameters: the one place the deliberate difference will be set. */
export const ELECTRON_CSP_PARAMS: CspParams = Object.freeze({ syncHubOrigin: null });
/** The browser build talks to nothing but its own origin. */
export const BROWSER_CSP_PARAMS: CspParams = Object.freeze({ syncHubOrigin: null });

const HUB_ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

export function cspDirectives(params: CspParams): CspDirectives {
  const { syncHubOrigin } = params;
  if (syncHubOrigin === null) return CSP_DIRECTIVES;
  // A whole origin, nothing wider: no wildcard, no path, no scheme-only source.
  if (!HUB_ORIGIN.test(syncHubOrigin)) throw new Error('csp: syncHubOrigin must be http(s)://host[:port]');
  return Object.freeze({
    ...CSP_DIRECTIVES,
    'connect-src': [...(CSP_DIRECTIVES['connect-src'] ?? []), syncHubOrigin.toLowerCase()],
  });
}

const serialize = (directives: CspDirectives, skip: readonly string[]): string =>
  Object.entries(directives)
    .filter(([name]) => !skip.includes(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** The policy as a response header (every directive). */
export function cspHeader(params: CspParams): string {
  return serialize(cspDirectives(params), []);
}

/** The policy as the content of a <meta http-equiv="Content-Security-Policy"> tag. */
export function cspMeta(params: CspParams): string {
  return serialize(cspDirectives(params), HEADER_ONLY_DIRECTIVES);
}

/** Parses a serialized policy into its directives (tests, checks). */
export function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const [name = '', ...sources] = part.split(/\s+/);
        return [name.toLowerCase(), sources] as const;
      }),
  );
}
