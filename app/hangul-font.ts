import localFont from "next/font/local";

/**
 * Hangul for every page (issue #21: Chromium on a machine without a Korean font drew boxes).
 * Noto Sans KR's "korean" subset from @fontsource, self-hosted by next/font/local. Its
 * unicode-range is Hangul (and CJK punctuation) only, so a browser downloads it only for a page
 * that shows Hangul: English pages never pay for it, and a Korean title on an English page still
 * renders. Not preloaded for the same reason. It is first in the font stack (globals.css); the
 * unicode-range sends Latin text and digits on to the system fonts.
 */
export const hangul = localFont({
  src: [
    { path: "../node_modules/@fontsource/noto-sans-kr/files/noto-sans-kr-korean-400-normal.woff2", weight: "400" },
    { path: "../node_modules/@fontsource/noto-sans-kr/files/noto-sans-kr-korean-700-normal.woff2", weight: "700" },
  ],
  variable: "--font-hangul",
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  declarations: [
    { prop: "unicode-range", value: "U+1100-11FF, U+3000-303F, U+3130-318F, U+A960-A97F, U+AC00-D7A3, U+D7B0-D7FF" },
  ],
});
