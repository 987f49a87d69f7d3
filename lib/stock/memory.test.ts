import { stockEngineContract } from "./contract";
import { createMemoryEngine } from "./memory";

stockEngineContract(createMemoryEngine);
