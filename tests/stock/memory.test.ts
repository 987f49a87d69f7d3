import { createMemoryEngine } from "@/lib/engine/memory";
import { changeFeedContract } from "@/tests/support/change-feed-contract";
import { engineContract, manualClock } from "@/tests/support/engine-contract";

// The memory engine runs on a clock the contract moves: lifetimes pass without sleeping.
const clock = manualClock();
engineContract(createMemoryEngine({ clock: clock.now }), clock);

// One process: the engine's emitter is the whole bus; another memory engine is another "deployment".
const memory = createMemoryEngine();
changeFeedContract("memory", () => ({ publisher: memory, subscriber: memory, foreign: createMemoryEngine() }));
