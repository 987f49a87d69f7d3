import { createMemoryEngine } from "@/lib/stock/memory";
import { stockEngineContract } from "@/tests/support/stock-contract";

stockEngineContract(createMemoryEngine);
