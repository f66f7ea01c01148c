import { build } from 'esbuild';

/**
 * A test page's script (TypeScript or TSX importing real renderer modules) bundled into one classic script, for
 * `page.addScriptTag({ content })` on a page that is already open — the app's own page in the browser host, whose
 * `window.api` bridge it then uses. Its CSP must be bypassed (`bypassCSP` on the browser context) to run it.
 */
export async function bundlePageScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}
