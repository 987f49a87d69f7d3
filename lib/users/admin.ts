import "server-only";
import { readAudit, writeAudit } from "@/lib/audit/audit-log";
import { DomainError, notFound } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Services } from "@/lib/services";
import { ACCOUNT_COLUMNS, sessionChecks, stateOfRow, type AccountRow } from "@/lib/sessions";
import { USERS_PAGE_SIZE, type AdminUserView, type UpdateUserInput } from "./schemas";

// The admin Users page's use cases. Each change is one transaction (row locked, so the audit's
// "from" values are what it replaced) that raises accessRevision, writes an AuditLog row naming
// the account, and then reaches the stock engine before the answer, so the change is in force
// on this instance at once and on every other within the session cache (30 s).

const VIEW_COLUMNS = { ...ACCOUNT_COLUMNS, email: true, name: true, createdAt: true } as const;
type ViewRow = AccountRow & { id: string; email: string; name: string | null; createdAt: Date };

const view = (row: ViewRow): AdminUserView => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabled,
  createdAt: row.createdAt.toISOString(),
});

/** Accounts whose email contains `q` (any case), newest first, one page. */
export async function listUsers({ db }: Services, q: string, page: number) {
  const where: Prisma.UserWhereInput = q ? { email: { contains: q, mode: "insensitive" } } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: VIEW_COLUMNS,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
    db.user.count({ where }),
  ]);
  return { users: rows.map(view), page, pageSize: USERS_PAGE_SIZE, total };
}

const selfChange = () => new DomainError("SELF_CHANGE", "You cannot demote or disable your own account.");

/** Role and/or disabled. A change an admin makes to their own account that locks them out is refused. */
export async function updateUser(services: Services, actorId: string, id: string, input: UpdateUserInput) {
  if (actorId === id && (input.role === "USER" || input.disabled === true)) throw selfChange();
  const row = await services.db.$transaction(async (tx) => {
    const current = await locked(tx, id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.role !== undefined && input.role !== current.role) changes.role = { from: current.role, to: input.role };
    if (input.disabled !== undefined && input.disabled !== current.disabled) {
      changes.disabled = { from: current.disabled, to: input.disabled };
    }
    // Nothing to change: still copied to the engine below, so repeating a request whose engine
    // write failed (503) finishes it.
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.user.update({
      where: { id },
      data: { role: input.role, disabled: input.disabled, accessRevision: { increment: 1 } },
      select: VIEW_COLUMNS,
    });
    await audit(tx, actorId, id, "user.update", changes);
    return updated;
  });
  await sessionChecks().store(id, stateOfRow(row));
  return { user: view(row) };
}

/** Ends every session of the account: tokens carry the old session version from now on. */
export async function signOutEverywhere(services: Services, actorId: string, id: string) {
  const row = await services.db.$transaction(async (tx) => {
    const current = await locked(tx, id);
    const updated = await tx.user.update({
      where: { id },
      data: { sessionVersion: { increment: 1 }, accessRevision: { increment: 1 } },
      select: VIEW_COLUMNS,
    });
    await audit(tx, actorId, id, "user.sign-out", {
      sessionVersion: { from: current.sessionVersion, to: updated.sessionVersion },
    });
    return updated;
  });
  await sessionChecks().store(id, stateOfRow(row));
  return { user: view(row) };
}

/** The account's audit trail, newest first. */
export function userAudit({ db }: Services, id: string) {
  return readAudit(db, { targetUserId: id }, 100);
}

async function locked(tx: Prisma.TransactionClient, id: string): Promise<ViewRow> {
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${id} FOR UPDATE`;
  const row = await tx.user.findUnique({ where: { id }, select: VIEW_COLUMNS });
  if (!row) throw notFound("User");
  return row;
}

const audit = (tx: Prisma.TransactionClient, actorId: string, targetUserId: string, action: string, changes: object) =>
  writeAudit(tx, actorId, { targetUserId }, action, changes);
