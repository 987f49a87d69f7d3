import { createHash, createHmac, randomBytes } from "node:crypto";

// The arithmetic of a fair-start draw, in the form anyone can recompute once the seed is revealed:
//   seedSha256 = SHA-256(seed bytes), published before the entry window opens;
//   ticket     = HMAC-SHA256(key = seed bytes, message = user id), lowercase hex;
//   the lowest tickets win, up to the stock; position = rank of the ticket among all entrants.

/** A fresh secret seed: 32 random bytes as 64 hex characters. */
export const newSeed = (): string => randomBytes(32).toString("hex");

/** The public commitment to a seed: SHA-256 of its bytes, in hex. */
export const seedSha256 = (seed: string): string => createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex");

/** An entrant's ticket under `seed`. */
export const ticketOf = (seed: string, userId: string): string =>
  createHmac("sha256", Buffer.from(seed, "hex")).update(userId, "utf8").digest("hex");

/** The formula as shown to people checking a draw. */
export const TICKET_FORMULA = "ticket = HMAC-SHA256(key = seed bytes, message = user id), lowest tickets win";
