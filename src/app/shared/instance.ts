/** Names this process in leases, ledger claims and outbox claims. */
import { randomUUID } from 'node:crypto';

/** This process's name, e.g. `instance-6f1c…`. */
export const instanceId = `instance-${randomUUID()}`;
