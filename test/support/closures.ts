/** A closure request raised by the demo SLL, with its follow-up work done: for tests that start from one. */
import { raiseClosureRequest } from '../../src/app/closure/raise-closure';
import type { ClosureRequest } from '../../src/domain/records';
import { demoPeople } from '../../src/demo/people';
import type { AppUnderTest } from './app-under-test';

/** Raises the closure of `subjectId` as the demo SLL, with one evidence link; its cards are sent. */
export async function raisedClosure(app: AppUnderTest, subjectId: string): Promise<ClosureRequest> {
  const raised = await raiseClosureRequest(app.appContext, demoPeople.sll, {
    subjectId,
    links: ['https://evidence.example.org/closure.pdf'],
    validationNote: 'Seen on a visit.',
  });
  if (!raised.ok) throw new Error(raised.error.reason);
  await app.appContext.outbox.idle();
  return raised.value.request;
}
