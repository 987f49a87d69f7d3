import { getDb, getPool } from "@/lib/db";
import { createMemoryEngine } from "@/lib/engine/memory";
import { changeFeedContract } from "@/tests/support/change-feed-contract";
import { engineContract, manualClock } from "@/tests/support/engine-contract";
import { fairStartContract } from "@/tests/support/fair-start-contract";

// The memory engine runs on a clock the contract moves: lifetimes pass without sleeping.
const clock = manualClock();
engineContract(createMemoryEngine({ clock: clock.now }), clock);

// One process: the engine's emitter is the whole bus; another memory engine is another "deployment".
const memory = createMemoryEngine();
changeFeedContract("memory", () => ({ publisher: memory, subscriber: memory, foreign: createMemoryEngine() }));

// The zero-service run's engine under fair start (with the machine's PostgreSQL).
const fairStartEngine = createMemoryEngine();
fairStartContract("memory", () => ({ db: getDb(), pool: getPool(), engine: fairStartEngine }));
