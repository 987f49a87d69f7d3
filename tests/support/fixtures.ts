// Test data and sessions, written straight to the test database.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import type { Db } from "@/lib/db";
import { SOCKET_ADDRESS_HEADER, trustSocketAddressHeader } from "@/lib/http/client-address";

export const uid = () => randomBytes(6).toString("hex");

export async function createUsers(db: Db, count: number, role: "USER" | "ADMIN" = "USER", idPrefix = "u") {
  const run = uid();
  const data = Array.from({ length: count }, (_, i) => ({
    id: `${idPrefix}-${run}-${i}`,
    email: `${idPrefix}-${run}-${i}@example.test`,
    emailCanonical: `${idPrefix}-${run}-${i}@example.test`,
    passwordHash: "not-used-in-these-tests",
    role,
  }));
  await db.user.createMany({ data });
  return data.map(({ id, email, role }) => ({ id, email, role }));
}

export async function createPromotion(
  db: Db,
  overrides: Partial<{ totalStock: number; startsAt: Date; endsAt: Date; paused: boolean; published: boolean }> = {},
) {
  const now = Date.now();
  return db.promotion.create({
    data: {
      slug: `promo-${uid()}`,
      title: "Test drop",
      totalStock: 10,
      startsAt: new Date(now - 60_000),
      endsAt: new Date(now + 3_600_000),
      published: true,
      discountType: "PERCENT",
      discountValue: 10,
      ...overrides,
    },
  });
}

export { sessionCookie } from "./session-cookie";

let addresses = 0;
const nextAddress = () => `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses++ & 255}`;
// The route handlers are called the way the production server hands requests to Next: with the
// socket's address in the header it vouches for (lib/http/client-address.ts).
trustSocketAddressHeader();

type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Calls a route handler the way Next does, and returns status, headers and parsed JSON. */
export async function call(
  handler: RouteHandler,
  options: {
    method?: string;
    path?: string;
    params?: Record<string, string>;
    cookie?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    /** The socket address it comes from. */
    address?: string;
  } = {},
) {
  // Each call comes from an address of its own unless the test says otherwise, as a crowd would.
  const headers: Record<string, string> = { [SOCKET_ADDRESS_HEADER]: options.address ?? nextAddress(), ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const req = new NextRequest(`http://localhost:3000${options.path ?? "/api/test"}`, {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

/**
 * Runs `body` while PostgreSQL refuses every claim row of users whose id starts with
 * `${userPrefix}-` (a real database error, raised by a trigger mid-statement).
 */
export async function withRefusedClaims<T>(db: Db, userPrefix: string, body: () => Promise<T>): Promise<T> {
  if (!/^[a-z]+$/.test(userPrefix)) throw new Error("the prefix names a trigger: lower-case letters only");
  const name = `refuse_${userPrefix}_claims`;
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      IF NEW."userId" LIKE '${userPrefix}-%' THEN RAISE EXCEPTION 'forced failure for a test'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE TRIGGER ${name} BEFORE INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  try {
    return await body();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON "Claim"`);
  }
}
