/**
 * Generated Kent news text for the benchmarks: claim sentences mixed with distractors full of
 * numbers that are not claims (dates, scores, prices, phone numbers), from a seeded generator
 * so every run and every benchmark reads the same text.
 */

/** Mulberry32: a tiny seeded PRNG, so every run benchmarks the same text. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLAIMS = [
  (n: number) =>
    `Kent Police recorded more than ${n} domestic abuse-related crimes every day in 2021/22, according to the draft strategy.`,
  (n: number) =>
    `Thanet averaged ${n.toLocaleString('en-GB')} domestic abuse-related calls to Kent Police between 2017 and 2021, compared to 1,709 in Sevenoaks.`,
  (n: number) =>
    `The rate of recorded domestic abuse offences in Thanet is ${(n / 10).toFixed(1)} per 1,000 people, while in Sevenoaks it is 12.6.`,
  (n: number) =>
    `In 2020 and 2021, nearly ${n.toLocaleString('en-GB')} crimes of controlling and coercive behaviour were recorded by Kent Police.`,
  (n: number) =>
    `Kent and Medway NHS and Social Care Partnership Trust made ${n} safeguarding referrals for sexual abuse or sexual safety concerns in 2024.`,
  (n: number) =>
    `In four in ten of the domestic abuse incidents Kent Police recorded in 2021/22, a child was present, and almost ${n.toLocaleString('en-GB')} incidents a month were witnessed by children.`,
];
const DISTRACTORS = [
  (n: number) =>
    `The council meets on ${1 + (n % 27)} March at Sessions House, 2.70 County Hall, Maidstone ME14 1XQ; call 03000 421553 for details.`,
  (n: number) =>
    `Gillingham won 3-1 in front of ${n.toLocaleString('en-GB')} fans, and the club sold ${n % 500} season tickets at £${n % 90} each.`,
  (n: number) =>
    `The five-year plan runs from 2024-2029 with three key priorities and ${n % 20} partners, and a budget of £${n % 9}.${n % 10}m.`,
  (n: number) =>
    `Applicants must be aged 18 or over; the helpline is open from 9am to 5pm and ${n % 60} new officers will be recruited next year.`,
  () =>
    'Residents were asked for their views in a public consultation that runs until the autumn, with paper copies available in every library.',
];

export function article(bytes: number, seed: number): string {
  const next = rng(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const pick =
      next() < 0.45
        ? CLAIMS[Math.floor(next() * CLAIMS.length)]!
        : DISTRACTORS[Math.floor(next() * DISTRACTORS.length)]!;
    const sentences = [
      pick(Math.floor(next() * 5000) + 10),
      DISTRACTORS[Math.floor(next() * DISTRACTORS.length)]!(Math.floor(next() * 5000)),
    ];
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, bytes);
}
