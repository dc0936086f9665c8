import { describe, expect, it } from 'vitest';
import { Admission } from './admission';

function recorder() {
  const started: string[] = [];
  const ticket = (id: string, bytes: number) => ({ id, bytes, start: () => started.push(id) });
  return { started, ticket };
}

describe('Admission', () => {
  it('starts jobs up to the slot count and queues the rest in order', () => {
    const { started, ticket } = recorder();
    const admission = new Admission({ slots: 2, runningBytes: 1000, queued: 2 });
    expect(['a', 'b', 'c', 'd'].map((id) => admission.submit(ticket(id, 1)))).toEqual([
      'started',
      'started',
      'queued',
      'queued',
    ]);
    expect(admission.submit(ticket('e', 1))).toBe('full');
    expect(started).toEqual(['a', 'b']);
    admission.finish('b');
    expect(started).toEqual(['a', 'b', 'c']);
    expect(admission.counts).toEqual({ running: 2, waiting: 1, heldBytes: 2 });
  });

  it('keeps running input bytes within the budget, but runs a job larger than the budget alone', () => {
    const { started, ticket } = recorder();
    const admission = new Admission({ slots: 4, runningBytes: 100, queued: 8 });
    admission.submit(ticket('small', 60));
    expect(admission.submit(ticket('huge', 500))).toBe('queued');
    // Waiting in line: the small one behind the huge one does not jump ahead.
    expect(admission.submit(ticket('tiny', 1))).toBe('queued');
    admission.finish('small');
    expect(started).toEqual(['small', 'huge']);
    expect(admission.counts.heldBytes).toBe(500);
    admission.finish('huge');
    expect(started).toEqual(['small', 'huge', 'tiny']);
  });

  it('takes a waiting job out of the queue when it ends before starting', () => {
    const { started, ticket } = recorder();
    const admission = new Admission({ slots: 1, runningBytes: 100, queued: 8 });
    admission.submit(ticket('a', 1));
    admission.submit(ticket('b', 1));
    admission.submit(ticket('c', 1));
    admission.finish('b');
    expect(admission.counts).toEqual({ running: 1, waiting: 1, heldBytes: 1 });
    admission.finish('a');
    expect(started).toEqual(['a', 'c']);
  });
});
