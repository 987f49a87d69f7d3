import { enterEndpoint, entryEndpoint } from "@/lib/fair-start/entry-endpoint";
import { nextHandler } from "@/lib/http/route";

export const POST = nextHandler(enterEndpoint);
export const GET = nextHandler(entryEndpoint);
