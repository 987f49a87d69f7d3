// The session decode of every API request: next-auth's own cookie, decoded with jose alone.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionToken, sessionUser } from "@/lib/auth/session";
import { sessionCookie } from "@/tests/support/fixtures";

const user = { id: "user-1", email: "one@example.test", role: "ADMIN" as const };

describe("session decoding", () => {
  it("reads the user from next-auth's cookie, plain or chunked, among other cookies", async () => {
    const cookie = await sessionCookie(user);
    expect(await sessionUser(`theme=dark; ${cookie}; x=1`)).toEqual({ id: "user-1", role: "ADMIN", email: "one@example.test" });
    const token = cookie.split("=")[1];
    const chunked = `next-auth.session-token.0=${token.slice(0, 100)}; next-auth.session-token.1=${token.slice(100)}`;
    expect(sessionToken(chunked)).toBe(token);
    expect(sessionToken(`__Secure-next-auth.session-token=${token}`)).toBe(token);
  });

  it("is no session for a forged, foreign or expired cookie, or none", async () => {
    expect(await sessionUser(null)).toBeNull();
    expect(await sessionUser("next-auth.session-token=forged")).toBeNull();
    const foreign = await sessionCookie(user, "another-secret-of-at-least-32-chars!!");
    expect(await sessionUser(foreign)).toBeNull();
    const expired = await encode({ token: { sub: "user-2" }, secret: process.env.NEXTAUTH_SECRET!, maxAge: -60 });
    expect(await sessionUser(`next-auth.session-token=${expired}`)).toBeNull();
  });

  it("gives the same answer for a cookie seen before (decoded once, remembered)", async () => {
    const cookie = await sessionCookie({ ...user, id: "user-3", role: "USER" });
    const first = await sessionUser(cookie);
    expect(first).toMatchObject({ id: "user-3", role: "USER" });
    expect(await sessionUser(cookie)).toEqual(first);
  });
});
