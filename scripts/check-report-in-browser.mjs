// Opens a compliance report in headless Chromium and checks that it renders its liability zones,
// invariants and gate without console errors. Usage:
//   node scripts/check-report-in-browser.mjs examples/target/compliance-report/index.html [min-zones]
// Needs playwright-core (installed by scripts/check-report-in-browser.sh) and Chromium at CHROMIUM or /usr/bin/chromium.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const report = path.resolve(process.argv[2] ?? 'examples/target/compliance-report/index.html');
const minimumZones = Number(process.argv[3] ?? '1');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on('console', message => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('request', request => {
    if (!request.url().startsWith('file:')) problems.push(`network request (the report must be self-contained): ${request.url()}`);
  });
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
  const zones = await page.locator('#liability-map article.zone').count();
  const tiered = await page.locator('#liability-map article.zone .tier').count();
  const invariants = await page.locator('#invariants tbody tr[id]').count();
  const gate = (await page.locator('#gate h2').textContent())?.trim();
  const zoneNames = await page.locator('#liability-map article.zone').evaluateAll(nodes => nodes.map(n => n.dataset.zone));
  const zoneBorder = zones > 0
    ? await page.locator('#liability-map article.zone').first().evaluate(n => getComputedStyle(n).borderLeftColor)
    : 'none';
  if (zones < minimumZones) problems.push(`expected at least ${minimumZones} liability zones, found ${zones}`);
  if (tiered !== zones) problems.push(`every zone must show its tier: ${tiered} of ${zones} do`);
  if (zoneBorder === 'rgb(227, 231, 235)') problems.push('zones are not colour-coded by tier');
  if (invariants < 1) problems.push('no invariant rows rendered');
  if (!gate?.startsWith('Gate:')) problems.push('no gate summary rendered');
  const screenshot = path.join(path.dirname(report), 'screenshot.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`report: ${report}`);
  console.log(`zones: ${zones} (${zoneNames.join(', ')}); invariants: ${invariants}; ${gate}; screenshot: ${screenshot}`);
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('report renders in Chromium without console errors');
