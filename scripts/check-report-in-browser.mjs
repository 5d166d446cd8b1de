// Opens pages the harness writes (the compliance report, the aggregate report, the audit) in headless Chromium and
// checks what a person scanning them relies on:
//   - the summary comes first and is on the first screen, at 390 px and at 1280 px;
//   - no horizontal scrolling at 390 px (a phone) or at 1280 px;
//   - the filter bar filters every entry by zone, tier and status, and sorts by zone, tier, status and name;
//   - no line of a failure is shown twice within one test, and no captured output line either;
//   - every mention of a zone shows the zone's own tier, and the audit's classes in a zone show the zone's tier;
//   - no console error, no page error, no network request (the pages are self-contained).
// Usage:
//   node scripts/check-report-in-browser.mjs [--screenshots DIR] page.html[=name] ...
// With --screenshots, writes DIR/<name>-1280.png and DIR/<name>-390.png (the first screen at each width).
// Needs playwright-core (installed by scripts/check-report-in-browser.sh) and Chromium at CHROMIUM or /usr/bin/chromium.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
let screenshots = null;
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--screenshots') { screenshots = args[++i]; continue; }
  const [file, name] = args[i].split('=');
  pages.push({ file: path.resolve(file), name: name ?? path.basename(path.dirname(file)) });
}
if (pages.length === 0) {
  console.error('usage: check-report-in-browser.mjs [--screenshots DIR] page.html[=name] ...');
  process.exit(2);
}
if (screenshots) mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  for (const { file, name } of pages) {
    if (!existsSync(file)) { problems.push(`${name}: ${file} does not exist; build it first`); continue; }
    for (const width of [1280, 390]) {
      await checkPage(file, name, width);
    }
  }
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${pages.length} page(s) read well at 390 px and 1280 px, filter and sort, with no duplicated lines,`
  + ' consistent tier labels and no console errors');

async function checkPage(file, name, width) {
  const height = width === 390 ? 844 : 800;   // a phone's screen, a laptop's
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problem = text => problems.push(`${name} at ${width} px: ${text}`);
  page.on('console', message => { if (message.type() === 'error') problem(`console error: ${message.text()}`); });
  page.on('pageerror', error => problem(`page error: ${error.message}`));
  page.on('request', request => {
    if (!request.url().startsWith('file:')) problem(`network request (the page must be self-contained): ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

  // the summary first, on the first screen
  const first = await page.evaluate(() => {
    const sections = [...document.querySelectorAll('section, nav')];
    const summary = document.getElementById('summary');
    return { id: sections[0]?.id, top: summary?.getBoundingClientRect().top, headline: summary?.querySelector('h2')?.textContent };
  });
  if (first.id !== 'summary') problem(`the first section is #${first.id}, not the summary`);
  if (!(first.top < height / 2)) problem(`the summary starts at ${first.top} px, not in the first half of the first screen`);
  if (!first.headline) problem('the summary has no headline');

  // no horizontal scrolling
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')].filter(n => n.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3).map(n => `${n.tagName.toLowerCase()}.${n.className} "${(n.textContent ?? '').trim().slice(0, 40)}"`) }));
  if (widths.scroll > widths.client) {
    problem(`scrolls horizontally: ${widths.scroll} px of content in ${widths.client} px (${widths.wide.join('; ')})`);
  }

  if (screenshots) {
    await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`) });
  }

  await checkLinksAndZones(page, problem);
  await checkFilters(page, problem);
  await checkNoDuplicatedLines(page, problem);
  await checkTierLabels(page, problem);
  if (width === 1280) {
    const counts = await page.evaluate(() => ({ entries: document.querySelectorAll('.item').length,
      zones: document.querySelectorAll('article.card').length, headline: document.querySelector('#summary h2')?.textContent ?? 'no summary' }));
    console.log(`${name}: ${counts.headline}; ${counts.entries} entries, ${counts.zones} zone cards`);
  }
  await context.close();
}

async function checkLinksAndZones(page, problem) {
  const found = await page.evaluate(() => {
    const wrong = [];
    for (const link of document.querySelectorAll('a[href^="#"]')) {
      const id = decodeURIComponent(link.getAttribute('href').slice(1));
      if (!document.getElementById(id)) wrong.push(`a link to #${id}, which is not on the page`);
    }
    for (const card of document.querySelectorAll('article.card')) {
      const name = card.querySelector('h3 .zone-ref')?.dataset.zone ?? card.id;
      const text = card.textContent;
      if (!/Owner: /.test(text)) wrong.push(`zone ${name} shows no owner line`);
      if (!/Regulations: /.test(text)) wrong.push(`zone ${name} shows no regulations line`);
      if (!card.querySelector('h3 .status-label')) wrong.push(`zone ${name} shows no guard status`);
      if (card.classList.contains('unguarded') !== /Unguarded: /.test(text)) wrong.push(`zone ${name}: unguarded flag and status disagree`);
      if (!card.classList.contains('unguarded') && !/Guarded by/.test(text)) wrong.push(`zone ${name} is guarded but names no guard`);
    }
    return wrong;
  });
  found.forEach(text => problem(text));
}

async function checkFilters(page, problem) {
  const bar = page.locator('#filters');
  if (await bar.count() === 0) {
    if (await page.locator('.item').count() > 0) problem('entries but no filter bar');
    return;
  }
  if (!(await bar.isVisible())) { problem('the filter bar stays hidden: the script did not run'); return; }
  for (const facet of ['zone', 'tier', 'status']) {
    const values = await page.locator(`#filters select[name="${facet}"] option`).evaluateAll(
      options => options.map(option => option.value).filter(value => value !== ''));
    if (values.length === 0) problem(`the ${facet} filter offers nothing to choose`);
    for (const value of values) {
      await page.selectOption(`#filters select[name="${facet}"]`, value);
      const result = await page.evaluate(([facet, value]) => {
        const matches = item => facet === 'zone' ? JSON.parse(item.dataset.zones).includes(value)
          : facet === 'tier' ? item.dataset.tiers.split(' ').includes(value) : item.dataset.status === value;
        const items = [...document.querySelectorAll('.item')];
        return { wrong: items.filter(item => matches(item) === item.hidden).map(item => item.dataset.name).slice(0, 3),
                 shown: items.filter(item => !item.hidden).length,
                 output: document.querySelector('#filters output').textContent };
      }, [facet, value]);
      if (result.wrong.length > 0) problem(`${facet} = ${value} shows or hides the wrong entries: ${result.wrong.join(', ')}`);
      if (result.shown === 0) problem(`${facet} = ${value} is offered but matches nothing`);
      if (!result.output.startsWith(`${result.shown} of `)) problem(`${facet} = ${value}: the bar says "${result.output}"`);
    }
    await page.selectOption(`#filters select[name="${facet}"]`, '');
  }
  for (const key of ['zone', 'tier', 'status', 'name', '']) {
    await page.selectOption('#filters select[name="sort"]', key);
    const unsorted = await page.evaluate(key => {
      const value = item => key === 'zone' ? (JSON.parse(item.dataset.zones)[0] ?? '\uffff')
        : key === 'tier' ? Number(item.dataset.tierRank) : key === 'status' ? Number(item.dataset.statusRank)
        : key === 'name' ? item.dataset.name.toLowerCase() : Number(item.dataset.order);
      const containers = new Set([...document.querySelectorAll('.item')].map(item => item.parentNode));
      for (const container of containers) {
        const items = [...container.children].filter(child => child.classList.contains('item'));
        for (let i = 1; i < items.length; i++) {
          if (value(items[i - 1]) > value(items[i])) return `${items[i - 1].dataset.name} before ${items[i].dataset.name}`;
        }
      }
      return null;
    }, key);
    if (unsorted) problem(`sort by ${key || 'page order'} is out of order: ${unsorted}`);
  }
  await page.click('#filters button[name="reset"]');
  const hidden = await page.locator('.item[hidden]').count();
  if (hidden > 0) problem(`"Show all" left ${hidden} entries hidden`);
}

async function checkNoDuplicatedLines(page, problem) {
  const duplicates = await page.evaluate(() => {
    const found = [];
    for (const detail of document.querySelectorAll('tr.detail')) {
      const test = detail.closest('tbody')?.dataset.name;
      const lines = [...detail.querySelectorAll('li')].map(li => li.textContent.trim());
      const outputs = [...detail.querySelectorAll('q.output')].map(q => q.textContent.trim());
      for (const list of [lines, outputs]) {
        const seen = new Set();
        for (const line of list) {
          if (seen.has(line)) found.push(`${test}: "${line.slice(0, 80)}"`);
          seen.add(line);
        }
      }
    }
    return found;
  });
  duplicates.forEach(duplicate => problem(`a line shown twice in one test: ${duplicate}`));
}

async function checkTierLabels(page, problem) {
  const wrong = await page.evaluate(() => {
    const found = [];
    const cardTier = {};
    for (const card of document.querySelectorAll('article.card')) {
      const ref = card.querySelector('h3 .zone-ref');
      if (!ref) continue;
      cardTier[ref.dataset.zone] = ref.dataset.tier;
      const border = getComputedStyle(card).borderLeftColor;
      const badge = getComputedStyle(ref.querySelector('.tier')).color;
      if (!card.classList.contains(ref.dataset.tier.toLowerCase())) found.push(`zone ${ref.dataset.zone}: card edge is not ${ref.dataset.tier}`);
      if (border === badge) found.push(`zone ${ref.dataset.zone}: edge colour equals text colour`);
    }
    for (const ref of document.querySelectorAll('.zone-ref')) {
      const label = ref.querySelector('.tier')?.textContent.trim();
      if (label !== ref.dataset.tier) found.push(`zone ${ref.dataset.zone} labelled ${label}, its tier is ${ref.dataset.tier}`);
      if (cardTier[ref.dataset.zone] && cardTier[ref.dataset.zone] !== ref.dataset.tier) {
        found.push(`zone ${ref.dataset.zone} shown as ${ref.dataset.tier} here and ${cardTier[ref.dataset.zone]} on its card`);
      }
    }
    // audit: a class in a declared zone carries the zone's tier
    for (const row of document.querySelectorAll('tbody.item[data-zone-tier]')) {
      const label = row.querySelector('.tier')?.textContent.trim();
      if (row.dataset.zoneTier !== row.dataset.tiers || label !== row.dataset.zoneTier) {
        found.push(`class ${row.dataset.name} in a ${row.dataset.zoneTier} zone is labelled ${label}`);
      }
    }
    for (const badge of document.querySelectorAll('.tier')) {
      const text = badge.textContent.trim();
      const kind = [...badge.classList].find(c => c !== 'tier');
      if (text.toLowerCase() !== kind && !(kind === 'none' && text === 'NO TIER')) found.push(`badge "${text}" coloured as ${kind}`);
    }
    return found;
  });
  wrong.forEach(text => problem(text));
}
