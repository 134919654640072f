import { memoryCoordination } from '../../src/coordination/memory.js';
import { coordinationContract } from './contract.js';

coordinationContract('in-process', async () => {
  const one = memoryCoordination();
  return { instances: [one, one, one], close: () => one.close() };
});
