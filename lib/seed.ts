import "server-only";
import { canonicalEmail } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";

const DEMO_SLUG = "welcome-drop";
const DEMO_START_DELAY_MS = 2 * 60 * 1000;
const DEMO_LENGTH_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The admin account from ADMIN_EMAIL / ADMIN_PASSWORD (password reset to that value on each run),
 * and a demo promotion starting two minutes after it is first created. Safe to run repeatedly.
 */
export async function seed(db: Db, admin = { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }) {
  let adminEmail: string | null = null;
  if (admin.email && admin.password) {
    const email = admin.email.trim().toLowerCase();
    const emailCanonical = canonicalEmail(email, env.EMAIL_CANONICAL_DOMAINS);
    const passwordHash = await hashPassword(admin.password);
    await db.user.upsert({
      where: { email },
      create: { email, emailCanonical, name: "Admin", passwordHash, role: "ADMIN" },
      update: { emailCanonical, passwordHash, role: "ADMIN" },
    });
    adminEmail = email;
  }
  const startsAt = new Date(Date.now() + DEMO_START_DELAY_MS);
  const demo = await db.promotion.upsert({
    where: { slug: DEMO_SLUG },
    create: {
      slug: DEMO_SLUG,
      title: "Welcome drop: 20% off",
      description: "Our first drop. One coupon per person while the stock lasts.",
      totalStock: 100,
      startsAt,
      endsAt: new Date(startsAt.getTime() + DEMO_LENGTH_MS),
      discountType: "PERCENT",
      discountValue: 20,
      published: true,
    },
    update: {},
  });
  return { admin: adminEmail, demoPromotion: { id: demo.id, slug: demo.slug, startsAt: demo.startsAt.toISOString() } };
}
