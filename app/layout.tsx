import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthNav } from "@/components/auth-nav";
import { LanguageSwitcher } from "@/components/language-switcher";
import { hangul } from "./hangul-font";
import { Providers } from "./providers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("title"), description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const navLink = "rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("nav")]);
  return (
    <html lang={locale} className={hangul.variable}>
      <body className="min-h-screen font-sans">
        {/* The locale and its messages reach the client components from the request config (i18n/request.ts). */}
        <NextIntlClientProvider>
          <Providers>
            <header className="border-b border-slate-200 bg-white">
              <nav aria-label={t("main")} className="mx-auto flex h-14 max-w-3xl items-center gap-1 px-4 text-sm">
                <Link href="/" className="mr-auto text-base font-bold text-slate-900">
                  {t("brand")}
                </Link>
                <Link href="/me/coupons" className={navLink}>
                  {t("myCoupons")}
                </Link>
                <AuthNav />
                <LanguageSwitcher />
              </nav>
            </header>
            {children}
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
