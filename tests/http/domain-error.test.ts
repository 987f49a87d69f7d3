// DomainError is recognised by its brand, not by `instanceof`: Next compiles lib/ into several
// layers of one process, each with its own class, and an error thrown by one copy must still get
// its status (not a 500) from another copy's error mapping.
import { describe, expect, it, vi } from "vitest";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { errorReply } from "@/lib/http/errors";

describe("DomainError across module copies", () => {
  it("an error from another copy of the module answers with its code's status", async () => {
    vi.resetModules();
    const otherCopy = await import("@/lib/errors/domain-error");
    expect(otherCopy.DomainError).not.toBe(DomainError); // really a second class
    const foreign = new otherCopy.DomainError("SOLD_OUT", "All coupons have been claimed.");
    expect(foreign instanceof DomainError).toBe(false);
    expect(isDomainError(foreign)).toBe(true);
    expect(errorReply(foreign)).toMatchObject({ status: 410, body: { error: "SOLD_OUT" } });
  });

  it("anything else is not a DomainError", () => {
    expect(isDomainError(new Error("SOLD_OUT"))).toBe(false);
    expect(isDomainError({ code: "SOLD_OUT", message: "x" })).toBe(false);
    expect(isDomainError(null)).toBe(false);
  });
});
