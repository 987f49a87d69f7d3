import { newChallenge } from "@/lib/auth/challenge";
import { json, route } from "@/lib/http/route";

// A fresh proof-of-work challenge for the sign-up form's ALTCHA widget (or a scripted client).
export const GET = route({ access: "public" }, async () => json(await newChallenge(), 200, { "Cache-Control": "no-store" }));
