// The session decode of every API request: next-auth's own cookie, decoded with jose alone.
import { hkdfSync } from "node:crypto";
import { EncryptJWT, SignJWT } from "jose";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionToken, sessionUser } from "@/lib/sessions/cookie";
import { sessionCookie } from "@/tests/support/fixtures";

const user = { id: "user-1", email: "one@example.test", role: "ADMIN" as const };

describe("session decoding", () => {
  it("reads the user from next-auth's cookie, plain or chunked, among other cookies", async () => {
    const cookie = await sessionCookie(user);
    expect(await sessionUser(`theme=dark; ${cookie}; x=1`)).toEqual({
      id: "user-1",
      role: "ADMIN",
      email: "one@example.test",
      sessionVersion: 0,
    });
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

  it("carries the session version from sign-in (0 for tokens from before it existed)", async () => {
    expect(await sessionUser(await sessionCookie({ ...user, id: "user-4", sessionVersion: 7 }))).toMatchObject({
      sessionVersion: 7,
    });
    const old = await encode({ token: { sub: "user-5", role: "USER" }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await sessionUser(`next-auth.session-token=${old}`)).toMatchObject({ id: "user-5", sessionVersion: 0 });
  });

  it("accepts only dir + A256GCM: the same key under another algorithm, or a signed token, is no session", async () => {
    const secret = process.env.NEXTAUTH_SECRET!;
    const key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    const claims = { sub: "user-6", role: "ADMIN" };
    const good = await new EncryptJWT(claims)
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await sessionUser(`next-auth.session-token=${good}`)).toMatchObject({ id: "user-6" });
    const otherEnc = await new EncryptJWT({ ...claims, sub: "user-7" })
      .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512" })
      .setExpirationTime("1h")
      .encrypt(new Uint8Array(64).fill(1));
    expect(await sessionUser(`next-auth.session-token=${otherEnc}`)).toBeNull();
    const cbc = await new EncryptJWT({ ...claims, sub: "user-8" })
      .setProtectedHeader({ alg: "dir", enc: "A128CBC-HS256" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await sessionUser(`next-auth.session-token=${cbc}`)).toBeNull();
    const wrapped = await new EncryptJWT({ ...claims, sub: "user-9" })
      .setProtectedHeader({ alg: "A256KW", enc: "A256GCM" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await sessionUser(`next-auth.session-token=${wrapped}`)).toBeNull();
    const signed = await new SignJWT({ ...claims, sub: "user-10" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(key);
    expect(await sessionUser(`next-auth.session-token=${signed}`)).toBeNull();
  });

  it("gives the same answer for a cookie seen before (decoded once, remembered)", async () => {
    const cookie = await sessionCookie({ ...user, id: "user-3", role: "USER" });
    const first = await sessionUser(cookie);
    expect(first).toMatchObject({ id: "user-3", role: "USER" });
    expect(await sessionUser(cookie)).toEqual(first);
  });
});
