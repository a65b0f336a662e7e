import { useMemo, useState } from 'preact/hooks';
import { VERDICT_LABELS } from '@/utils/verdicts';
import type { Engine, StatementCheck } from '@/utils/engine';
import { addedPackOfSource } from '@/data';
import { officialFigureText } from './official-figure';

export interface CheckFormProps {
  engine: Engine;
  /** How many official figures to show for one typed statement. */
  limit?: number;
}

/**
 * "Check a statistic": the reader types or pastes a sentence or a number and sees the closest
 * official figures. Runs the same engine as the page, on every keystroke: it is fast enough.
 */
export function CheckForm({ engine, limit = 4 }: CheckFormProps) {
  const [text, setText] = useState('');
  const results = useMemo<StatementCheck[]>(
    () => (text.trim() === '' ? [] : engine.checkStatement(text, limit)),
    [engine, text, limit],
  );
  return (
    <section aria-labelledby="check-heading" class="check-form">
      <h2 id="check-heading">Check a statistic</h2>
      <label for="check-input" class="visually-hidden">
        A sentence or number to check
      </label>
      <input
        id="check-input"
        type="search"
        value={text}
        placeholder="e.g. over 100 domestic abuse crimes a day"
        autoComplete="off"
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <div aria-live="polite">
        {text.trim() !== '' && results.length === 0 && (
          <p class="popup__notice">No official figure is close to that.</p>
        )}
        {results.length > 0 && (
          <ol class="check-results">
            {results.map((r, i) => {
              const label = VERDICT_LABELS[r.verdict];
              return (
                <li
                  key={`${r.recordId ?? r.notHeldId ?? 'none'}-${i}`}
                  class={`result result--${r.verdict}`}
                >
                  <p class="result__verdict">
                    <span aria-hidden="true">{label.icon}</span> {label.singular}
                  </p>
                  <p class="result__reason">{r.reason}</p>
                  {r.official && (
                    <p class="result__official">
                      Official: <strong>{officialFigureText(r.official)}</strong> ·{' '}
                      {r.official.place}
                      {r.official.period && ` · ${r.official.period}`} · {r.official.source.title}
                      {r.official.source.reference && ` (${r.official.source.reference})`}
                      {addedPackOfSource(r.official.source.id) &&
                        ` · from a pack you added: ${addedPackOfSource(r.official.source.id)?.title}`}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
