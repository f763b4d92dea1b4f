/**
 * The text of a PDF page by page, with where each piece sits, for the print tests: pdf.js
 * (devDependency pdfjs-dist, its Node build) reads what the browser wrote, so a test checks the
 * PDF itself and not only the page's layout before printing.
 */

/**
 * pdf.js's legacy build (its build for Node) carries core-js, whose Array.prototype.push polyfill
 * replaces the native push for the whole process (its feature test fails on V8) when pdf.mjs, and
 * again when its worker pdf.worker.mjs, is first evaluated. The test files share their worker
 * (vitest.config.ts: isolate false), so every file after this one pushed through it: 2.8 times the
 * native push's time (20 M pushes, Node 20). pdf.js is loaded on use and the native push put back
 * once the document is open (its fake worker loaded): the native push is the one the polyfill
 * stands in for, and pdf.js reads this PDF with it in 0.5 s less CPU (115 pages, session 15).
 */
const nativePush = Array.prototype.push;
function restoreNativePush(): void {
  if (Array.prototype.push !== nativePush) Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, enumerable: false, configurable: true });
}

/** One run of text on a page: its string, its left and right edge in points from the page's left edge. */
export interface PdfTextRun { text: string; left: number; right: number }
export interface PdfPage { width: number; height: number; text: string; runs: PdfTextRun[] }

/**
 * Text as the PDF gives it back, for comparing: NFKC, since a font's Unicode map may name a
 * character by its compatibility twin (Noto Sans SC maps 高 to the Kangxi radical ⾼, U+2F7C), and
 * without whitespace or control characters (line breaks fall anywhere in a paragraph).
 */
export const comparable = (text: string): string => text.normalize('NFKC').replace(/[\s\p{Cc}]+/gu, '');

/** Every page of `pdf`: its size in points, its text (runs joined, made `comparable`) and its runs. */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  let doc;
  try {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js may detach the buffer it is given: hand it a copy.
    doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } finally {
    restoreNativePush();
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, , x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: PdfTextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const left = item.transform[4] as number;
        runs.push({ text: item.str, left, right: left + item.width });
      }
      pages.push({ width: x1 - x0, height: y1, text: comparable(runs.map((r) => r.text).join('')), runs });
    }
    return pages;
  } finally {
    await doc.destroy();
    restoreNativePush();
  }
}
