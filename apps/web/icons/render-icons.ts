// Renders the app icon's SVG to the PNGs the web manifest lists, with the Chromium the browser
// tests use: `npx tsx icons/render-icons.ts` from apps/web. The PNGs are committed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/chromium.js';

const svg = await readFile(fileURLToPath(new URL('app-icon.svg', import.meta.url)), 'utf8');
const sizes: [string, number][] = [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
];
const browser = await launchChromium();
try {
  for (const [name, size] of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
    );
    await page.screenshot({ path: fileURLToPath(new URL(`../public/${name}`, import.meta.url)) });
    await page.close();
  }
} finally {
  await browser.close();
}
