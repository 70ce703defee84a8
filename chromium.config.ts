// The system Chromium every browser-driven part of the project uses (tests, screenshots, bench):
// Playwright's own browser download cannot work on these machines.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** WebGL through SwiftShader in headless mode, and no background traffic to hosts the network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];
