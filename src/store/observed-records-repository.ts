/**
 * The records repository with commit observers: derived views (the due index) hear about every
 * change right before and right after it is committed, whichever use case made it.
 */
import type { TableClient } from '@azure/data-tables';
import { RecordsRepository, type CommittedChange, type RecordChange } from './records-repository';

/** Told about each commit; `before` runs first, `after` only once the commit succeeded. */
export interface CommitObserver {
  before(serviceCode: string, changes: readonly RecordChange[]): Promise<void>;
  after(serviceCode: string, changes: readonly RecordChange[]): Promise<void>;
}

/** A {@link RecordsRepository} whose commits are observed. */
export class ObservedRecordsRepository extends RecordsRepository {
  private readonly observers: CommitObserver[] = [];

  /** Adds an observer; returns a function that removes it. */
  observe(observer: CommitObserver): () => void {
    this.observers.push(observer);
    return () => {
      const index = this.observers.indexOf(observer);
      if (index >= 0) this.observers.splice(index, 1);
    };
  }

  /** Commits as {@link RecordsRepository.commit} does, telling the observers before and after. */
  override async commit(serviceCode: string, changes: readonly RecordChange[]): Promise<CommittedChange[]> {
    for (const observer of this.observers) await observer.before(serviceCode, changes);
    const committed = await super.commit(serviceCode, changes);
    for (const observer of this.observers) await observer.after(serviceCode, changes);
    return committed;
  }
}

/** Builds an observed records repository over the records table. */
export function createObservedRecordsRepository(client: TableClient): ObservedRecordsRepository {
  return new ObservedRecordsRepository(client);
}
