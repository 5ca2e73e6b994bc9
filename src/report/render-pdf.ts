/**
 * The report as PDF: the HTML report printed by Debian's Chromium through playwright-core (STACK.md:
 * ≈ 0.6 s, vector charts, nothing downloaded). The browser is /usr/bin/chromium, or GUARANTOR_CHROMIUM;
 * when it is missing the caller gets a Result naming what to install — HTML and Markdown need no browser.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { err, ok, type Result } from '../core/result.js';
import { escapeHtml } from './escape.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: Readonly<Record<string, string | undefined>>): string {
  const path = env.GUARANTOR_CHROMIUM;
  return path === undefined || path === '' ? DEFAULT_CHROMIUM : path;
}

/** Prints `html` to an A4 PDF with page numbers in the footer; `title` goes in the header. */
export async function renderPdf(
  html: string,
  title: string,
  browserPath: string,
): Promise<Result<Buffer, string>> {
  if (!existsSync(browserPath)) {
    return err(
      `no Chromium at ${browserPath}: install it (Debian/Ubuntu: \`apt-get install -y chromium\`) or set ` +
        'GUARANTOR_CHROMIUM to its path; --format html or md need no browser',
    );
  }
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    // --no-sandbox: containers running as root cannot start Chromium's sandbox.
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return err(`cannot start Chromium at ${browserPath}: ${first}`);
  }
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:7pt;color:#5b6576;width:100%;padding:0 12mm;">${escapeHtml(title)}</div>`,
      footerTemplate:
        '<div style="font-size:7pt;color:#5b6576;width:100%;text-align:center;">' +
        'page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
    return ok(pdf);
  } finally {
    await browser.close();
  }
}
