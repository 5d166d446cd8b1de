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
  const zoneDetails = await page.locator('#liability-map article.zone').evaluateAll(nodes => nodes.map(n => ({
    name: n.dataset.zone,
    tier: n.querySelector('.tier')?.textContent?.trim(),
    status: n.querySelector('.status')?.textContent?.trim(),
    owner: /Owner: ([^·]+)/.exec(n.textContent)?.[1]?.trim(),
    regulations: /Regulations: ([^·]+)/.exec(n.textContent)?.[1]?.trim(),
    guards: [...n.querySelectorAll('a[href^="#"] code')].map(code => code.textContent),
    unguarded: n.classList.contains('unguarded'),
    flagged: n.querySelector('.unguarded-flag') !== null,
    border: getComputedStyle(n).borderLeftColor,
  })));
  const tierColours = { REGULATORY: 'rgb(198, 40, 40)', FINANCIAL: 'rgb(239, 143, 0)', REPUTATIONAL: 'rgb(58, 111, 216)' };
  for (const zone of zoneDetails) {
    if (!zone.owner) problems.push(`zone ${zone.name} shows no owner line`);
    if (!zone.regulations) problems.push(`zone ${zone.name} shows no regulations line`);
    if (!zone.status) problems.push(`zone ${zone.name} shows no guard status`);
    if (tierColours[zone.tier] && zone.border !== tierColours[zone.tier]) {
      problems.push(`zone ${zone.name} (${zone.tier}) has border ${zone.border}, expected ${tierColours[zone.tier]}`);
    }
    if (zone.unguarded !== zone.flagged) problems.push(`zone ${zone.name}: unguarded=${zone.unguarded} but flagged=${zone.flagged}`);
    if (!zone.unguarded && zone.guards.length === 0) problems.push(`zone ${zone.name} is not unguarded but lists no guarding invariant`);
    for (const guard of zone.guards) {
      if (await page.locator(`#invariants tr[id="${guard}"]`).count() !== 1) {
        problems.push(`zone ${zone.name} links to invariant ${guard}, which has no row`);
      }
    }
  }
  if (zones < minimumZones) problems.push(`expected at least ${minimumZones} liability zones, found ${zones}`);
  if (tiered !== zones) problems.push(`every zone must show its tier: ${tiered} of ${zones} do`);
  if (zoneBorder === 'rgb(227, 231, 235)') problems.push('zones are not colour-coded by tier');
  if (invariants < 1) problems.push('no invariant rows rendered');
  if (!gate?.startsWith('Gate:')) problems.push('no gate summary rendered');
  const screenshot = path.join(path.dirname(report), 'screenshot.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`report: ${report}`);
  console.log(`zones: ${zones} (${zoneNames.join(', ')}); invariants: ${invariants}; ${gate}; screenshot: ${screenshot}`);
  for (const zone of zoneDetails) {
    console.log(`  ${zone.tier} ${zone.name}: ${zone.status}; owner ${zone.owner}; regulations ${zone.regulations}; `
      + `guarded by ${zone.guards.join(', ') || 'nothing'}`);
  }
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('report renders in Chromium without console errors');
