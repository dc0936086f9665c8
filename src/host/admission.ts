/** A job the pool may start: its id, the input bytes it will hold, and how to start it. */
export interface Ticket {
  id: string;
  bytes: number;
  start: () => void;
}

export interface AdmissionLimits {
  /** Jobs running at once. */
  slots: number;
  /** Input bytes running jobs hold together; a larger job runs only when nothing else does. */
  runningBytes: number;
  /** Jobs that may wait. */
  queued: number;
}

export type Admitted = 'started' | 'queued' | 'full';

/**
 * Decides when jobs start: first come, first served, within a number of slots and a byte budget. A waiting job that
 * does not fit holds back those behind it, so a large file is not starved by a stream of small ones.
 */
export class Admission {
  private readonly running = new Map<string, number>();
  private readonly waiting: Ticket[] = [];
  private heldBytes = 0;

  constructor(private readonly limits: AdmissionLimits) {}

  submit(ticket: Ticket): Admitted {
    if (this.waiting.length === 0 && this.fits(ticket.bytes)) {
      this.begin(ticket);
      return 'started';
    }
    if (this.waiting.length >= this.limits.queued) return 'full';
    this.waiting.push(ticket);
    return 'queued';
  }

  /** Ends a job wherever it is: a running one frees its slot and bytes, a waiting one leaves the queue. */
  finish(id: string): void {
    const index = this.waiting.findIndex((ticket) => ticket.id === id);
    if (index >= 0) this.waiting.splice(index, 1);
    const bytes = this.running.get(id);
    if (bytes !== undefined) {
      this.running.delete(id);
      this.heldBytes -= bytes;
    }
    this.startWaiting();
  }

  get counts(): { running: number; waiting: number; heldBytes: number } {
    return { running: this.running.size, waiting: this.waiting.length, heldBytes: this.heldBytes };
  }

  private fits(bytes: number): boolean {
    if (this.running.size >= this.limits.slots) return false;
    return this.running.size === 0 || this.heldBytes + bytes <= this.limits.runningBytes;
  }

  private begin(ticket: Ticket): void {
    this.running.set(ticket.id, ticket.bytes);
    this.heldBytes += ticket.bytes;
    ticket.start();
  }

  private startWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.bytes)) this.begin(this.waiting.shift()!);
  }
}
