// Solving the sign-up proof of work the way a scripted client would (altcha-lib's own solver in
// Node): fetch a challenge, find the counter, send base64 of {challenge, solution} as `altcha`.
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";

/** The `altcha` field for a challenge as GET /api/auth/challenge answers it. */
export async function solveSignupChallenge(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("no solution found for the sign-up challenge");
  return Buffer.from(
    JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }),
  ).toString("base64");
}

/** Fetches a challenge from `baseURL` and solves it. */
export async function solvedChallengeFrom(baseURL: string): Promise<string> {
  const res = await fetch(new URL("/api/auth/challenge", baseURL));
  if (!res.ok) throw new Error(`GET /api/auth/challenge answered ${res.status}`);
  return solveSignupChallenge((await res.json()) as Challenge);
}
