/**
 * The web pages the app links to, in one place: the renderer links to no other https page (a unit test reads
 * it), and the Electron shell opens https pages in the browser only on these hosts and on those the interview
 * script and the configuration name (src/core/security/external-links.ts). None today; add a page here before
 * linking to it.
 */
export const HELP_PAGES: readonly string[] = [];
