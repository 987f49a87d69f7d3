// The migration that adds User.emailCanonical, run on accounts that already share mailboxes.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { uid } from "@/tests/support/fixtures";

const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261202000000_email_canonical/migration.sql");

describe("migration 20261202000000_email_canonical", () => {
  it("backfills the canonical form; of accounts sharing a mailbox one gets it and the others keep their own address", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    // A schema of its own with the table as it was before, so the real one is untouched.
    const schema = `migration_${uid()}`;
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path TO ${schema}`);
      await client.query(
        `CREATE TABLE "User" (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "createdAt" TIMESTAMP(3) NOT NULL)`,
      );
      const rows: [string, string, string][] = [
        ["a", "ada.l@gmail.com", "2026-01-01"], // oldest of the "adal" mailbox
        ["b", "adal+shop@googlemail.com", "2026-02-01"],
        ["c", "ADAL@gmail.com", "2026-03-01"], // newest, but already the canonical form: it wins
        ["d", "grace@example.test", "2026-01-05"],
        ["e", "gr.ace@example.test", "2026-01-06"], // other providers keep dots
        ["f", "x.y@gmail.com", "2026-04-01"],
        ["g", "xy+1@gmail.com", "2026-03-01"], // older than f: the canonical "xy@gmail.com" is g's
      ];
      for (const [id, email, createdAt] of rows) {
        await client.query(`INSERT INTO "User" (id, email, "createdAt") VALUES ($1, $2, $3)`, [id, email, createdAt]);
      }
      await client.query(readFileSync(MIGRATION, "utf8"));
      const { rows: after } = await client.query<{ id: string; emailCanonical: string }>(
        `SELECT id, "emailCanonical" FROM "User" ORDER BY id`,
      );
      expect(Object.fromEntries(after.map((r) => [r.id, r.emailCanonical]))).toEqual({
        a: "ada.l@gmail.com",
        b: "adal+shop@googlemail.com",
        c: "adal@gmail.com",
        d: "grace@example.test",
        e: "gr.ace@example.test",
        f: "x.y@gmail.com",
        g: "xy@gmail.com",
      });
      // From now on the column is required and unique.
      await expect(client.query(`INSERT INTO "User" (id, email, "createdAt") VALUES ('h', 'h@x.test', now())`)).rejects.toThrow(
        /null/,
      );
      await expect(
        client.query(
          `INSERT INTO "User" (id, email, "emailCanonical", "createdAt") VALUES ('i', 'a.d.a.l@gmail.com', 'adal@gmail.com', now())`,
        ),
      ).rejects.toThrow(/unique/);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
