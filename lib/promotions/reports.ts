import { readAudit } from "@/lib/audit/audit-log";
import { notFound } from "@/lib/errors/domain-error";
import type { Services } from "@/lib/services";

export interface WinnerRow {
  id: string;
  email: string;
  status: string;
  couponCode: string | null;
  claimedAt: string;
  /** When the coupon stops being valid; null: never. */
  expiresAt: string | null;
}

async function assertExists({ db }: Services, promotionId: string) {
  if (!(await db.promotion.findUnique({ where: { id: promotionId }, select: { id: true } }))) throw notFound();
}

/** One page of a promotion's claims, newest first. */
export async function listWinners(services: Services, promotionId: string, page: number, pageSize: number) {
  await assertExists(services, promotionId);
  const [total, claims] = await Promise.all([
    services.db.claim.count({ where: { promotionId } }),
    services.db.claim.findMany({
      where: { promotionId },
      orderBy: [{ claimedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { user: { select: { email: true } } },
    }),
  ]);
  return {
    claims: claims.map((c): WinnerRow => ({
      id: c.id,
      email: c.user.email,
      status: c.status,
      couponCode: c.couponCode,
      claimedAt: c.claimedAt.toISOString(),
      expiresAt: c.expiresAt?.toISOString() ?? null,
    })),
    page,
    pageSize,
    total,
  };
}

const CSV_BATCH = 1_000;

function csvField(value: string | null): string {
  const text = value ?? "";
  // Quote always; double inner quotes; defuse spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Every claim as CSV, oldest first, streamed in batches (keyset pagination), so a promotion with
 * a million winners never sits in memory at once.
 */
export async function winnersCsv(services: Services, promotionId: string): Promise<ReadableStream<Uint8Array>> {
  await assertExists(services, promotionId);
  const encoder = new TextEncoder();
  let cursor: { claimedAt: Date; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode("claim_id,email,status,coupon_code,claimed_at,expires_at\n"));
        return;
      }
      const batch = await services.db.claim.findMany({
        where: {
          promotionId,
          ...(cursor && {
            OR: [{ claimedAt: { gt: cursor.claimedAt } }, { claimedAt: cursor.claimedAt, id: { gt: cursor.id } }],
          }),
        },
        orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
        take: CSV_BATCH,
        include: { user: { select: { email: true } } },
      });
      if (batch.length === 0) {
        controller.close();
        return;
      }
      const last = batch[batch.length - 1];
      cursor = { claimedAt: last.claimedAt, id: last.id };
      const lines = batch.map((c) =>
        [c.id, c.user.email, c.status, c.couponCode, c.claimedAt.toISOString(), c.expiresAt?.toISOString() ?? null]
          .map(csvField)
          .join(","),
      );
      controller.enqueue(encoder.encode(lines.join("\n") + "\n"));
    },
  });
}

/** The promotion's audit log, newest first. */
export async function listAudit(services: Services, promotionId: string) {
  await assertExists(services, promotionId);
  return readAudit(services.db, { promotionId }, 200);
}
