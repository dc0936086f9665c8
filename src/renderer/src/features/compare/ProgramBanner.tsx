import { useId } from 'react';
import './program-banner.css';

/**
 * "Different programs", "Another program": said above every count on a screen that puts two things side by side,
 * since each difference below follows from it. Red with a ≠ and the word, so it reads in black and white too.
 */
export function ProgramBanner({ title, statement }: { title: string; statement: string }) {
  const id = useId();
  return (
    <section className="verdict-banner tone-bad program-banner" aria-labelledby={id}>
      <h2 id={id}>
        <span aria-hidden="true" className="verdict-icon">
          ≠
        </span>{' '}
        {title}
      </h2>
      <p>{statement}</p>
    </section>
  );
}
