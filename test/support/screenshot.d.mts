/** Types of screenshot.mjs, for the TypeScript tests that import it. */
export declare const CHROMIUM: string;
export declare const ROOT: string;
export declare const SIZE: { width: number; height: number };
export declare const MAX_PNG_BYTES: number;
export declare function requireChromium(): void;
export declare function chromium(args: string[], opts?: { timeout?: number }): { status: number | null; stdout: string; stderr: string };
export declare function dumpDom(htmlFile: string): string;
export declare function pageRequests(htmlFile: string): { requests: string[]; errors: string[]; loaded: boolean };
export declare function screenshot(htmlFile: string, pngFile: string, opts?: { width?: number; height?: number }): string;
export interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}
export declare function decodePng(buf: Buffer): Png;
export declare function countColor(img: Png, hex: string): number;
export declare function annualHtml(outFile: string, opts?: { asOf?: string }): string;
export declare function reportHtml(kind: 'annual' | 'quarterly' | 'monthly', outFile: string, opts?: { asOf?: string }): string;
export declare function printToPdf(htmlFile: string, pdfFile: string): string;
export declare function requirePoppler(): void;
export declare function pdfText(pdfFile: string): string;
export declare function pdfPages(pdfFile: string): number;
export declare function firstPagePng(pdfFile: string, pngFile: string, dpi?: number): string;
export declare const PAGE_IMAGES: { annual: string; quarterly: string };
