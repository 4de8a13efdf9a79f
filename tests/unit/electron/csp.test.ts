// One Content-Security-Policy (electron/main/csp.ts) for the browser build's page, Electron's page
// and Electron's app:// header: the policies are equal (the header adds only what a <meta> tag
// cannot carry), the built pages get theirs from the Vite plugin, and the one deliberate
// difference to come — the sync hub in Electron's connect-src — is one named parameter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  BROWSER_CSP_PARAMS,
  cspHeader,
  cspMeta,
  ELECTRON_CSP_PARAMS,
  HEADER_ONLY_DIRECTIVES,
  parseCsp,
} from '../../../electron/main/csp';
import { contentSecurityPolicy } from '../../../electron/main/security';
import { cspMetaPlugin, rendererConfig } from '../../../vite.config';

const repo = path.resolve(import.meta.dirname, '../../..');
const withoutHeaderOnly = (policy: string) => {
  const parsed = parseCsp(policy);
  for (const name of HEADER_ONLY_DIRECTIVES) parsed.delete(name);
  return parsed;
};

/** What the plugin does to an index.html, as Vite calls it. */
function transform(policy: string, html: string) {
  const hook = cspMetaPlugin(policy).transformIndexHtml as {
    handler: (html: string, ctx: IndexHtmlTransformContext) => unknown;
  };
  return hook.handler(html, {} as IndexHtmlTransformContext) as { tag: string; attrs: Record<string, string> }[];
}

describe('one content security policy', () => {
  it('is the same in the browser build, in the page Electron loads and in the app:// header', () => {
    expect(cspMeta(BROWSER_CSP_PARAMS)).toBe(cspMeta(ELECTRON_CSP_PARAMS));
    expect(contentSecurityPolicy).toBe(cspHeader(ELECTRON_CSP_PARAMS));
    expect(withoutHeaderOnly(contentSecurityPolicy)).toEqual(parseCsp(cspMeta(BROWSER_CSP_PARAMS)));
    // The header carries frame-ancestors, which a <meta> tag cannot.
    expect(parseCsp(contentSecurityPolicy).get('frame-ancestors')).toEqual(["'none'"]);
    expect(parseCsp(cspMeta(BROWSER_CSP_PARAMS)).has('frame-ancestors')).toBe(false);
  });

  it('has the strict directives: no data:/blob: frames, no inline or evaluated script', () => {
    const csp = parseCsp(contentSecurityPolicy);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
    for (const [name, sources] of csp) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it('the sync hub is one named parameter: in Electron connect-src (header and page) only', () => {
    const hub = { syncHubOrigin: 'https://hub.street.example:6984' };
    expect(parseCsp(cspHeader(hub)).get('connect-src')).toEqual(["'self'", 'https://hub.street.example:6984']);
    expect(parseCsp(cspMeta(hub)).get('connect-src')).toEqual(["'self'", 'https://hub.street.example:6984']);
    // Nothing else moves.
    const rest = (policy: string) => {
      const parsed = parseCsp(policy);
      parsed.delete('connect-src');
      return parsed;
    };
    expect(rest(cspHeader(hub))).toEqual(rest(cspHeader(ELECTRON_CSP_PARAMS)));
    for (const wide of ['https://*.example', 'https:', 'https://hub.example/path', "'unsafe-inline'", 'hub.example']) {
      expect(() => cspHeader({ syncHubOrigin: wide }), wide).toThrow(/syncHubOrigin/);
    }
  });

  it('the Vite plugin puts the policy first in the page, which has none of its own', () => {
    const source = readFileSync(path.join(repo, 'renderer/index.html'), 'utf8');
    expect(source).not.toMatch(/content-security-policy/i);
    const policy = cspMeta(BROWSER_CSP_PARAMS);
    expect(transform(policy, source)).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ]);
    // A second, hand-written policy would be a second source: refused.
    const doubled = source.replace(
      '<head>',
      `<head><meta http-equiv="Content-Security-Policy" content="default-src *">`,
    );
    expect(() => transform(policy, doubled)).toThrow(/own CSP/);
  });

  it('the browser build config uses the plugin with the browser policy', () => {
    const names = rendererConfig.plugins.flat().map((p) => (p as { name?: string }).name);
    expect(names).toContain('duty-desk-csp-meta');
    const plugin = rendererConfig.plugins.flat().find((p) => (p as { name?: string }).name === 'duty-desk-csp-meta');
    const hook = (plugin as ReturnType<typeof cspMetaPlugin>).transformIndexHtml as {
      handler: (html: string, ctx: IndexHtmlTransformContext) => { attrs: Record<string, string> }[];
    };
    expect(hook.handler('<head></head>', {} as IndexHtmlTransformContext)[0]?.attrs['content']).toBe(
      cspMeta(BROWSER_CSP_PARAMS),
    );
  });
});
