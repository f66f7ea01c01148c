/**
 * The Node major that the app's Electron release bundles: the CLI and the tests run on it too (installed from the
 * npm registry, docs/development.md "Which Node runs"). A unit test keeps it equal to Electron's own declaration.
 */
export const SUPPORTED_NODE_MAJOR = 24;
