import type { RenderSettings } from '../../config/schema';
import type { NumberingLevel, NumberingSequence, NumberRef } from '../layout';
import { counterText } from '../../text/counters';

type RecommendationStyle = RenderSettings['recommendationNumbering'];

const RECOMMENDATION_LEVEL: Record<Exclude<RecommendationStyle, 'paragraph'>, NumberingLevel> = {
  '1.': { format: 'decimal', pattern: '%1.' },
  '(1)': { format: 'decimal', pattern: '(%1)' },
  '(a)': { format: 'lowerLetter', pattern: '(%1)' },
  'a)': { format: 'lowerLetter', pattern: '%1)' },
  'i)': { format: 'lowerRoman', pattern: '%1)' },
  '(i)': { format: 'lowerRoman', pattern: '(%1)' },
  'A.': { format: 'upperLetter', pattern: '%1.' },
};

/**
 * Numbers paragraphs the way the council's house style says: per section (headings 1., paragraphs 1.1,
 * seed 000) or continuous (paragraphs 1..n, headings unnumbered, seed 003). Recommendations follow the
 * paragraphs or a style of their own. Each number is also declared as a sequence so Word counts the same.
 */
export class Numberer {
  private heading = 0;
  private para = 0;
  private rec = 0;

  constructor(
    private readonly scheme: RenderSettings['paragraphNumbering'],
    private readonly recStyle: RecommendationStyle,
  ) {}

  sequences(): Record<string, NumberingSequence> {
    const paras: NumberingSequence =
      this.scheme === 'section'
        ? { levels: [{ format: 'decimal', pattern: '%1.' }, { format: 'decimal', pattern: '%1.%2' }] }
        : { levels: [{ format: 'decimal', pattern: '%1.' }] };
    return this.recStyle === 'paragraph' ? { paras } : { paras, recs: { levels: [RECOMMENDATION_LEVEL[this.recStyle]] } };
  }

  /** A section heading: numbered only in the per-section scheme. */
  sectionHeading(): NumberRef | undefined {
    if (this.scheme !== 'section') return undefined;
    this.heading++;
    this.para = 0;
    return { text: `${this.heading}.`, sequence: 'paras', level: 0 };
  }

  /** A numbered paragraph; undefined before the first numbered heading in the per-section scheme. */
  paragraph(): NumberRef | undefined {
    if (this.scheme === 'continuous') return { text: `${++this.para}.`, sequence: 'paras', level: 0 };
    if (this.heading === 0) return undefined;
    return { text: `${this.heading}.${++this.para}`, sequence: 'paras', level: 1 };
  }

  recommendation(): NumberRef | undefined {
    if (this.recStyle === 'paragraph') return this.paragraph();
    const level = RECOMMENDATION_LEVEL[this.recStyle];
    return { text: level.pattern.replace('%1', counterText(++this.rec, level.format)), sequence: 'recs', level: 0 };
  }
}
