import Link from "next/link";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { ClaimCode } from "@/components/claim-code";
import { LocalTime } from "@/components/local-time";
import { authOptions } from "@/lib/auth/options";
import { listClaimsOf } from "@/lib/claims/person-claims";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata = { title: "My coupons · Coupon Drop" };

export default async function MyCouponsPage() {
  const session = await getServerSession(authOptions());
  if (!session) redirect("/signin?callbackUrl=/me/coupons");
  const claims = await listClaimsOf(getDb(), session.user.id);

  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
      <h1 className="text-2xl font-bold">My coupons</h1>
      {claims.length === 0 ? (
        <p className="text-slate-600">
          No coupons yet.{" "}
          <Link href="/" className="font-medium text-slate-900 underline">
            See the promotions
          </Link>
        </p>
      ) : (
        <ul className="space-y-3">
          {claims.map(({ promotion, ...claim }) => (
            <li key={claim.id} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <Link href={`/p/${promotion.slug}`} className="font-semibold text-slate-900 hover:underline">
                  {promotion.title}
                </Link>
                <span className="text-sm text-slate-500">
                  Claimed <LocalTime iso={claim.claimedAt} />
                </span>
              </div>
              <ClaimCode claim={claim} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
