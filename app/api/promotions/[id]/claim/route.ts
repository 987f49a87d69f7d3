import { claimEndpoint } from "@/lib/claims/claim-endpoint";
import { nextHandler } from "@/lib/http/route";

export const POST = nextHandler(claimEndpoint);
