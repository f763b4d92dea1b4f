/**
 * The text of a PDF page by page, with where each piece sits, for the print tests: pdf.js
 * (devDependency pdfjs-dist, its Node build) reads what the browser wrote, so a test checks the
 * PDF itself and not only the page's layout before printing.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
  // pdf.js may detach the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
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
  }
}
