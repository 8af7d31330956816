// A review session: the due questions (or new ones) one by one, each rated before the next, and
// what the learner is told at the end. Pure: no 'vscode'.
import type { Rating } from './fsrs';

export interface SessionRating {
  id: string;
  rating: Rating;
  /** When the question is due next after this rating. */
  due: number;
}

export class ReviewSession {
  private index = 0;
  readonly ratings: SessionRating[] = [];

  constructor(
    readonly ids: readonly string[],
    /** Questions never reviewed before (nothing was due). */
    readonly fresh: boolean,
  ) {}

  /** The question to show now; undefined once every one is rated. */
  get current(): string | undefined {
    return this.ids[this.index];
  }

  get position(): number {
    return Math.min(this.index + 1, this.ids.length);
  }

  get count(): number {
    return this.ids.length;
  }

  get finished(): boolean {
    return this.index >= this.ids.length;
  }

  /**
   * The rating of this question, the session's last, was undone: the session steps back to it.
   * False (and nothing changes) when the session's last rating is of another question.
   */
  undo(id: string): boolean {
    if (this.ratings.at(-1)?.id !== id) return false;
    this.ratings.pop();
    this.index--;
    return true;
  }

  /** The current question was rated: returns the next one, or undefined at the end. */
  rated(id: string, rating: Rating, due: number): string | undefined {
    if (id !== this.current) return this.current;
    this.ratings.push({ id, rating, due });
    this.index++;
    return this.current;
  }
}
