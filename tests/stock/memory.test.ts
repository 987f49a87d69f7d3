import { createMemoryEngine } from "@/lib/stock/memory";
import { changeFeedContract } from "@/tests/support/change-feed-contract";
import { stockEngineContract } from "@/tests/support/stock-contract";

stockEngineContract(createMemoryEngine);

// One process: the engine's emitter is the whole bus; another memory engine is another "deployment".
const memory = createMemoryEngine();
changeFeedContract("memory", () => ({ publisher: memory, subscriber: memory, foreign: createMemoryEngine() }));
