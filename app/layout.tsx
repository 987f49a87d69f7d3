import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AuthNav } from "@/components/auth-nav";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Coupon Drop",
  description: "First come, first served coupons.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const navLink = "rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <nav aria-label="Main" className="mx-auto flex h-14 max-w-3xl items-center gap-1 px-4 text-sm">
              <Link href="/" className="mr-auto text-base font-bold text-slate-900">
                Coupon Drop
              </Link>
              <Link href="/me/coupons" className={navLink}>
                My coupons
              </Link>
              <AuthNav />
            </nav>
          </header>
          {children}
        </Providers>
      </body>
    </html>
  );
}
