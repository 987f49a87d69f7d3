// Issue #21's coupon terms on the machine's PostgreSQL and Redis (the contract: tests/support/terms-contract.ts).
import { termsContract } from "@/tests/support/terms-contract";

termsContract("PostgreSQL and Redis");
