import { nextHandler } from "@/lib/http/route";
import { stockEndpoint } from "@/lib/promotions/stock-endpoint";

export const GET = nextHandler(stockEndpoint);
