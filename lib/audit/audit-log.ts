import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// The audit trail of admin changes, about a promotion or about an account: one way to write an
// entry and one way to read a trail, for both.

export interface AuditSubject {
  promotionId?: string | null;
  targetUserId?: string;
}

export function writeAudit(
  tx: Prisma.TransactionClient,
  actorId: string,
  subject: AuditSubject,
  action: string,
  changes: object,
) {
  return tx.auditLog.create({
    data: { actorId, ...subject, action, changes: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonObject },
  });
}

/** The subject's trail, newest first, with each actor's email. */
export async function readAudit(db: Db, subject: { promotionId: string } | { targetUserId: string }, take: number) {
  const entries = await db.auditLog.findMany({
    where: subject,
    orderBy: { createdAt: "desc" },
    take,
    include: { actor: { select: { email: true } } },
  });
  return entries.map((e) => ({
    id: e.id,
    action: e.action,
    actor: e.actor?.email ?? null,
    changes: e.changes,
    createdAt: e.createdAt.toISOString(),
  }));
}
