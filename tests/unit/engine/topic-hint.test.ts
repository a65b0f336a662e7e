/**
 * `mayNameTopic` lets the content script leave a page alone, engine unstarted, when nothing
 * on it can name assault or abuse. A page it turns away wrongly would lose every claim on it,
 * silently, so it is held to the topic patterns themselves, to every claim of the fixture
 * pages, and to the spellings the patterns read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../cli/html';
import { dataset } from '../../../data';
import { extractBlocks } from '../../../utils/dom/extract';
import { createEngine } from '../../../utils/engine';
import { CONCEPT_DEFS, mayNameTopic } from '../../../utils/engine/concepts';

const TOPIC_DEFS = CONCEPT_DEFS.filter((d) => d.kind === 'topic' || d.kind === 'specific');

/** The top-level alternatives of a pattern's source (the concept patterns have no groups with `|` at the top). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '(' || c === '[') depth += 1;
    else if (c === ')' || c === ']') depth -= 1;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) =>
    statSync(`${dir}/${f}`).isDirectory()
      ? walk(`${dir}/${f}`)
      : f.endsWith('.html')
        ? [`${dir}/${f}`]
        : [],
  );
}

describe('mayNameTopic', () => {
  it('has a stem at the start of every alternative of every topic pattern', () => {
    for (const def of TOPIC_DEFS) {
      for (const alt of alternatives(def.re.source)) {
        // "\b[Dd]omestic" → "domestic": the letters an alternative must begin with.
        expect(alt.startsWith('\\b'), `${def.id}: ${alt}`).toBe(true);
        const letters = /^[a-z]+/i.exec(alt.slice(2).replace(/\[([A-Za-z])[A-Za-z]\]/g, '$1'));
        const word = letters?.[0] ?? '';
        const stem = def.stems.find((s) => word.toLowerCase().startsWith(s));
        expect(stem, `${def.id}: ${alt}`).toBeDefined();
        // The one stem the hint leaves out stands for a case-sensitive pattern.
        if (stem === 'da') expect(def.re.flags).not.toContain('i');
      }
    }
  });

  it('passes every page of the fixtures on which the engine finds a claim', () => {
    const engine = createEngine(dataset);
    let pages = 0;
    for (const file of walk('tests/fixtures')) {
      const { blocks, context } = extractBlocks(loadHtml(readFileSync(file, 'utf8')).document);
      if (engine.analyseBlocks(blocks, context).length === 0) continue;
      pages += 1;
      const texts = [context.title ?? '', ...(context.headings ?? []), ...blocks];
      expect(texts.some(mayNameTopic), file).toBe(true);
    }
    expect(pages).toBeGreaterThan(100);
  });

  it('reads the topic words as the patterns do', () => {
    for (const text of [
      'Domestic abuse rose',
      'the DA service',
      'an ATTACK on staff',
      'assaults on staff',
      'a \u212Anife crime', // the Kelvin sign lower-cases to "k"
      '(coercive) control',
      'sex offences',
    ])
      expect(mayNameTopic(text), text).toBe(true);
  });

  it('turns away text about anything else', () => {
    for (const text of [
      'What’s on in Kent this weekend',
      'Bake for 35 minutes, then leave to cool in the tin.',
      'The ferry left Whitstable for Essex at 9.15am today with white vans.',
      'Updated data on the day',
    ])
      expect(mayNameTopic(text), text).toBe(false);
  });
});
