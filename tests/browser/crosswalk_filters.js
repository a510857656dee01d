// Browser check of the 突合表 HTML filters (optional: needs Node.js, the
// playwright-core package and Debian's chromium; tools/run-tests.sh runs it
// when they are present).  Usage: node crosswalk_filters.js FILE.html [SHOT.png]
// Asserts: no network request, no script error, the level filter is
// cumulative, the chapter and text filters narrow the rows.
const { chromium } = require('playwright-core');

function check(cond, what) {
  if (!cond) { console.error('FAIL: ' + what); process.exitCode = 1; }
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests = [], errors = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto('file://' + require('path').resolve(process.argv[2]));
  const shown = () => page.$$eval('table.filterable tbody tr',
    rs => rs.filter(r => r.style.display !== 'none').length);
  const total = await page.$$eval('table.filterable tbody tr', rs => rs.length);
  check(await shown() === total, 'all rows shown at first');
  const levels = await page.$$eval('#f-level option', os => os.map(o => o.value).filter(v => v !== '' && +v >= 0));
  let previous = 0;
  for (const v of levels) {
    await page.selectOption('#f-level', v);
    const n = await shown();
    check(n >= previous, 'level filter is cumulative at ' + v);
    previous = n;
  }
  await page.selectOption('#f-level', '');
  const chapters = await page.$$eval('#f-chapter option', os => os.map(o => o.value).filter(v => v !== ''));
  let sum = 0;
  for (const c of chapters) {
    await page.selectOption('#f-chapter', c);
    const n = await shown();
    check(n <= total, 'chapter ' + c);
    sum += n;
  }
  check(sum > 0, 'some chapter filter shows rows');
  await page.selectOption('#f-chapter', '');
  await page.fill('#f-text', 'zzzz-no-such-text');
  check(await shown() === 0, 'text filter hides everything for a missing word');
  await page.fill('#f-text', '');
  check(await shown() === total, 'clearing the filters shows every row again');
  if (process.argv[3]) await page.screenshot({ path: process.argv[3] });
  check(requests.length === 0, 'no network request: ' + requests.join(' '));
  check(errors.length === 0, 'no script error: ' + errors.join(' '));
  console.log('filters: ' + total + ' rows, ' + levels.length + ' levels, ' + chapters.length + ' chapters checked');
  await browser.close();
})();
